"""Pagefind reads each page cut to its head and its data-pagefind-body element (search_runs.search_input):
the index it makes is the index of the whole pages, and a page whose shape does not allow the cut,
or where something outside that element is what Pagefind reads, is given to it whole."""

from __future__ import annotations

import os

from conftest import Project, run_build
from pagefind_data import index_data
from tarkeissa.engine.search_runs import link_pages, search_input
from tarkeissa.pages.model import SitePage

HEAD = '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Teko</title></head>'
BODY = (
    '<div data-pagefind-body data-pagefind-meta="kind:Kehittämisteko">'
    '<span hidden data-pagefind-filter="theme">Johtaminen</span><h1>Teko</h1>'
    '<div class="x"><p title="&lt;div">a <a title="</div>">b</a></p></div></div>'
)


def page(
    before: str = "<header><nav><div><a href=/>Etusivu</a></div></nav></header>",
    body: str = BODY,
    after: str = "<footer><div>©</div></footer>",
) -> str:
    return f"{HEAD}<body><div class=md-container>{before}<main>{body}</main>{after}</div></body></html>"


def test_a_page_is_cut_to_its_head_and_its_whole_body_element():
    cut = search_input(page())
    assert cut == f"{HEAD}<body>{BODY}</body></html>\n"  # a '</div>' in a quoted attribute does not end it


def test_a_page_is_given_whole_where_pagefind_reads_something_outside_its_body_element():
    outside = {
        "a filter outside": page(after='<span data-pagefind-filter="theme">Muu</span>'),
        "meta outside": page(before='<p data-pagefind-meta="image:/k.png">x</p>'),
        "an h1 before": page(before="<h1>Otsikko</h1>"),
        "an img after": page(after='<img src="k.png" alt="">'),
        "two bodies": page(after=BODY),
        "no body element": page(body="<p>teksti</p>"),
        "no end": page(body=BODY.removesuffix("</div>"), after=""),
        "an end tag of another": page(body=BODY.replace("</p>", "</li>")),
        "no head": page().replace("</head>", ""),
    }
    assert {name: search_input(html) for name, html in outside.items()} == dict.fromkeys(outside)


def test_the_search_input_folder_follows_the_pages_and_cuts_only_what_it_can(tmp_path):
    site, folder = tmp_path / "site", tmp_path / "input"
    whole = page(after='<span data-pagefind-filter="theme">Muu</span>')
    for url, html in {"teot/a/": page(), "teot/b/": whole}.items():
        (site / url).mkdir(parents=True)
        (site / url / "index.html").write_text(html, encoding="utf-8")
    pages = [SitePage(url, "fi", "act", "Teko", "", "") for url in ("teot/a/", "teot/b/")]
    link_pages(site, pages, "fi", folder)
    assert (folder / "teot/a/index.html").read_text(encoding="utf-8") == search_input(page())
    assert os.path.samefile(folder / "teot/b/index.html", site / "teot/b/index.html")  # given whole
    # a page written again is cut again; one page fewer leaves its input out
    (site / "teot/a/index.html").unlink()
    (site / "teot/a/index.html").write_text(page(body=BODY.replace("Teko</h1>", "Uusi</h1>")), encoding="utf-8")
    link_pages(site, pages[:1], "fi", folder)
    assert "Uusi</h1>" in (folder / "teot/a/index.html").read_text(encoding="utf-8")
    assert not (folder / "teot/b").exists()


def test_the_index_of_cut_pages_is_the_index_of_the_whole_pages(tmp_path):
    """The starter site's index, both languages, every kind of indexed page: the same fragments,
    word index, pages and filters as when Pagefind reads the whole pages."""
    project = Project.starter(tmp_path / "project")
    indexes = {}
    for name in ("cut", "whole"):
        if name == "whole":
            project.add_test_hook("full_page_search_input_hook.py")
        result = run_build(
            project.root, "production", site_dir=tmp_path / name, TT_CACHE_DIR=str(tmp_path / f"cache-{name}")
        )
        assert result.returncode == 0, result.stderr
        indexes[name] = {
            lang: index_data(tmp_path / name / bundle) for lang, bundle in (("fi", "pagefind"), ("sv", "sv/pagefind"))
        }
    inputs = {name: list((tmp_path / f".{name}.search-input").rglob("index.html")) for name in indexes}
    assert inputs["cut"] and all(path.stat().st_nlink == 1 for path in inputs["cut"])  # cut copies, not links
    assert all(path.stat().st_nlink > 1 for path in inputs["whole"])  # the hook took effect
    for lang in ("fi", "sv"):
        cut, whole = indexes["cut"][lang], indexes["whole"][lang]
        assert len([name for name in cut if "/fragment/" in f"/{name}"]) > 10
        assert cut.keys() == whole.keys()
        assert [name for name in cut if cut[name] != whole[name]] == []
