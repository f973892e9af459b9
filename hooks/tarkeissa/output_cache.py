"""Reuse of the previous build's pages, keyed by content: an unchanged page is neither rendered nor written.

A page's fingerprint hashes its own data (title, body, the HTML around it, its links) with a
shared key: everything else that shapes a page's HTML (templates, configuration, this code,
package versions, build settings, the menus). A page is reused only when its fingerprint equals
the one recorded when its file was written *and* the file is still exactly the file written then
(same size and modification time), so an edited or deleted output file is rendered again.
Timestamps only guard the output file; they never decide that content is unchanged.

The engine keeps the previous output in the site folder; `set_aside` and `restore` carry it
past an engine that empties the folder before every build (MkDocs does).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Iterable

from .model import SitePage

FORMAT = 1  # bump when the record's meaning changes


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


def page_fingerprint(page: SitePage, shared: str, extra: str = "") -> str:
    data = repr(dataclasses.astuple(page)) + "\0" + extra
    return hashlib.sha256((shared + "\0" + data).encode()).hexdigest()


def output_path(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


class OutputCache:
    def __init__(self, site_dir: Path, cache_dir: Path) -> None:
        self.site_dir = site_dir.resolve()
        self.record_file = cache_dir / (hashlib.sha256(str(self.site_dir).encode()).hexdigest()[:16] + ".json")
        self.aside = self.site_dir.with_name("." + self.site_dir.name + ".previous-build")
        self.fingerprints: dict[str, str] = {}
        self.reused: set[str] = set()
        self.previous = self._read_record()

    def _read_record(self) -> dict:
        try:
            record = json.loads(self.record_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if record.get("format") == FORMAT and record.get("site_dir") == str(self.site_dir) else {}

    # -- carrying the previous output past the engine's emptying of the site folder

    def set_aside(self) -> None:
        if self.aside.exists():
            shutil.rmtree(self.aside)  # left by a build that was stopped half-way
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

    def reusable(self, pages: list[SitePage], shared: str, extras: dict[str, str],
                 always_render: set[str] = frozenset()) -> set[str]:
        """URLs of the pages whose previous output can stay as it is."""
        written = self.previous.get("pages", {})
        self.fingerprints = {page.url: page_fingerprint(page, shared, extras.get(page.url, "")) for page in pages}
        self.reused = set()
        for url, fingerprint in self.fingerprints.items():
            before = written.get(url)
            if url in always_render or before is None or before[0] != fingerprint:
                continue
            try:
                status = os.stat(output_path(self.site_dir, url))
            except OSError:
                continue
            if [status.st_size, status.st_mtime_ns] == before[1:]:
                self.reused.add(url)
        return self.reused

    def save(self, extra: dict | None = None) -> None:
        """Record every page's fingerprint with its output file as it is now."""
        pages = {}
        for url, fingerprint in self.fingerprints.items():
            try:
                status = os.stat(output_path(self.site_dir, url))
            except OSError:
                continue
            pages[url] = [fingerprint, status.st_size, status.st_mtime_ns]
        record = {"format": FORMAT, "site_dir": str(self.site_dir), "pages": pages, **(extra or {})}
        self.record_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.record_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(record), encoding="utf-8")
        temporary.replace(self.record_file)


def remove_stale(site_dir: Path, expected: set[Path], keep_dirs: set[str]) -> list[Path]:
    """Delete files this build did not produce (and folders left empty), except under `keep_dirs` names."""
    removed = []
    for folder, dirs, names in os.walk(site_dir, topdown=False):
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
