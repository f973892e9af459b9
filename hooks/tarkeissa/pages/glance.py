"""Tekojen tori at a glance (`tekojen-tori-lukuina/`, `sv/framstegsarenan-i-siffror/`): acts per
year, region, sector and theme, and awards per gala year, drawn at build time.

Each chart is a table (the numbers, and links to the term pages) whose value cells carry a bar: an
inline SVG with `width` as a presentation attribute, since the Content-Security-Policy allows no
inline style. The regions also get a tile map of Finland. The pictures are hidden from screen
readers, whom the tables tell the same. No charting library: the pictures are bars and squares,
and a library would bring a script (or a style) the policy refuses, for what a loop draws.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..content.languages import other_language, relative_url, section_url
from ..content.load import Content, version_in
from .model import SitePage
from .render import render
from .ui_text import ui

GLANCE_URL = {"fi": "tekojen-tori-lukuina/", "sv": "sv/framstegsarenan-i-siffror/"}

# Finland's 19 regions as tiles (column, row), roughly where they lie: Lapland on top, Åland bottom left.
TILES = {
    "lappi": (2, 0),
    "pohjois-pohjanmaa": (2, 1),
    "kainuu": (3, 1),
    "keski-pohjanmaa": (1, 2),
    "pohjois-savo": (3, 2),
    "pohjois-karjala": (4, 2),
    "pohjanmaa": (0, 3),
    "etela-pohjanmaa": (1, 3),
    "keski-suomi": (2, 3),
    "etela-savo": (3, 3),
    "etela-karjala": (4, 3),
    "satakunta": (0, 4),
    "pirkanmaa": (1, 4),
    "paijat-hame": (2, 4),
    "kymenlaakso": (3, 4),
    "varsinais-suomi": (0, 5),
    "kanta-hame": (1, 5),
    "uusimaa": (2, 5),
    "ahvenanmaa": (0, 6),
}
TILE_W, TILE_H = 124, 70
# Shades for none, few ... most acts, each with a text colour of at least 4.5:1 on it.
SHADES = (
    ("#f5f5f5", "#1a1a1a"),
    ("#e8eaf6", "#1a1a1a"),
    ("#c5cae9", "#1a1a1a"),
    ("#5c6bc0", "#ffffff"),
    ("#283593", "#ffffff"),
)


def glance_url(lang: str) -> str:
    return GLANCE_URL[lang]


def _rows(
    counts: Counter[Any], order: Iterable[Any], label: Callable[[Any], str], url: Callable[[Any], str | None]
) -> list[dict[str, Any]]:
    """Table rows with each value's bar as a percentage of the largest."""
    largest = max(counts.values(), default=0) or 1
    return [
        {
            "key": key,
            "label": label(key),
            "url": url(key),
            "count": counts.get(key, 0),
            "bar": round(100 * counts.get(key, 0) / largest, 1),
        }
        for key in order
    ]


def _tile_label(text: str) -> list[str]:
    """A long region name on two lines, broken after its hyphen or at its space."""
    if len(text) <= 12:
        return [text]
    for mark in ("-", " "):
        if mark in text:
            first, _, rest = text.partition(mark)
            return [first + (mark if mark == "-" else ""), rest]
    return [text]


def glance_page(content: Content, lang: str) -> SitePage:
    url = glance_url(lang)
    terms = content.vocabularies.terms
    acts = [version_in(versions, lang).values for versions in content.acts.values()]
    years = Counter(values["published"].year for values in acts)
    regions = Counter(values["region"] for values in acts)
    sectors = Counter(values["sector"] for values in acts)
    themes = Counter(theme for values in acts for theme in dict.fromkeys(values["themes"]))
    awards = Counter(award["year"] for values in acts for award in values.get("awards", []))

    def term_rows(name: str, counts: Counter[Any]) -> list[dict[str, Any]]:
        vocabulary = terms.get(name, {})
        order = sorted(vocabulary, key=lambda slug: (-counts.get(slug, 0), vocabulary[slug].label(lang).casefold()))
        return _rows(
            counts,
            order,
            lambda slug: vocabulary[slug].label(lang),
            lambda slug: relative_url(url, section_url(name, lang, vocabulary[slug].url_slug(lang))),
        )

    awards_url = relative_url(url, section_url("awards", lang))
    region_rows = term_rows("regions", regions)
    largest = max(regions.values(), default=0)
    tiles = []
    for row in region_rows:
        if row["key"] not in TILES:
            continue  # a region added to the vocabulary but not to the map: still in the table
        column, line = TILES[row["key"]]
        shade = 1 + min(3, (4 * row["count"] - 1) // largest) if row["count"] else 0
        tiles.append(
            {
                **row,
                "x": column * TILE_W,
                "y": line * TILE_H,
                "fill": SHADES[shade][0],
                "ink": SHADES[shade][1],
                "lines": _tile_label(row["label"]),
            }
        )
    context = {
        "lang": lang,
        "title": ui(lang, "glance_page"),
        "total": len(acts),
        "years": _rows(years, sorted(years), str, lambda year: None),
        "regions": region_rows,
        "tiles": tiles,
        "tile_w": TILE_W,
        "tile_h": TILE_H,
        "map_w": 5 * TILE_W,
        "map_h": 7 * TILE_H,
        "legend": SHADES,
        "sectors": term_rows("sectors", sectors),
        "themes": term_rows("themes", themes),
        "awards": _rows(awards, sorted(awards, reverse=True), str, lambda year: f"{awards_url}#vuosi-{year}"),
        "acts_url": relative_url(url, section_url("act", lang)),
    }
    head, _ = render("glance.html", context)
    return SitePage(
        url,
        lang,
        "glance",
        ui(lang, "glance_page"),
        ui(lang, "glance_summary"),
        "",
        glance_url(other_language(lang)),
        key="glance",
        head_html=head,
    )


__all__ = ["GLANCE_URL", "glance_page", "glance_url"]
