"""Site search: which pages are indexed and how, and the Pagefind run over the built site.

Pagefind splits the index by each page's <html lang>, so a Swedish reader searches only
Swedish pages, with Swedish stemming, and downloads only the chunks a query needs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import threading
import time
from html import escape
from pathlib import Path

from .languages import LANGUAGES, URL_PREFIX
from .model import SitePage

INDEXED_KINDS = ("act", "tool", "campaign", "page")
# Filter names as the search page's script knows them; values are term labels in the page's language.
FILTERS = ("theme", "sector", "region")


def mark_for_search(page: SitePage, kind_label: str, filters: dict[str, list[str]]) -> None:
    """Wrap an indexed page's content for Pagefind: the body, its kind, and its filter values."""
    parts = [f'<div data-pagefind-body data-pagefind-meta="kind:{escape(kind_label)}">']
    parts += [f'<span hidden data-pagefind-filter="{name}">{escape(value)}</span>'
              for name, values in filters.items() for value in values]
    page.head_html = "\n".join(parts) + "\n" + page.head_html
    page.foot_html = page.foot_html + "\n</div>"


def indexed_sections(pages: list[SitePage]) -> dict[str, list[str]]:
    """Per language, the top folders (below the language's root) that hold indexed pages."""
    sections: dict[str, set[str]] = {}
    for page in pages:
        if page.kind in INDEXED_KINDS and page.url:
            parts = page.url.split("/")
            sections.setdefault(page.lang, set()).add(parts[1] if page.lang == "sv" else parts[0])
    return {lang: sorted(names) for lang, names in sections.items()}


def write_group(lang: str, kind: str) -> int:
    """The order pages are written in: each language's indexed pages, then every page not indexed
    (term pages, listings). Once a language's group is written its index can start, and it runs
    while the rest of the pages render."""
    return indexed_group(lang) if kind in INDEXED_KINDS else len(LANGUAGES)


def indexed_group(lang: str) -> int:
    """The write group of a language's indexed pages."""
    return LANGUAGES.index(lang)


def index_keys(pages: list[SitePage], fingerprints: dict[str, str], shared: str) -> dict[str, str]:
    """Per language, a hash of what its index is made of: the indexed pages' fingerprints."""
    keys = {}
    for lang in sorted({page.lang for page in pages}):
        digest = hashlib.sha256(shared.encode())
        for page in sorted(pages, key=lambda page: page.url):
            if page.lang == lang and page.kind in INDEXED_KINDS:
                digest.update(f"\0{page.url}\0{fingerprints.get(page.url, '')}".encode())
        keys[lang] = digest.hexdigest()
    return keys


def index_dir(site_dir: Path, lang: str) -> Path:
    return site_dir / URL_PREFIX[lang] / "pagefind"


def marker_path(markers: Path | None, lang: str) -> Path | None:
    return markers.with_name(f"{markers.name}.indexing-{lang}") if markers else None


class IndexRuns:
    """Pagefind runs over the built site, one per language, each over only the folders that hold
    indexed pages: /pagefind/ serves the Finnish pages, /sv/pagefind/ the Swedish ones.

    A language can be started as soon as its pages are written, while the build goes on with the
    other language's pages; `finish` starts the rest and waits for all. Pagefind names its chunks
    by their content and does not rewrite a chunk that exists, so an index left from the previous
    build is updated, not rebuilt; the chunks it no longer refers to are removed afterwards.
    Languages in `skip` keep their index as it is.
    """

    def __init__(self, site_dir: Path, sections: dict[str, list[str]], skip: set[str] = frozenset(),
                 keys: dict[str, str] | None = None, markers: Path | None = None) -> None:
        self.site_dir, self.sections, self.keys = site_dir, sections, keys or {}
        self.pending = [lang for lang in sections if lang not in skip]
        # A run that was stopped may leave a half-written chunk under its final name, which later
        # runs would keep (Pagefind does not rewrite a chunk whose name exists): a marker file per
        # language says a run is under way, and an index whose marker is still there is rebuilt.
        self.markers = markers
        for lang in self.pending:
            if self._marker(lang) and self._marker(lang).exists():
                shutil.rmtree(index_dir(site_dir, lang), ignore_errors=True)
        self.processes: dict[str, subprocess.Popen] = {}
        self.first_start: float | None = None
        self.group = 0  # the write group the build has reached

    def _marker(self, lang: str) -> Path | None:
        return marker_path(self.markers, lang)

    @classmethod
    def plan(cls, site_dir: Path, pages: list[SitePage], fingerprints: dict[str, str], shared: str,
             previous_keys: dict[str, str], markers: Path | None = None) -> "IndexRuns":
        """The indexes a build makes: none for a language whose indexed pages are as the last index saw them."""
        sections = indexed_sections(pages)
        keys = index_keys(pages, fingerprints, shared)
        unchanged = {lang for lang in sections if previous_keys.get(lang) == keys.get(lang)
                     and (index_dir(site_dir, lang) / "pagefind-entry.json").exists()
                     and not (markers and marker_path(markers, lang).exists())}
        return cls(site_dir, sections, skip=unchanged, keys=keys, markers=markers)

    def page_reached(self, lang: str, kind: str, wait_for_others=None) -> None:
        """The build is about to write this page: the write groups before its group are written here
        (and, after `wait_for_others(group)`, everywhere), so their languages' indexes can start."""
        group = write_group(lang, kind)
        if group > self.group:
            self.group = group
            if wait_for_others:
                wait_for_others(group)
            self.start_before(group)

    def start(self, lang: str) -> None:
        from pagefind_bin import get_executable  # the binary, from PyPI: nothing is downloaded at build time

        if lang not in self.pending or lang in self.processes:
            return
        self.first_start = self.first_start or time.perf_counter()
        if self._marker(lang):
            self._marker(lang).parent.mkdir(parents=True, exist_ok=True)
            self._marker(lang).touch()
        names = self.sections[lang]
        pattern = "{" + ",".join(names) + "}/**/*.html" if len(names) > 1 else f"{names[0]}/**/*.html"
        self.processes[lang] = subprocess.Popen(
            [str(get_executable()), "--site", str(self.site_dir / URL_PREFIX[lang]), "--glob", pattern,
             "--output-subdir", "pagefind", "--silent"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def start_before(self, group: int) -> None:
        """Start the languages whose pages are all written once the build reaches `group`."""
        for lang in self.pending:
            if indexed_group(lang) < group:
                self.start(lang)

    def stop(self) -> None:
        for process in self.processes.values():
            process.kill()

    def finish(self) -> float:
        """Start what has not started, wait for every run, prune. Seconds since the first start."""
        for lang in self.pending:
            self.start(lang)
        failures = [process.communicate()[0] for process in self.processes.values() if process.wait() != 0]
        if failures:
            raise RuntimeError("Pagefind failed: " + "\n".join(failures))
        for lang in self.pending:
            prune_index(index_dir(self.site_dir, lang))
            if self._marker(lang):
                self._marker(lang).unlink(missing_ok=True)
        return time.perf_counter() - self.first_start if self.first_start else 0.0


def build_index(site_dir: Path, sections: dict[str, list[str]], skip: set[str] = frozenset()) -> float:
    """Index every language of the built site now. Seconds taken."""
    return IndexRuns(site_dir, sections, skip).finish()


def referenced_chunks(meta: bytes) -> set[str]:
    """The names in a Pagefind meta file (gzip, a marker, then CBOR): every text string of it.

    Pagefind refers to its page fragments and index and filter chunks by these names. Reading
    every short CBOR text string may take in a name too many, never one too few.
    """
    data = gzip.decompress(meta).removeprefix(b"pagefind_dcd")
    names, position = set(), 0
    while position < len(data):
        head = data[position]
        if 0x60 <= head <= 0x77:
            start, length = position + 1, head - 0x60
        elif head == 0x78 and position + 1 < len(data):
            start, length = position + 2, data[position + 1]
        else:
            position += 1
            continue
        try:
            names.add(data[start:start + length].decode("utf-8"))
        except UnicodeDecodeError:
            pass
        position += 1
    return names


def prune_index(folder: Path) -> int:
    """Delete the chunks and meta files of earlier indexes that the current index does not use."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    metas = {f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()}
    used: set[str] = set()
    for name in metas:
        used |= referenced_chunks((folder / name).read_bytes())
    removed = 0
    for path in folder.glob("pagefind.*.pf_meta"):
        if path.name not in metas:
            path.unlink()
            removed += 1
    for kind in ("fragment", "index", "filter"):
        for path in (folder / kind).glob("*"):
            if path.stem not in used:
                path.unlink()
                removed += 1
    return removed


class BackgroundIndex:
    """The live preview indexes after the pages are shown, so a save is visible before its search is.

    A new save stops an index still being built: its half-written chunks would otherwise stay,
    since Pagefind never rewrites a chunk whose name exists, so the stopped index is deleted.
    """

    _thread: threading.Thread | None = None
    _runs: IndexRuns | None = None

    @classmethod
    def start(cls, site_dir: Path, sections: dict[str, list[str]]) -> None:
        cls.stop()
        cls._runs = runs = IndexRuns(site_dir, sections)
        for lang in runs.pending:
            runs.start(lang)
        cls._thread = threading.Thread(target=cls._finish, args=(runs,), daemon=True)
        cls._thread.start()

    @staticmethod
    def _finish(runs: IndexRuns) -> None:
        try:
            runs.finish()
        except RuntimeError:
            pass  # stopped by a newer save; a real failure shows in the next production build

    @classmethod
    def wait(cls) -> None:
        if cls._thread is not None:
            cls._thread.join()

    @classmethod
    def stop(cls) -> None:
        if cls._thread is None:
            return
        cls._runs.stop()
        cls._thread.join()
        if any(process.returncode for process in cls._runs.processes.values()):
            for lang in URL_PREFIX:
                shutil.rmtree(index_dir(cls._runs.site_dir, lang), ignore_errors=True)
        cls._thread = None
