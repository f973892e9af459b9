"""The build plan: which pages a build writes, which process writes each, in which order, which
search index part each page belongs to, and when a part's index may start. Made once per build,
read by both processes and by the search runs, and checked as the build goes.

Pages are written part after part (the pages no index holds, term pages and listings, last), and
with a forked copy every second page to be written is the copy's: both processes go through the
parts at the same pace. (Whole parts per process would spare the copy's reports, but the parts
differ too much in size: 951 Finnish act pages beside 301 Swedish ones at 1,000 acts left the copy
idle and made the build a fifth slower.) A part is complete once each process that writes some of
its pages has passed it: the parent sees its own progress, and the copy names each part whose
share it has finished, which the parent reads without waiting. Neither process waits for the other
before the end of the build.

Invariants, asserted: every page is planned once; a process's pages come in part order; a page
is written once, by the process planned for it; a part starts only once all its pages are written
(those kept from the previous build are written already).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..pages.model import SitePage
from ..pages.search_index import IndexPart, all_parts, part_of


class Writer(enum.Enum):
    PARENT = "parent"
    COPY = "copy"  # the forked half
    KEPT = "kept"  # the previous build's output, reused as it is


class PlanError(AssertionError):
    """The build went against its plan: a bug in the build, never in content."""


@dataclass(frozen=True)
class PlannedPage:
    source: str  # its virtual file, as the engine names it (url + index.md)
    url: str
    part: IndexPart | None  # None: no index holds it
    group: int  # its part's place in the order of parts; pages no index holds come last
    writer: Writer


def source_uri(page: SitePage) -> str:
    return page.url + "index.md"


@dataclass
class BuildPlan:
    pages: tuple[PlannedPage, ...]  # in write order
    parts: tuple[IndexPart, ...]  # in write order
    forked: bool
    by_source: dict[str, PlannedPage] = field(init=False, repr=False)
    part_pages: dict[IndexPart, tuple[PlannedPage, ...]] = field(init=False, repr=False)
    group_of: dict[IndexPart, int] = field(init=False, repr=False)
    writers_of: dict[IndexPart, set[Writer]] = field(init=False, repr=False)
    _parts_of: dict[Writer, list[IndexPart]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_source = {page.source: page for page in self.pages}
        if len(self.by_source) != len(self.pages):
            raise PlanError("a page is planned twice")
        self.part_pages = {part: tuple(page for page in self.pages if page.part == part) for part in self.parts}
        self.group_of = {page.part: page.group for page in self.pages if page.part is not None}
        self.writers_of = {
            part: {page.writer for page in pages} - {Writer.KEPT} for part, pages in self.part_pages.items()
        }
        self._parts_of = {writer: [part for part in self.parts if writer in self.writers_of[part]] for writer in Writer}
        for writer in (Writer.PARENT, Writer.COPY):
            groups = [page.group for page in self.pages if page.writer is writer]
            if groups != sorted(groups):
                raise PlanError(f"the {writer.value}'s pages are not in part order")
        if not self.forked and any(page.writer is Writer.COPY for page in self.pages):
            raise PlanError("pages planned for a copy that is not made")

    @classmethod
    def make(
        cls, pages: list[SitePage], counts: dict[str, int], kept: Iterable[str] = (), fork: bool = False
    ) -> BuildPlan:
        """`counts`: each language's number of index parts; `kept`: addresses reused as they are;
        `fork`: whether a copy shares the work."""
        kept, parts = set(kept), all_parts(counts)
        group = {part: index for index, part in enumerate(parts)}
        placed = sorted(
            ((group[part] if part else len(parts)), index, page, part)
            for index, (page, part) in enumerate((page, part_of(page, counts)) for page in pages)
        )
        planned, turn = [], 0
        for number, _, page, part in placed:
            if page.url in kept:
                writer = Writer.KEPT
            else:
                writer = (Writer.PARENT, Writer.COPY)[turn % 2] if fork else Writer.PARENT
                turn += 1
            planned.append(PlannedPage(source_uri(page), page.url, part, number, writer))
        present = {page.part for page in planned}
        return cls(tuple(planned), tuple(part for part in parts if part in present), fork)

    def written_by(self, writer: Writer) -> list[PlannedPage]:
        return [page for page in self.pages if page.writer is writer]

    def to_write(self) -> list[PlannedPage]:
        return [page for page in self.pages if page.writer is not Writer.KEPT]

    def parts_of(self, writer: Writer) -> list[IndexPart]:
        return self._parts_of[writer]


class Progress:
    """One process's writing, checked against the plan: `reached(source)` when a page is about to be
    written (so every page before it in this process is written), `finished()` after the last.
    Answers which parts this process has completed since it was last asked."""

    def __init__(self, plan: BuildPlan, writer: Writer) -> None:
        self.plan, self.writer = plan, writer
        self.mine = plan.written_by(writer)
        self.position = 0  # pages of `mine` written
        self.current: PlannedPage | None = None
        self.seen: set[str] = set()
        self.ended = False
        self._told: set[IndexPart] = set()

    def reached(self, source: str) -> None:
        page = self.plan.by_source.get(source)
        if page is None:  # the engine's own page (none today) or a bug: either way not ours to track
            raise PlanError(f"{source} is not in the build plan")
        if page.writer is not self.writer:
            raise PlanError(f"{source} is planned for the {page.writer.value}, written by the {self.writer.value}")
        if source in self.seen:
            raise PlanError(f"{source} is written twice")
        if self.current is not None and page.group < self.current.group:
            raise PlanError(f"{source} (part {page.group}) comes after a page of part {self.current.group}")
        self.seen.add(source)
        if self.current is not None:
            self.position += 1
        self.current = page

    def finished(self) -> None:
        self.ended = True
        if self.current is not None:
            self.position += 1
            self.current = None
        unwritten = len(self.mine) - self.position
        if unwritten:
            raise PlanError(f"the {self.writer.value} ended with {unwritten} planned page(s) unwritten")

    def completed_parts(self) -> list[IndexPart]:
        """Parts of this process all of whose pages are now written, each told once."""
        done_before = float("inf") if self.ended else self.current.group if self.current is not None else -1
        new = [
            part
            for part in self.plan.parts_of(self.writer)
            if part not in self._told and self.plan.group_of[part] < done_before
        ]
        self._told.update(new)
        return new


class PartsReady:
    """Which index parts may start: each process that writes some of a part's pages has passed it.
    A part of kept pages only is ready from the start."""

    def __init__(self, plan: BuildPlan) -> None:
        self.plan = plan
        self.done: dict[IndexPart, set[Writer]] = {part: set() for part in plan.parts}
        self.ready: set[IndexPart] = {part for part in plan.parts if not plan.writers_of[part]}

    def completed(self, parts: Iterable[IndexPart], by: Writer) -> None:
        for part in parts:
            if by not in self.plan.writers_of[part] or by in self.done[part]:
                raise PlanError(
                    f"the {by.value} says it finished part {part.name}, which it "
                    + ("has no pages of" if by not in self.plan.writers_of[part] else "said before")
                )
            self.done[part].add(by)
            if self.done[part] >= self.plan.writers_of[part]:
                self.ready.add(part)

    def all_written(self) -> None:
        self.ready = set(self.plan.parts)

    def may_start(self, part: IndexPart) -> bool:
        return part in self.ready
