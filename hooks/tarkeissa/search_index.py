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

from .languages import URL_PREFIX
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


def build_index(site_dir: Path, sections: dict[str, list[str]], skip: set[str] = frozenset(),
                started: list | None = None) -> float:
    """Index the built site with the Pagefind binary that the pagefind_bin package ships. Seconds taken.

    One Pagefind run per language, side by side on the two cores, each over only the folders
    that hold indexed pages: /pagefind/ serves the Finnish pages, /sv/pagefind/ the Swedish ones.
    Languages in `skip` keep their index; `started` collects the Pagefind processes, to stop them. Pagefind names its chunks by their content and does not
    rewrite a chunk that exists, so an index left from the previous build is updated, not rebuilt;
    the chunks it no longer refers to are removed afterwards.
    """
    from pagefind_bin import get_executable  # the binary, from PyPI: nothing is downloaded at build time

    start = time.perf_counter()
    runs = []
    for lang, names in sections.items():
        if lang in skip:
            continue
        root = site_dir / URL_PREFIX[lang]
        pattern = "{" + ",".join(names) + "}/**/*.html" if len(names) > 1 else f"{names[0]}/**/*.html"
        runs.append(subprocess.Popen([str(get_executable()), "--site", str(root), "--glob", pattern,
                                      "--output-subdir", "pagefind", "--silent"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
        if started is not None:
            started.append(runs[-1])
    failures = [run.communicate()[0] for run in runs if run.wait() != 0]
    if failures:
        raise RuntimeError("Pagefind failed: " + "\n".join(failures))
    for lang in sections:
        if lang not in skip:
            prune_index(index_dir(site_dir, lang))
    return time.perf_counter() - start


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
    _processes: list = []
    _site_dir: Path | None = None

    @classmethod
    def start(cls, site_dir: Path, sections: dict[str, list[str]]) -> None:
        cls.stop()
        cls._processes, cls._site_dir = [], site_dir
        cls._thread = threading.Thread(target=cls._run, args=(site_dir, sections, cls._processes), daemon=True)
        cls._thread.start()

    @staticmethod
    def _run(site_dir: Path, sections: dict[str, list[str]], processes: list) -> None:
        try:
            build_index(site_dir, sections, started=processes)
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
        for process in cls._processes:
            process.kill()
        cls._thread.join()
        if any(process.returncode for process in cls._processes):
            for lang in URL_PREFIX:
                shutil.rmtree(index_dir(cls._site_dir, lang), ignore_errors=True)
        cls._thread = None
