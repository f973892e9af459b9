"""Checked bodies kept between runs: a body is converted and sanitized once, not once per build.

An entry is found by a hash of the body, where it stands (its file, first line, language and
address) and everything that shapes its conversion (`setup_key`: the Markdown extensions and
their settings, the allow-list, the versions of Markdown, pymdown-extensions and nh3, and this
package's code). What a body's links resolve to depends on other files, so an entry also records
what it read of them (`links.LookedUp`) and is used only while each of those reads the same.
Entries are JSON, so what a hit gives is what the miss made: `put` keeps only what reads back equal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import body_policy, markdown_setup
from .body_policy import CheckedBody, ConvertedBody
from .links import BodyPlace, LookedUp, looked_up
from .problems import Problem

FORMAT = 1  # bump when an entry's meaning changes
PACKAGES = ("Markdown", "pymdown-extensions", "nh3")
KEEP_SECONDS = 600  # entries no run has used for this long before a run began are deleted by it


def _installed(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def setup_key() -> str:
    """What every conversion depends on besides the body and its place."""
    policy = body_policy
    parts = [
        f"format {FORMAT}",
        sys.version,
        *(f"{name} {_installed(name)}" for name in PACKAGES),
        repr(markdown_setup.EXTENSIONS),
        repr(sorted((name, sorted(config.items())) for name, config in markdown_setup.CONFIGS.items())),
        repr(sorted(markdown_setup.BACKLINK_TITLES.items())),
        repr(sorted(policy.TAGS)),
        repr(sorted((tag, sorted(names)) for tag, names in policy.ATTRIBUTES.items())),
        repr(sorted(policy.CLASSES)),
        repr(sorted(policy.URL_SCHEMES)),
        repr(policy.IFRAME_HOSTS),
        repr(sorted(policy.IFRAME_FEATURES)),
    ]
    digest = hashlib.sha256("\0".join(parts).encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):  # the content layer's code: the filters, the links
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _encode(checked: CheckedBody, looked: list[LookedUp]) -> dict[str, Any]:
    converted = checked.converted
    return {
        "looked_up": looked,
        "converted": None
        if converted is None
        else {
            "html": converted.html,
            "lang": converted.lang,
            "toc_tokens": converted.toc_tokens,
            "anchors": converted.anchors,
            "written": converted.written,
        },
        "problems": [
            [p.path, p.line, p.column, p.field, p.rule, [list(pair) for pair in p.params]] for p in checked.problems
        ],
    }


def _decode(data: dict[str, Any]) -> CheckedBody:
    converted = data["converted"]
    return CheckedBody(
        None
        if converted is None
        else ConvertedBody(
            converted["html"],
            converted["lang"],
            tuple(converted["toc_tokens"]),
            tuple(converted["anchors"]),
            tuple((target, fragment, address) for target, fragment, address in converted["written"]),
        ),
        tuple(
            Problem(path, line, column, field, rule, tuple((name, value) for name, value in params))
            for path, line, column, field, rule, params in data["problems"]
        ),
    )


class BodyCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.setup = setup_key()
        self.started = time.time()

    def key(self, body: str, path: str, first_line: int, place: BodyPlace) -> str:
        digest = hashlib.sha256(self.setup.encode())
        for part in (path, str(first_line), place.source, place.lang, place.url, body):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / (key + ".json")

    def get(self, body: str, path: str, first_line: int, place: BodyPlace) -> CheckedBody | None:
        file = self._file(self.key(body, path, first_line, place))
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if any(tuple(entry) != looked_up(place.files, entry[0]) for entry in data["looked_up"]):
                return None  # a file it links to is gone, has come, or moved
            checked = _decode(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # none kept, or unreadable: converted again
        with contextlib.suppress(OSError):
            os.utime(file)  # used: kept by `prune`
        return checked

    def put(
        self, body: str, path: str, first_line: int, place: BodyPlace, checked: CheckedBody, looked: list[LookedUp]
    ) -> None:
        text = json.dumps(_encode(checked, looked), ensure_ascii=False)
        try:
            if _decode(json.loads(text)) != checked:
                return  # a value JSON does not give back as it was: not kept
        except (ValueError, KeyError, TypeError):
            return
        file = self._file(self.key(body, path, first_line, place))
        with contextlib.suppress(OSError):  # a cache that cannot be written is no cache, not an error
            file.parent.mkdir(parents=True, exist_ok=True)
            temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(file)

    def prune(self) -> None:
        """Delete the entries no run has used lately (those of bodies since edited or deleted)."""
        before = self.started - KEEP_SECONDS
        with contextlib.suppress(OSError):
            for file in self.folder.glob("*/*.json"):
                with contextlib.suppress(OSError):
                    if file.stat().st_mtime < before:
                        file.unlink()
