"""When the build's Pagefind runs start: a part once its pages are written (the build plan says
when), in write order among those ready, and never so many at once that their pages exceed what
the index may hold in memory together."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from tarkeissa.engine import search_runs
from tarkeissa.engine.search_runs import IndexRuns
from tarkeissa.pages.search_index import INDEXED_AT_ONCE, PART_PAGES, IndexPart


class FakePagefind:
    """Stands in for a Pagefind process: it runs until the test ends it."""

    alive: ClassVar[list[FakePagefind]] = []
    started: ClassVar[list[str]] = []

    def __init__(self, command, **kwargs) -> None:
        self.part = command[command.index("--site") + 1].rsplit("/", 1)[-1]
        self.returncode: int | None = None
        FakePagefind.alive.append(self)
        FakePagefind.started.append(self.part)

    def end(self) -> None:
        self.returncode = 0
        FakePagefind.alive.remove(self)

    def poll(self):
        return self.returncode

    def wait(self):
        if self.returncode is None:
            self.end()
        return 0

    def communicate(self):
        return "", None


@pytest.fixture
def runs(monkeypatch, tmp_path):
    FakePagefind.alive, FakePagefind.started = [], []
    monkeypatch.setattr(search_runs.subprocess, "Popen", FakePagefind)
    monkeypatch.setattr(search_runs, "link_pages", lambda *args: None)

    def make(sizes: dict[IndexPart, int], at_once: int = 2) -> IndexRuns:
        parts: dict[IndexPart, list[Any]] = {part: [None] * size for part, size in sizes.items()}  # no page is read
        written: set[IndexPart] = set()
        index = IndexRuns(tmp_path / "site", parts, at_once=at_once, vocabularies=dict, may_start=written.__contains__)
        index.written = written  # type: ignore[attr-defined]  # the test's record of written parts, kept with its runs
        return index

    return make


def written(index: IndexRuns, *parts: IndexPart) -> None:
    """The build plan's word that these parts' pages are all written."""
    index.written.update(parts)  # type: ignore[attr-defined]
    index.start_ready()


def pages_indexing(runs: IndexRuns) -> int:
    return sum(len(pages) for part, pages in runs.parts.items() if part.name in {p.part for p in FakePagefind.alive})


def test_large_parts_are_indexed_one_after_another(runs):
    fi, fi_2, sv = IndexPart("fi", 1), IndexPart("fi", 2), IndexPart("sv", 1)
    index = runs({fi: PART_PAGES, fi_2: PART_PAGES, sv: 900})
    written(index, fi, fi_2, sv)  # every part's pages are written
    assert FakePagefind.started == ["fi"]  # two parts of 2,000 pages would need twice the memory
    FakePagefind.alive[0].end()
    index.start_ready()
    assert FakePagefind.started == ["fi", "fi-2"]
    assert pages_indexing(index) <= INDEXED_AT_ONCE
    index.finish()
    assert FakePagefind.started == ["fi", "fi-2", "sv"] and FakePagefind.alive == []


def test_small_parts_are_indexed_side_by_side_once_their_pages_are_written(runs):
    fi, sv = IndexPart("fi", 1), IndexPart("sv", 1)
    index = runs({fi: 1000, sv: 400})
    index.start_ready()
    assert FakePagefind.started == []  # no part's pages are all written yet
    written(index, fi)
    assert FakePagefind.started == ["fi"]
    written(index, sv)
    assert FakePagefind.started == ["fi", "sv"] and len(FakePagefind.alive) == 2  # both cores


def test_a_later_part_written_first_does_not_wait_for_an_earlier_one(runs):
    fi, sv = IndexPart("fi", 1), IndexPart("sv", 1)
    index = runs({fi: 1000, sv: 400})
    written(index, sv)  # the forked half wrote the Swedish part while the parent still writes the Finnish
    assert FakePagefind.started == ["sv"]
    written(index, fi)
    assert FakePagefind.started == ["sv", "fi"]


def test_one_core_build_runs_one_index_at_a_time(runs):
    fi, sv = IndexPart("fi", 1), IndexPart("sv", 1)
    index = runs({fi: 1000, sv: 400}, at_once=1)
    written(index, fi, sv)
    assert FakePagefind.started == ["fi"]
