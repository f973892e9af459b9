"""Reuse of the previous build's pages, keyed by content: an unchanged page is neither rendered nor written.

A page's fingerprint hashes its own data (title, body, the HTML around it, its links) with a
shared key: everything else that shapes a page's HTML (templates, configuration, this code,
package versions, build settings, the menus). A page is reused only when its fingerprint equals
the one recorded when its file was written *and* the file is still exactly the file written then
(same size, and the same modification time or else the same bytes), so an edited or deleted output
file is rendered again. Timestamps only guard the output file; they never decide that content is
unchanged.

The engine keeps the previous output in the site folder; `set_aside` and `restore` carry it
past an engine that empties the folder before every build (MkDocs does).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from ..pages.model import SitePage

FORMAT = 2  # bump when the record's meaning changes


def shared_key(parts: Iterable[str | bytes], trees: Iterable[Path]) -> str:
    """One hash of the given values and of every file (name and bytes) below the given folders."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for part in parts:
        digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
    for tree in trees:
        paths = [tree] if tree.is_file() else sorted(p for p in tree.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            digest.update(b"\0" + path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# `converted` is made of the body, its place and this code, which the fingerprint holds already
_FIELDS = [field.name for field in dataclasses.fields(SitePage) if field.name != "converted"]


def page_fingerprint(page: SitePage, shared: str, extra: str = "") -> str:
    """Every field of the page, by name: long text is hashed as it is, the rest by its repr."""
    digest = hashlib.blake2b(shared.encode(), digest_size=20)
    for name in _FIELDS:
        value = getattr(page, name)
        digest.update(b"\0" + name.encode() + b"\0")
        digest.update(value.encode() if isinstance(value, str) else repr(value).encode())
    digest.update(b"\0extra\0" + extra.encode())
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=20).hexdigest()


def output_path(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


class OutputCache:
    def __init__(self, site_dir: Path, cache_dir: Path) -> None:
        self.site_dir = site_dir.absolute()  # as the engine names its files: not resolved through links
        name = hashlib.sha256(str(self.site_dir).encode()).hexdigest()[:16]
        self.record_file = cache_dir / (name + ".json")
        # what the previous build wrote; deleted when a build starts, so a build that stops
        # half-way leaves none and the next one looks at every file instead
        self.files_file = cache_dir / (name + ".files.json")
        self.search_file = cache_dir / (name + ".search.json")  # what each language's index was made of
        self.site_file = cache_dir / (name + ".site")  # which folder these records describe
        forget_vanished_sites(cache_dir)
        self.aside = self.site_dir.with_name("." + self.site_dir.name + ".previous-build")
        self._fingerprints: dict[str, str] | None = {}
        self._fingerprint_inputs: tuple[list[SitePage], str, dict[str, str]] = ([], "", {})
        self.reused: set[str] = set()
        self.previous = self._read_record()

    def _read_record(self) -> dict[str, Any]:
        try:
            record: dict[str, Any] = json.loads(self.record_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if record.get("format") != FORMAT or record.get("site_dir") != str(self.site_dir):
            return {}
        for key, source in (("files", self.files_file), ("search", self.search_file)):
            with contextlib.suppress(OSError, ValueError):
                record[key] = json.loads(source.read_text(encoding="utf-8"))
        return record

    # -- carrying the previous output past the engine's emptying of the site folder

    def set_aside(self) -> None:
        if self.aside.exists():
            shutil.rmtree(self.aside)  # left by a build that was stopped half-way
        self.files_file.unlink(missing_ok=True)
        if self.previous and self.site_dir.is_dir():
            self.site_dir.rename(self.aside)

    def restore(self) -> None:
        if not self.aside.exists():
            self.previous = {}
            return
        if self.site_dir.exists():  # the engine already wrote something: start clean, to be safe
            shutil.rmtree(self.aside)
            self.previous = {}
            return
        self.aside.rename(self.site_dir)

    # -- deciding and recording

    def reusable(
        self, pages: list[SitePage], shared: str, extras: dict[str, str], always_render: AbstractSet[str] = frozenset()
    ) -> set[str]:
        """URLs of the pages whose previous output can stay as it is. Without a previous build to
        compare with, nothing is fingerprinted yet: that waits until `fingerprints` is read, at the end."""
        written = self.previous.get("pages", {})
        self._fingerprint_inputs, self._fingerprints = (pages, shared, extras), None
        self.reused = set()
        if not written:
            return self.reused
        for url, fingerprint in self.fingerprints.items():
            before = written.get(url)
            if url in always_render or before is None or before[0] != fingerprint:
                continue
            path = output_path(self.site_dir, url)
            try:
                status = os.stat(path)
            except OSError:
                continue
            if status.st_size != before[1]:
                continue
            # the same modification time, or (after a copy that changed it, e.g. a CI cache) the same bytes
            if status.st_mtime_ns == before[2] or file_hash(path) == before[3]:
                self.reused.add(url)
        return self.reused

    @property
    def fingerprints(self) -> dict[str, str]:
        """Every page's fingerprint, by URL."""
        if self._fingerprints is None:
            pages, shared, extras = self._fingerprint_inputs
            self._fingerprints = {page.url: page_fingerprint(page, shared, extras.get(page.url, "")) for page in pages}
        return self._fingerprints

    def remove_stale(self, expected: set[Path], keep_dirs: set[str]) -> list[Path]:
        """Delete what the previous build wrote and this one did not; without a record, look at every file."""
        self.written = sorted(str(path.relative_to(self.site_dir)) for path in expected)
        if "files" not in self.previous:
            return remove_stale(self.site_dir, expected, keep_dirs)
        removed = []
        for name in set(self.previous["files"]) - set(self.written):
            path = self.site_dir / name
            if path.is_file():
                path.unlink()
                removed.append(path)
                _remove_empty_parents(path.parent, self.site_dir)
        return removed

    def save_search(self, keys: dict[str, str]) -> None:
        """Record what the search indexes now on disk were made of."""
        _write_json(self.search_file, keys)

    def save(self) -> None:
        """Record every page's fingerprint with its output file as it is now, and every file written."""
        self.site_file.parent.mkdir(parents=True, exist_ok=True)
        self.site_file.write_text(str(self.site_dir), encoding="utf-8")
        pages, before = {}, self.previous.get("pages", {})
        for url, fingerprint in self.fingerprints.items():
            path = output_path(self.site_dir, url)
            try:
                status = os.stat(path)
            except OSError:
                continue
            known = before.get(url)
            unchanged = url in self.reused and known and known[1:3] == [status.st_size, status.st_mtime_ns]
            pages[url] = [fingerprint, status.st_size, status.st_mtime_ns, known[3] if unchanged else file_hash(path)]
        _write_json(self.record_file, {"format": FORMAT, "site_dir": str(self.site_dir), "pages": pages})
        if hasattr(self, "written"):
            _write_json(self.files_file, self.written)


def forget_vanished_sites(cache_dir: Path) -> None:
    """Delete the records of site folders that are gone: each live preview builds into a new
    temporary folder, and its records would otherwise pile up."""
    try:
        site_files = list(cache_dir.glob("*.site"))
    except OSError:
        return
    for site_file in site_files:
        try:
            if Path(site_file.read_text(encoding="utf-8")).is_dir():
                continue
        except OSError:
            continue
        for path in cache_dir.glob(site_file.stem + ".*"):
            path.unlink(missing_ok=True)


def _write_json(target: Path, data: object) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    temporary.replace(target)


def remove_stale(site_dir: Path, expected: set[Path], keep_dirs: set[str]) -> list[Path]:
    """Delete files this build did not produce (and folders left empty), except under `keep_dirs` names."""
    removed = []
    for folder, _dirs, names in os.walk(site_dir, topdown=False):
        here = Path(folder)
        if keep_dirs & set(here.relative_to(site_dir).parts):
            continue
        for name in names:
            path = here / name
            if path not in expected:
                path.unlink()
                removed.append(path)
        if here != site_dir and not any(here.iterdir()):
            here.rmdir()
    return removed


def _remove_empty_parents(folder: Path, site_dir: Path) -> None:
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
