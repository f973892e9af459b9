"""The build plan: who writes which page in which order, when each search part may start, and the
build's own checks that it keeps to it."""

from __future__ import annotations

import pytest

from tarkeissa.build.plan import BuildPlan, PartsReady, PlanError, Progress, Writer
from tarkeissa.build.state import STEPS, BuildState
from tarkeissa.site.model import SitePage
from tarkeissa.site.search_index import part_counts


def pages(acts: int = 300, terms: int = 40) -> list[SitePage]:
    made = [SitePage(f"{prefix}teot/teko-{n}/", lang, "act", f"Teko {n}", "", "Tarina.")
            for n in range(acts) for prefix, lang in (("", "fi"), ("sv/", "sv"))]
    return made + [SitePage(f"teemat/teema-{n}/", "fi", "term", f"Teema {n}", "", "") for n in range(terms)]


def plan_of(site: list[SitePage], part_pages: int = 100, **options) -> BuildPlan:
    return BuildPlan.make(site, part_counts(site, part_pages), **options)


def test_each_part_is_written_by_one_process_and_the_work_is_shared():
    plan = plan_of(pages(), fork=True)
    assert len(plan.parts) == 6  # 300 acts per language, 100 pages a part
    for part, planned in plan.part_pages.items():
        assert len({page.writer for page in planned}) == 1, part
    load = {writer: len(plan.written_by(writer)) for writer in (Writer.PARENT, Writer.COPY)}
    assert abs(load[Writer.PARENT] - load[Writer.COPY]) <= 150  # within about a part
    assert plan.parts_of(Writer.PARENT) and plan.parts_of(Writer.COPY)
    assert [page.group for page in plan.pages] == sorted(page.group for page in plan.pages)
    terms = [page for page in plan.pages if page.part is None]
    assert {page.writer for page in terms} == {Writer.PARENT, Writer.COPY}  # no index holds them: shared one by one


def test_without_a_fork_the_parent_writes_everything_and_kept_pages_are_nobodys():
    site = pages(50, 5)
    plan = plan_of(site, kept={site[0].url, site[-1].url})
    assert {page.writer for page in plan.pages} == {Writer.PARENT, Writer.KEPT}
    assert len(plan.to_write()) == len(site) - 2
    assert len(plan.pages) == len(site)


def test_a_process_reports_a_part_only_once_all_its_pages_are_written():
    plan = plan_of(pages(), fork=True)
    progress, ready = Progress(plan, Writer.PARENT), PartsReady(plan)
    mine = plan.written_by(Writer.PARENT)
    first = mine[0].part
    for page in mine:
        progress.reached(page.source)
        ready.completed(progress.completed_parts(), Writer.PARENT)
        if page.part == first:
            assert not ready.may_start(first)  # its last page may still be being written
        else:
            assert ready.may_start(first)
    progress.finished()
    ready.completed(progress.completed_parts(), Writer.PARENT)
    assert all(ready.may_start(part) for part in plan.parts_of(Writer.PARENT))
    assert not any(ready.may_start(part) for part in plan.parts_of(Writer.COPY))  # the copy has not told yet


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


def test_a_process_cannot_claim_a_part_it_does_not_write():
    plan = plan_of(pages(), fork=True)
    with pytest.raises(PlanError):
        PartsReady(plan).completed(plan.parts_of(Writer.COPY)[:1], Writer.PARENT)


def test_the_steps_of_a_build_come_in_their_declared_order(tmp_path):
    state = BuildState(settings=None, layout=None, serving=False, jobs=1)
    for step in STEPS:
        state.enter(step)
        state.enter(step)  # an event that comes once per page enters its step again
    with pytest.raises(PlanError):
        BuildState(settings=None, layout=None, serving=False, jobs=1).enter("pages")  # before any page is read
