"""`body_policy.judge` skips its comparisons for a conversion that sanitizing gives back unchanged:
its verdict (the published HTML and every problem) is the verdict of the full comparison for
Markdown nobody here wrote, public XSS vectors, the site's own bodies and generated raw HTML."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from known_bodies import CORPORA, known_bodies
from tarkeissa.content.body_policy import (
    BodyPlace,
    OverBudget,
    _convert,
    judge,
    judge_fully,
    normalise,
    sanitize,
)

PATH = "content/acts/teko.fi.md"


def verdicts(body: str) -> tuple[str, Any, Any]:
    """The conversion's HTML, and (published HTML, problems) with and without the shortcut."""
    conversion = _convert(body, BodyPlace(source=PATH))
    quick, full = judge(conversion, body, PATH, 5), judge_fully(conversion, body, PATH, 5)
    return conversion.html, quick, full


def test_every_known_body_gets_the_verdict_of_the_full_comparison():
    bodies = known_bodies()
    assert len(bodies) > (1000 if CORPORA.is_dir() else 10)
    differing, unchanged, refused = [], 0, 0
    for name, body in bodies.items():
        try:
            html, quick, full = verdicts(body)
        except (OverBudget, RecursionError):  # refused before judging, either way
            continue
        if quick != full:
            differing.append(name)
        unchanged += sanitize(html) == html
        refused += bool(full[1])
    assert differing == []
    # both ways are taken: bodies sanitizing leaves as they are, and bodies with problems
    assert unchanged > len(bodies) / 4 and refused > (100 if CORPORA.is_dir() else 0)


def test_what_sanitizing_leaves_unchanged_normalising_leaves_unchanged():
    """The shortcut's reason: sanitizing and normalising are the same parse and serialization, the
    one only taking away; where it took nothing away, the other gives back the same text."""
    for body in known_bodies().values():
        try:
            html = _convert(body, BodyPlace(source=PATH)).html
        except (OverBudget, RecursionError):
            continue
        if sanitize(html) == html:
            assert normalise(html) == html


fragments = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "<div>",
            "</div>",
            "<body>",
            "<html>",
            "<!-- x -->",
            "<script>",
            "<img src=x>",
            '<a href="javascript:x">',
            '<a href="https://kt.fi">',
            "</a>",
            "<br />",
            "&amp;",
            "&#0;",
            "&nbsp;",
            "teksti",
            "\n\n",
            "*k*",
            '<span class="x">',
            "</span>",
            "<table>",
            "<td>",
            "<details>",
            "<summary>",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=fragments)
def test_generated_raw_html_gets_the_verdict_of_the_full_comparison(body):
    _, quick, full = verdicts(body)
    assert quick == full
