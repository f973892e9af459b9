"""The bodies' Markdown instance runs a quicker inline pass (markdown_setup._QuickInline) than
Python-Markdown's own: it must publish the very same HTML, table of contents and anchors as the
stock instance with the same extensions, for Markdown nobody here wrote (the CommonMark spec's and
Python-Markdown's own examples, public XSS vectors), for the site's own bodies, and for generated
inline markup; and it is used only with the Python-Markdown release it was read against."""

from __future__ import annotations

from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from known_bodies import CORPORA, known_bodies
from tarkeissa.content import markdown_setup
from tarkeissa.content.body_policy import BodyPlace, convert_with


def _both(body: str) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    place = BodyPlace(source="content/acts/teko.fi.md")
    results: list[tuple[Any, ...]] = []
    for md in (markdown_setup.new_markdown(quick=False), markdown_setup.new_markdown()):
        try:
            conversion = convert_with(md, body, place)
            results.append((conversion.html, conversion.toc_tokens, conversion.anchors, conversion.found))
        except Exception as error:  # noqa: BLE001  the same failure, if any, is what must match
            results.append((type(error).__name__,))
    return results[0], results[1]


def test_the_quick_inline_pass_is_in_use_with_the_release_it_was_read_against():
    assert markdown.__version_info__[:3] in markdown_setup.QUICK_INLINE_FOR, "pinned Python-Markdown changed"
    quick, stock = markdown_setup.new_markdown(), markdown_setup.new_markdown(quick=False)
    assert type(quick.treeprocessors["inline"]).__name__ == "_QuickInline"
    assert type(stock.treeprocessors["inline"]) is markdown.treeprocessors.InlineProcessor
    # the same passes in the same order: only the inline one is another object
    assert [type(p).__name__ for p in quick.treeprocessors if p is not quick.treeprocessors["inline"]] == [
        type(p).__name__ for p in stock.treeprocessors if p is not stock.treeprocessors["inline"]
    ]
    assert quick.treeprocessors.get_index_for_name("inline") == stock.treeprocessors.get_index_for_name("inline")


def test_another_release_keeps_python_markdowns_own_inline_pass(monkeypatch):
    monkeypatch.setattr(markdown, "__version_info__", (3, 12, 0, "final", 0))
    assert type(markdown_setup.new_markdown().treeprocessors["inline"]) is markdown.treeprocessors.InlineProcessor


def test_every_known_body_converts_to_the_same_html_as_with_the_stock_inline_pass():
    bodies = known_bodies()
    assert len(bodies) > (1000 if CORPORA.is_dir() else 10)
    different = [name for name, body in bodies.items() if (pair := _both(body))[0] != pair[1]]
    assert different == []


inline = st.lists(
    st.sampled_from(
        [
            *"*_~`[]()<>!&\\#:|{}=^-. \n",
            "**",
            "__",
            "~~",
            "`x`",
            "[a](b)",
            "![k](kuva.png)",
            "<https://a.fi>",
            "&amp;",
            "&#106;",
            "<em>",
            "</em>",
            "[^1]",
            "[^1]: huom",
            "*[KT]: Kunta",
            "KT",
            "{: .x }",
            "sana",
            "ää",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=inline)
def test_generated_inline_markup_converts_the_same_as_with_the_stock_inline_pass(text):
    stock, quick = _both(text)
    assert quick == stock


@pytest.mark.parametrize("body", ["*a **b** c*", "~~pois~~ ja **lihava**", "`*ei*` *on*", "a\\*b*c*"])
def test_inline_markup_still_becomes_elements(body):
    stock, quick = _both(body)
    assert quick == stock and "<" in quick[0].removeprefix("<p>")
