"""The Pagefind runs that make the search index parts of a built site, and their upkeep.

Each part is made by its own Pagefind run over a folder of the part's pages cut to what Pagefind
indexes (`search_input`; a hard link to the whole page where it cannot be cut), laid out as under
the language's root, so Pagefind gives them their real addresses. A part starts as
soon as its pages are written, while the build goes on, at most `at_once` at a time and together
indexing no more than `INDEXED_AT_ONCE` pages (Pagefind's memory grows with them). Pagefind
names its chunks by their content and does not rewrite a chunk that exists, so a part left from
the previous build is updated, not rebuilt; the chunks it no longer refers to are removed after.

Pagefind's own Python API (pagefind.index.PagefindIndex, in the pinned package) was tried in place
of these runs, on one 1,910-page part, six rounds in turn: through add_directory it needs the same
folders of links and took 1.2x the CLI's time and CPU; through add_html_file (no links) 1.5-1.6x once
a 0.1 s sleep per message in its client was patched out (as shipped, 10 pages a second); its
get_files() hangs on an index over 2 MiB, a dead service leaves its await hanging, and it writes
into a kept folder as the CLI does, so the prune stays. The CLI stays.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import ClassVar

from ..compat import pagefind_chunk_names
from ..content.languages import LANGUAGES, URL_PREFIX
from ..pages.model import SitePage
from ..pages.search_index import (
    INDEXED_AT_ONCE,
    PART_FOLDER,
    VOCABULARY_FOLDER,
    IndexPart,
    bundle_folder,
    index_keys,
    index_parts,
    vocabulary_page,
)
from ..parallel import in_background
from .output_cache import output_path

YIELD = 10  # how much lower the rendering processes' priority is than a search index run's


def marker_path(markers: Path | None, part: IndexPart) -> Path | None:
    return markers.with_name(f"{markers.name}.indexing-{part.name}") if markers else None


class IndexRuns:
    """The Pagefind runs of one build, one per index part that changed (`skip` names the others)."""

    def __init__(
        self,
        site_dir: Path,
        parts: dict[IndexPart, list[SitePage]],
        skip: AbstractSet[str] = frozenset(),
        keys: dict[str, str] | Callable[[], dict[str, str]] | None = None,
        markers: Path | None = None,
        at_once: int = 2,
        vocabularies: Callable[[], dict[str, str]] | None = None,
        may_start: Callable[[IndexPart], bool] | None = None,
    ) -> None:
        self.site_dir, self.parts, self._keys, self.at_once = site_dir, parts, keys, at_once
        # the vocabulary page of each language whose index is in parts (see search_index)
        self._vocabularies: dict[str, str] | Callable[[], dict[str, str]] = vocabularies or functools.partial(
            vocabularies_of, parts
        )
        self.pending = [part for part in parts if part.name not in skip]
        # A run that was stopped may leave a half-written chunk under its final name, which later
        # runs would keep (Pagefind does not rewrite a chunk whose name exists): a marker file per
        # part says a run is under way, and a part whose marker is still there is made from nothing.
        self.markers = markers
        for part in self.pending:
            if (marker := self._marker(part)) and marker.exists():
                clear_index(site_dir / part.folder)
        # each part's pages as Pagefind reads them, beside the site folder (hard links need the same
        # file system), kept for the next build
        self.inputs = site_dir.parent / f".{site_dir.name}.search-input"
        if self.inputs.is_dir():
            for folder in self.inputs.iterdir():
                if folder.name not in {part.name for part in parts}:
                    shutil.rmtree(folder)
        self.processes: dict[IndexPart, subprocess.Popen[str]] = {}  # every run started
        self.done: set[IndexPart] = set()  # the runs that ended and were seen to
        self.stopped = False
        self.failures: list[str] = []
        self.first_start: float | None = None
        # whether all of a part's pages are written (the build plan's PartsReady); None: they all are
        self.may_start = may_start or (lambda part: True)
        self.yield_to_index: list[int] = []  # processes that render pages: lowered when the first run starts

    @classmethod
    def plan(
        cls,
        site_dir: Path,
        pages: list[SitePage],
        counts: dict[str, int],
        fingerprints: Callable[[], dict[str, str]],
        shared: str,
        previous_keys: dict[str, str],
        markers: Path | None = None,
        at_once: int = 2,
        may_start: Callable[[IndexPart], bool] | None = None,
    ) -> IndexRuns:
        """The runs a build needs: none for a part whose pages are as its index last saw them. With
        no previous index, the parts' keys (from the pages' fingerprints) are made only at the end."""
        parts = index_parts(pages, counts)
        vocabularies: Callable[[], dict[str, str]] = functools.cache(functools.partial(vocabularies_of, parts))
        if at_once > 1 and any(part.number > 1 for part in parts):
            # made beside the rendering: the parts need them only once their pages are written
            vocabularies = in_background(vocabularies)
        remove_unused_parts(site_dir, set(parts))

        def make_keys() -> dict[str, str]:
            return index_keys(parts, fingerprints, shared, vocabularies())

        keys: dict[str, str] | Callable[[], dict[str, str]] = make_keys
        unchanged: set[str] = set()
        if previous_keys:
            keys = made = make_keys()
            unchanged = {
                part.name
                for part in parts
                if previous_keys.get(part.name) == made[part.name]
                and (site_dir / part.folder / "pagefind-entry.json").exists()
                and not ((marker := marker_path(markers, part)) and marker.exists())
            }
        return cls(
            site_dir,
            parts,
            skip=unchanged,
            keys=keys,
            markers=markers,
            at_once=at_once,
            vocabularies=vocabularies,
            may_start=may_start,
        )

    @property
    def vocabularies(self) -> dict[str, str]:
        if callable(self._vocabularies):
            self._vocabularies = self._vocabularies()
        return self._vocabularies

    @property
    def keys(self) -> dict[str, str]:
        """Per part, a hash of what it is made of (see `index_keys`)."""
        if callable(self._keys):
            self._keys = self._keys()
        return self._keys or {}

    def _marker(self, part: IndexPart) -> Path | None:
        return marker_path(self.markers, part)

    def start_ready(self) -> None:
        """Start the runs of the parts whose pages are all written, as far as the limits allow."""
        self._start_ready()

    def _running(self) -> dict[IndexPart, subprocess.Popen[str]]:
        return {part: process for part, process in list(self.processes.items()) if part not in self.done}

    def _start_ready(self) -> None:
        for part, process in self._running().items():
            if process.poll() is not None:
                self._ended(part, process)
        for part in self.pending:
            if part in self.processes:
                continue
            running = self._running()
            indexing = sum(len(self.parts[other]) for other in running) + len(self.parts[part])
            if self.stopped or (running and (len(running) >= self.at_once or indexing > INDEXED_AT_ONCE)):
                return
            if self.may_start(part):  # else a later part, complete already, may go first
                self._start(part)

    def _start(self, part: IndexPart) -> None:
        from pagefind_bin import (
            get_executable,  # the binary, from PyPI: nothing is downloaded at build time
        )

        self.first_start = self.first_start or time.perf_counter()
        if marker := self._marker(part):
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        source = self.inputs / part.name
        link_pages(self.site_dir, self.parts[part], part.lang, source)
        if part.lang in self.vocabularies:
            (source / VOCABULARY_FOLDER).mkdir(exist_ok=True)
            (source / VOCABULARY_FOLDER / "index.html").write_text(self.vocabularies[part.lang], encoding="utf-8")
        self.processes[part] = subprocess.Popen(
            [
                str(get_executable()),
                "--site",
                str(source),
                "--output-path",
                str(self.site_dir / part.folder),
                "--silent",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        # The index is the build's last step: from now on the rendering processes yield the CPU
        # to it, so it is done sooner after the last page. (Runs started later inherit this
        # priority: raising a process's priority again needs privileges.)
        for pid in self.yield_to_index:
            with contextlib.suppress(OSError):  # the forked half has already ended
                os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, pid) + YIELD)
        self.yield_to_index = []

    def _ended(self, part: IndexPart, process: subprocess.Popen[str]) -> None:
        self.done.add(part)
        output = process.communicate()[0]
        if process.returncode != 0:
            self.failures.append(f"{part.name}: {output}")
            return
        prune_index(self.site_dir / part.folder)
        if marker := self._marker(part):
            marker.unlink(missing_ok=True)

    def stop(self) -> None:
        """Stop every run under way and start no other (a thread in `finish` sees them end)."""
        self.stopped = True
        for process in self._running().values():
            process.kill()
            process.wait()

    def finish(self) -> float:
        """Start what has not started, wait for every run. Seconds since the first start."""
        self.may_start = lambda part: True  # every page is written
        self._start_ready()
        while running := self._running():
            next(iter(running.values())).wait()
            self._start_ready()
        if self.failures:
            raise RuntimeError("Pagefind failed: " + "\n".join(self.failures))
        return time.perf_counter() - self.first_start if self.first_start else 0.0


def vocabularies_of(parts: dict[IndexPart, list[SitePage]]) -> dict[str, str]:
    """The vocabulary page of each language whose index has more than one part."""
    languages = sorted({part.lang for part in parts if part.number > 1})
    return {
        lang: vocabulary_page([page for part, pages in parts.items() if part.lang == lang for page in pages], lang)
        for lang in languages
    }


# What Pagefind reads of a page that has a data-pagefind-body element: the <html> element's language,
# the head, and that element (its text, filters, meta and the first h1 or img in it). The rest of a
# page (Material's header, navigation, footer: half its bytes) costs Pagefind about 15 % of its CPU time.
_BODY_START = re.compile(r"<div data-pagefind-body[\s>]")
# any start or end tag, its quoted attribute values read over (so a '</div>' in one is not a tag): in
# the serialized HTML of a page's content a '<' in text is always '&lt;' (nh3 writes it so in attribute
# values too), and there is no comment or script (the body policy strips them)
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>]*)(?:[^'">]+|"[^"]*"|'[^']*')*>""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_OUTSIDE_READ = re.compile(r"<(?:[hH]1\b|[iI][mM][gG]\b)")  # (and 'data-pagefind': str.find, 10x faster)


def search_input(page_html: str) -> str | None:
    """The page as Pagefind indexes it: its head and its one data-pagefind-body element, without the
    theme's parts around it, which Pagefind does not index. None (index the page as it is) where the
    page is not of that shape, or where anything outside that element is something Pagefind reads."""
    head_end = page_html.find("</head>")
    body = _BODY_START.search(page_html, head_end) if head_end >= 0 else None
    if body is None or page_html.count("data-pagefind-body") != 1:  # one such element, after the head
        return None
    start, open_elements, end = body.start(), [], -1
    for tag in _TAG.finditer(page_html, start):
        name = tag.group(2).lower()
        if not tag.group(1):
            if name not in _VOID and not tag.group(0).endswith("/>"):
                open_elements.append(name)
        elif not open_elements or open_elements.pop() != name:
            return None  # an end tag that closes something else: not a shape to cut by tags
        elif not open_elements:
            end = tag.end()
            break
    if end < 0:
        return None
    outside = (page_html[head_end:start], page_html[end:])
    if any(_OUTSIDE_READ.search(part) or "data-pagefind" in part for part in outside):
        return None
    return f"{page_html[: head_end + len('</head>')]}<body>{page_html[start:end]}</body></html>\n"


def link_pages(site_dir: Path, pages: list[SitePage], lang: str, folder: Path) -> None:
    """Make `folder` hold exactly the pages' search input, laid out as under the language's root: the
    page cut to what Pagefind reads (`search_input`), else a hard link to it (a copy where the file
    system has none). The folder is kept between builds and brought up to date, since creating and
    deleting thousands of folders per build is slow on some file systems: an input is made again
    when its page's modification time is not its own (a page rewritten or replaced since)."""
    prefix = URL_PREFIX[lang]
    wanted = {folder / page.url.removeprefix(prefix) / "index.html": output_path(site_dir, page.url) for page in pages}
    for here, _, names in os.walk(folder, topdown=False):
        for name in names:
            if Path(here, name) not in wanted:
                os.unlink(Path(here, name))
        if here != str(folder) and not os.listdir(here):
            os.rmdir(here)
    for target, source in wanted.items():
        written = source.stat()
        try:
            if target.stat().st_mtime_ns == written.st_mtime_ns:
                continue
            target.unlink()
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        cut = search_input(source.read_text(encoding="utf-8"))
        if cut is None:
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
            continue
        target.write_text(cut, encoding="utf-8")
        os.utime(target, ns=(written.st_atime_ns, written.st_mtime_ns))


def build_index(site_dir: Path, parts: dict[IndexPart, list[SitePage]]) -> float:
    """Make every part of every language's index now. Seconds taken."""
    return IndexRuns(site_dir, parts).finish()


def clear_index(folder: Path) -> None:
    """Delete a part's index (a language's main bundle keeps the merged parts inside it)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_dir() and path.name.startswith(PART_FOLDER):
            continue
        shutil.rmtree(path) if path.is_dir() else path.unlink()


def remove_unused_parts(site_dir: Path, parts: set[IndexPart]) -> None:
    """Delete merged parts a language no longer has (its index has fewer parts now)."""
    for lang in LANGUAGES:
        for folder in (site_dir / bundle_folder(lang)).glob(PART_FOLDER + "*"):
            if not any(site_dir / part.folder == folder for part in parts):
                shutil.rmtree(folder)


def prune_index(folder: Path) -> int:
    """Delete the chunks and meta files of earlier indexes that the current index does not use."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    metas = {f"pagefind.{language['hash']}.pf_meta" for language in entry["languages"].values()}
    used: set[str] = set()
    for name in metas:
        used |= pagefind_chunk_names((folder / name).read_bytes())
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

    The vocabulary pages and the folders of links are made in the background too. A new save stops
    an index still being built: its half-written chunks would otherwise stay, since Pagefind never
    rewrites a chunk whose name exists, so the stopped index is deleted.
    """

    _thread: threading.Thread | None = None
    _runs: IndexRuns | None = None
    _stopping = threading.Event()
    _inputs_to_remove: ClassVar[set[Path]] = set()  # the live preview's site folder is temporary: so are these

    @classmethod
    def start(cls, site_dir: Path, parts: dict[IndexPart, list[SitePage]]) -> None:
        cls.stop()
        cls._runs, cls._stopping = None, threading.Event()
        cls._thread = threading.Thread(target=cls._index, args=(site_dir, parts, cls._stopping), daemon=True)
        cls._thread.start()

    @classmethod
    def _index(cls, site_dir: Path, parts: dict[IndexPart, list[SitePage]], stopping: threading.Event) -> None:
        cls._runs = runs = IndexRuns(site_dir, parts)
        if runs.inputs not in cls._inputs_to_remove:
            cls._inputs_to_remove.add(runs.inputs)
            atexit.register(shutil.rmtree, runs.inputs, True)
        if stopping.is_set():  # a newer save came while this one was being prepared
            return
        with contextlib.suppress(RuntimeError):  # stopped by a newer save; a real failure shows in the next build
            runs.finish()

    @classmethod
    def wait(cls) -> None:
        if cls._thread is not None:
            cls._thread.join()

    @classmethod
    def stop(cls) -> None:
        if cls._thread is None:
            return
        cls._stopping.set()
        if cls._runs is not None:
            cls._runs.stop()
        cls._thread.join()
        if cls._runs is not None and any(process.returncode for process in cls._runs.processes.values()):
            for lang in LANGUAGES:
                shutil.rmtree(cls._runs.site_dir / bundle_folder(lang), ignore_errors=True)
        cls._thread = None
