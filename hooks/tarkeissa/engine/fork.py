"""The forked half: a copy of the build, made once the navigation exists, that renders the pages
the build plan gives it while the parent renders its own, so both cores share the Markdown and
template work. MkDocs 1.6 has no parallel build; this uses its page functions (compat.py).

The parent skips the copy's pages (an empty template writes nothing). The copy writes, through a
pipe, the number of each index part whose share it has finished (plan.Progress), so the parent can
start that part's index once its own share is written too; the parent reads the pipe without
waiting, and waits for the copy only at the end of the build.
"""

from __future__ import annotations

import gc
import logging
import os
import select
import traceback

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import compat
from ..pages.search_index import IndexPart
from .plan import BuildPlan, PartsReady, Progress, Writer

SKIP_TEMPLATE = "tt-skip.html"  # overrides/tt-skip.html renders nothing: MkDocs then writes nothing


class ForkedHalf:
    def __init__(self, plan: BuildPlan) -> None:
        self.plan = plan
        self.theirs = {page.source for page in plan.written_by(Writer.COPY)}
        self.in_copy = False
        self.pid: int | None = None
        self._read: int | None = None  # the parent's end of the pipe of finished parts
        self._buffer = b""

    def parent_skips(self, page: Page) -> bool:
        return not self.in_copy and page.file.src_uri in self.theirs

    def start(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        self._read, write = os.pipe()
        # Everything made so far (the page model, MkDocs' files) lives until the build ends: frozen,
        # the garbage collector leaves it alone in both processes. Its full collections would
        # otherwise walk it again and again (a tenth of a 10,000-act build's time) and write to every
        # object, so the copy could no longer share their memory with the parent.
        gc.freeze()
        pid = os.fork()
        if pid:
            self.pid = pid
            os.close(write)
            os.set_blocking(self._read, False)
            # The copy's pages leave this process's build: it would only read them as empty pages
            # (a Markdown instance each). Menu pages stay, their titles are needed for the menu.
            in_nav = {page.file.src_uri for page in nav.pages}
            for file in files.documentation_pages():
                if file.src_uri in self.theirs and file.src_uri not in in_nav:
                    files.remove(file)
            return
        os.close(self._read)
        self.in_copy = True
        os._exit(self._render_in_copy(config, files, nav, write))

    def _render_in_copy(self, config: MkDocsConfig, files: Files, nav: Navigation, pipe: int) -> int:
        warnings = _Counter()
        logging.getLogger(compat.engine_name()).addHandler(warnings)
        progress = Progress(self.plan, Writer.COPY)
        try:
            documentation = files.documentation_pages(inclusion=InclusionLevel.is_included)
            in_nav = {page.file.src_uri for page in nav.pages}
            for file in documentation:
                if file.src_uri in self.theirs or file.src_uri in in_nav:  # menu titles need their pages read
                    page = file.page if file.page is not None else Page(None, file, config)  # sets file.page
                    compat.populate_page(page, config, files)
            env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
            for file in documentation:
                if file.src_uri in self.theirs:
                    progress.reached(file.src_uri)
                    self._tell(pipe, progress.completed_parts())
                    assert file.page is not None, "read in the loop above"
                    compat.build_page(file.page, config, documentation, nav, env)
            progress.finished()
            self._tell(pipe, progress.completed_parts())
            return 1 if warnings.count else 0  # strict mode: a warning fails the build
        except BaseException:  # noqa: BLE001  the forked half reports any end, even SystemExit, and exits itself
            traceback.print_exc()
            return 1

    def _tell(self, pipe: int, parts: list[IndexPart]) -> None:
        for part in parts:
            os.write(pipe, f"{self.plan.parts.index(part)}\n".encode())

    def completed_parts(self, ready: PartsReady) -> None:
        """Read, without waiting, the parts the copy has finished since the last call."""
        if self._read is None:
            return
        try:
            while select.select([self._read], [], [], 0)[0]:
                received = os.read(self._read, 4096)
                if not received:
                    break
                self._buffer += received
        except BlockingIOError:
            pass
        *lines, self._buffer = self._buffer.split(b"\n")
        ready.completed([self.plan.parts[int(line)] for line in lines], Writer.COPY)

    def wait(self, ready: PartsReady) -> bool:
        """Wait for the copy to end; True if it wrote every page it was given without a warning."""
        assert self.pid is not None, "only the parent, which started the copy, waits for it"
        _, status = os.waitpid(self.pid, 0)
        if self._read is not None:
            os.set_blocking(self._read, True)
            self.completed_parts(ready)
            os.close(self._read)
            self._read = None
        return os.waitstatus_to_exitcode(status) == 0


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
