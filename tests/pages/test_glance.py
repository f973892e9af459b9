"""Tekojen tori at a glance: the figures of the acts, drawn at build time, in both languages. Each
chart is a table of the numbers, with term links; the bars and the tile map are pictures of it."""

from __future__ import annotations

import functools
import re
from collections import Counter
from html import unescape

from test_collisions import doc, the_problem
from test_facets import LIVE
from test_site import CONTENT

PAGES = {"fi": "tekojen-tori-lukuina", "sv": "sv/framstegsarenan-i-siffror"}


def table(html: str, section: str) -> dict[str, int]:
    """label -> number of one chart's table."""
    part = html[html.index(f'id="{section}"') :]
    part = part[: part.index("</section>")]
    rows = re.findall(
        r'<th scope="row">(?:<a href="[^"]*">)?([^<]+)(?:</a>)?</th>\s*<td class="tt-chart__value">'
        r'<span class="tt-chart__number">(\d+)</span>',
        part,
    )
    return {unescape(label): int(number) for label, number in rows}


def term_label(vocabulary: str, slug: str, lang: str) -> str:
    return CONTENT.vocabularies.term(vocabulary, slug).label(lang)


def test_every_chart_tells_its_numbers_in_a_table_in_both_languages(starter_site):
    for lang, url in PAGES.items():
        html = (starter_site / url / "index.html").read_text(encoding="utf-8")
        label = functools.partial(term_label, lang=lang)
        assert table(html, "vuodet") == {str(y): n for y, n in Counter(v["published"].year for v in LIVE).items()}
        assert table(html, "maakunnat") == {
            label("regions", slug): sum(1 for v in LIVE if v["region"] == slug)
            for slug in CONTENT.vocabularies.terms["regions"]
        }
        assert table(html, "toimialat") == {
            label("sectors", slug): sum(1 for v in LIVE if v["sector"] == slug)
            for slug in CONTENT.vocabularies.terms["sectors"]
        }
        assert table(html, "teemat") == {
            label("themes", slug): sum(1 for v in LIVE if slug in v["themes"])
            for slug in CONTENT.vocabularies.terms["themes"]
        }
        assert table(html, "palkinnot") == {
            str(y): n for y, n in Counter(a["year"] for v in LIVE for a in v.get("awards", [])).items()
        }
        # pictures without inline style (the CSP has style-src 'self'), hidden from screen readers
        assert " style=" not in html and "<style" not in html
        assert len(re.findall(r'<svg class="tt-tilemap"[^>]* aria-hidden="true"', html)) == 1
        assert html.count("<rect") == len(CONTENT.vocabularies.terms["regions"]) + sum(
            len(table(html, s)) for s in ("vuodet", "maakunnat", "toimialat", "teemat", "palkinnot")
        )


def test_the_terms_link_to_their_pages_and_the_landing_links_here(starter_site):
    html = (starter_site / PAGES["sv"] / "index.html").read_text(encoding="utf-8")
    theme = CONTENT.vocabularies.term("themes", LIVE[0]["themes"][0])
    assert f'<a href="../teman/{theme.url_slug("sv")}/">{theme.label("sv")}</a>' in html
    assert re.search(r'<a href="../prisbelonade/#vuosi-\d{4}">\d{4}</a>', html)
    assert 'href="../tekojen-tori-lukuina/"' in (starter_site / "teot" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fi"' in html  # the language switch leads to the Finnish page


def test_an_editors_page_cannot_take_its_address(project):
    path, _, field, message = the_problem(project, {"docs/luvut.fi.md": doc("Luvut", "slug: tekojen-tori-lukuina\n")})
    assert path == "docs/luvut.fi.md" and field == "slug" and "Tekojen tori at a glance" in message
