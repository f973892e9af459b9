"""A Pagefind index folder read as data, to compare two indexes by what they hold: Pagefind writes a
filter's values in another order from one run to the next (and so names its filter chunks and its
meta file by other hashes), whatever its input; everything else it writes the same for the same input.

Its files are gzip-compressed CBOR (RFC 8949) after a 'pagefind_dcd' signature; this reads the
major types Pagefind writes."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def _item(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR item of indefinite length at byte {at}")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        raw = data[at : at + argument]
        return (raw if major == 2 else raw.decode("utf-8")), at + argument
    if major in (4, 5):
        items = []
        for _ in range(argument * (2 if major == 5 else 1)):
            item, at = _item(data, at)
            items.append(item)
        return (items if major == 4 else list(zip(items[::2], items[1::2], strict=True))), at
    if major == 7 and info == 26:
        return struct.unpack(">f", argument.to_bytes(4, "big"))[0], at
    if major == 7:
        return {20: False, 21: True, 22: None}[argument], at
    raise ValueError(f"CBOR major type {major} at byte {at}")


def read(raw: bytes) -> Any:
    data = gzip.decompress(raw)
    assert data.startswith(SIGNATURE), "not a Pagefind data file"
    value, end = _item(data, len(SIGNATURE))
    assert end == len(data), "bytes after the CBOR item"
    return value


def index_data(folder: Path) -> dict[str, Any]:
    """The index in `folder`, as data: each file by name, except the filter chunks and the meta file,
    which are read, their filters' values sorted and the chunks' names replaced by what they hold."""
    found: dict[str, Any] = {}
    filters = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if not path.is_file() or name == "pagefind-entry.json":
            continue
        if name.startswith("filter/"):
            filter_name, values = read(path.read_bytes())
            filters[name.removeprefix("filter/").removesuffix(".pf_filter")] = (filter_name, sorted(values))
        elif name.endswith(".pf_meta"):
            found["meta"] = read(path.read_bytes())
        else:
            found[name] = path.read_bytes()
    version, pages, chunks, filter_chunks, sorts, meta_fields = found["meta"]
    found["meta"] = [version, pages, chunks, sorted(filters[chunk] for _, chunk in filter_chunks), sorts, meta_fields]
    return found
