"""The build plan: who writes which page in which order, when each search part may start, and the
build's own checks that it keeps to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tarkeissa.content.load import Layout
from tarkeissa.engine.plan import BuildPlan, PartsReady, PlanError, Progress, Writer
from tarkeissa.engine.settings import BuildSettings
from tarkeissa.engine.state import STEPS, BuildState
from tarkeissa.pages.model import SitePage
from tarkeissa.pages.search_index import part_counts


def pages(acts: int = 300, terms: int = 40) -> list[SitePage]:
    made = [
        SitePage(f"{prefix}teot/teko-{n}/", lang, "act", f"Teko {n}", "", "Tarina.")
        for n in range(acts)
        for prefix, lang in (("", "fi"), ("sv/", "sv"))
    ]
    return made + [SitePage(f"teemat/teema-{n}/", "fi", "term", f"Teema {n}", "", "") for n in range(terms)]


def plan_of(site: list[SitePage], part_pages: int = 100, **options) -> BuildPlan:
    return BuildPlan.make(site, part_counts(site, part_pages), **options)


def test_the_work_is_shared_page_by_page_part_after_part():
    plan = plan_of(pages(), fork=True)
    assert len(plan.parts) == 6  # 300 acts per language, 100 pages a part
    load = {writer: len(plan.written_by(writer)) for writer in (Writer.PARENT, Writer.COPY)}
    assert abs(load[Writer.PARENT] - load[Writer.COPY]) <= 1
    assert [page.group for page in plan.pages] == sorted(page.group for page in plan.pages)
    for part in plan.parts:  # every part has pages of both, so both must have passed it
        assert plan.writers_of[part] == {Writer.PARENT, Writer.COPY}
    assert plan.pages[-1].part is None  # pages no index holds come last


def test_without_a_fork_the_parent_writes_everything_and_kept_pages_are_nobodys():
    site = pages(50, 5)
    plan = plan_of(site, kept={site[0].url, site[-1].url})
    assert {page.writer for page in plan.pages} == {Writer.PARENT, Writer.KEPT}
    assert len(plan.to_write()) == len(site) - 2
    assert len(plan.pages) == len(site)


def test_a_part_is_ready_only_once_both_processes_have_passed_it():
    plan = plan_of(pages(), fork=True)
    ready = PartsReady(plan)
    progress = {writer: Progress(plan, writer) for writer in (Writer.PARENT, Writer.COPY)}
    first = plan.parts[0]
    for writer in (Writer.PARENT, Writer.COPY):
        for page in plan.written_by(writer):
            progress[writer].reached(page.source)
            ready.completed(progress[writer].completed_parts(), writer)
            if page.part == first:
                assert not ready.may_start(first)  # its last page here may still be being written
        if writer is Writer.PARENT:
            assert not ready.may_start(first)  # the copy has not told yet
    assert all(ready.may_start(part) for part in plan.parts)  # both are on the term pages, after every part


def test_the_last_part_is_ready_only_when_both_have_ended_if_nothing_follows_it():
    plan = plan_of(pages(terms=0), fork=True)
    ready = PartsReady(plan)
    progress = {writer: Progress(plan, writer) for writer in (Writer.PARENT, Writer.COPY)}
    for writer, tracker in progress.items():
        for page in plan.written_by(writer):
            tracker.reached(page.source)
            ready.completed(tracker.completed_parts(), writer)
    assert not ready.may_start(plan.parts[-1]) and ready.may_start(plan.parts[-2])
    for writer, tracker in progress.items():
        tracker.finished()
        ready.completed(tracker.completed_parts(), writer)
    assert ready.may_start(plan.parts[-1])


def test_a_part_of_kept_pages_only_is_ready_from_the_start():
    site = pages(40, 0)
    fi = [page.url for page in site if page.lang == "fi"]
    plan = plan_of(site, part_pages=1000, kept=fi)
    ready = PartsReady(plan)
    assert [part.name for part in plan.parts if ready.may_start(part)] == ["fi"]


@pytest.mark.parametrize("mistake", ["twice", "backwards", "other process", "unknown", "unfinished"])
def test_the_build_stops_when_it_goes_against_its_plan(mistake):
    plan = plan_of(pages(), fork=True)
    progress = Progress(plan, Writer.PARENT)
    mine, theirs = plan.written_by(Writer.PARENT), plan.written_by(Writer.COPY)
    later = next(page for page in mine if page.group > mine[0].group)
    with pytest.raises(PlanError):
        if mistake == "twice":
            progress.reached(mine[0].source)
            progress.reached(mine[0].source)
        elif mistake == "backwards":
            progress.reached(later.source)
            progress.reached(mine[0].source)
        elif mistake == "other process":
            progress.reached(theirs[0].source)
        elif mistake == "unknown":
            progress.reached("nowhere/index.md")
        else:
            progress.reached(mine[0].source)
            progress.finished()


def test_a_process_cannot_claim_a_part_it_does_not_write_nor_claim_one_twice():
    site = pages(30, 0)
    plan = plan_of(site, kept={page.url for page in site if page.lang == "sv"}, fork=True)
    sv = next(part for part in plan.parts if part.lang == "sv")
    with pytest.raises(PlanError):
        PartsReady(plan).completed([sv], Writer.PARENT)  # kept pages only: nobody writes it
    ready = PartsReady(plan)
    fi = next(part for part in plan.parts if part.lang == "fi")
    ready.completed([fi], Writer.COPY)
    with pytest.raises(PlanError):
        ready.completed([fi], Writer.COPY)


def new_state(root: Path) -> BuildState:
    """A build's state before its first step (entering steps reads neither settings nor files)."""
    settings = BuildSettings(preview=False, build_date=dt.date(2026, 1, 1))
    return BuildState(settings=settings, layout=Layout(root, root / "docs"), serving=False, jobs=1)


def test_the_steps_of_a_build_come_in_their_declared_order(tmp_path):
    state = new_state(tmp_path)
    for step in STEPS:
        state.enter(step)
        state.enter(step)  # an event that comes once per page enters its step again
    with pytest.raises(PlanError):
        new_state(tmp_path).enter("pages")  # before any page is read
