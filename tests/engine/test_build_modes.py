"""The two-core build writes exactly what the one-core build writes."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT, Project, act, run_build
from tarkeissa.content.load import Layout, load_content


def snapshot(site):
    # Pagefind's own bundle names some chunks differently from run to run; its pages are compared
    # by what the search finds, in test_search.py.
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and "pagefind" not in path.relative_to(site).parts
    }


def test_two_core_build_is_byte_for_byte_the_one_core_build(tmp_path):
    sites = {}
    for jobs in ("1", "2"):
        site = tmp_path / f"site-{jobs}"
        result = run_build(ROOT, "production", site_dir=site, TT_JOBS=jobs)
        assert result.returncode == 0, result.stderr
        sites[jobs] = snapshot(site)
    assert len(sites["1"]) > 200
    assert sites["1"].keys() == sites["2"].keys()
    assert [name for name in sites["1"] if sites["1"][name] != sites["2"][name]] == []


def test_work_split_over_two_cores_keeps_order_and_reports_failure():
    import pytest
    from tarkeissa.parallel import parallel_map

    items = list(range(500))
    assert parallel_map(lambda n: n * n, items, jobs=2) == [n * n for n in items]

    def fails_in_the_copy(n):
        if n == 301:  # an odd item: the forked copy's share
            raise ValueError("broken item")
        return n

    with pytest.raises(RuntimeError):
        parallel_map(fails_in_the_copy, items, jobs=2)


def test_one_markdown_instance_renders_what_a_new_instance_per_page_renders(tmp_path):
    """The build converts every page with one reused Markdown instance; MkDocs makes a new one per
    page. The starter content (headings, tables, links between pages, raw HTML) comes out the same
    as with a new instance per page."""
    project = Project.starter(tmp_path / "project")
    sites = {}
    for name in ("shared", "stock"):
        if name == "stock":
            project.add_test_hook("stock_markdown_hook.py")
        result = run_build(project.root, "production", site_dir=tmp_path / name, TT_JOBS="1")
        assert result.returncode == 0, result.stderr
        sites[name] = snapshot(tmp_path / name)
    assert "stock_markdown_hook.py" in (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert len(sites["shared"]) > 200 and sites["shared"].keys() == sites["stock"].keys()
    assert [name for name in sites["shared"] if sites["shared"][name] != sites["stock"][name]] == []


def test_files_read_on_two_cores_give_what_one_core_gives(project):
    files = {f"content/acts/teko-{n:03d}.fi.md": act(title=f"Kehittämisteko {n}") for n in range(240)}
    files["content/acts/teko-007.fi.md"] = act(title=None)  # a problem in the forked copy's share (odd items)
    files["content/acts/teko-008.fi.md"] = act(region="atlantis")  # and one in this process's share
    p = project(files)
    layout = Layout(p.root, p.root / "docs")
    one, two = (load_content(layout, dt.date(2026, 11, 24), jobs=jobs) for jobs in (1, 2))
    shown = [[(x.path, x.line, x.column, x.field, x.message) for x in content.problems] for content in (one, two)]
    assert shown[0] == shown[1]
    assert {path for path, *_ in shown[0]} == {"content/acts/teko-007.fi.md", "content/acts/teko-008.fi.md"}
    assert two.files_checked == one.files_checked > 240
    assert two.acts.keys() == one.acts.keys() and len(one.acts) == 240
    assert two.acts["teko-101"]["fi"].values == one.acts["teko-101"]["fi"].values


def test_a_long_listing_html_reads_back_as_made_here_and_from_the_forked_copy():
    """Long HTML in the page model is kept compressed; every page gives back what it was made with,
    those made in the forked copy too (they come back pickled)."""
    import pickle

    from tarkeissa.pages.model import PackedText, SitePage
    from tarkeissa.parallel import parallel_map

    cards = '<li class="tt-card">Työhyvinvointi – yhteiskehittäminen ärjä</li>\n' * 200
    assert len(cards) > PackedText.LONG

    def listing(number: int) -> SitePage:
        return SitePage(
            f"teemat/{number}/", "fi", "term", "Teemat", "", "", head_html=cards + str(number), foot_html="<p>lyhyt</p>"
        )

    pages = parallel_map(listing, list(range(400)), jobs=2)
    assert [page.head_html for page in pages] == [cards + str(number) for number in range(400)]
    assert {page.foot_html for page in pages} == {"<p>lyhyt</p>"}
    assert len(pickle.dumps(pages[0])) < len(cards.encode()) / 10  # what a process holds of it


def test_pages_are_converted_shortly_before_they_are_written_and_let_go_after(tmp_path):
    """MkDocs alone would hold every page's HTML from its first pass to the end of the build; this
    build holds a batch of pages' HTML at a time, and writes the same site (the test above)."""
    import json

    from tarkeissa.engine.renderer import DeferredMarkdown

    project = Project.starter(tmp_path / "project")
    project.add_test_hook("held_html_hook.py")
    record = tmp_path / "held.json"
    result = run_build(project.root, "production", site_dir=tmp_path / "site", TT_JOBS="1", TT_TEST_HELD=str(record))
    assert result.returncode == 0, result.stderr
    held = json.loads(record.read_text(encoding="utf-8"))
    assert held["written"] > 200
    assert 1 <= held["most"] <= DeferredMarkdown.BATCH
