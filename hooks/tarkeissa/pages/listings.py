"""Landing pages for acts (Tekojen tori / Framstegsarenan) and tools, the awards page, and the
compact data the acts filter loads on demand."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..content.languages import other_language, relative_url, section_url
from ..content.load import Content, Entry, version_in
from .cards import Cards
from .glance import glance_url
from .model import SitePage
from .render import render
from .search_index import VOCABULARY_FILTER
from .ui_text import ui

NEWEST = 12
FILTER_VOCABULARIES = ("themes", "sectors", "regions")


def filter_data_url(lang: str) -> str:
    return section_url("act", lang) + "filter-data.json"


def acts_landing(content: Content, cards: Cards, lang: str) -> SitePage:
    url = section_url("act", lang)
    acts = list(content.acts.values())
    newest = sorted(acts, key=lambda v: (version_in(v, lang).values["published"], version_in(v, lang).id), reverse=True)
    vocabularies = content.vocabularies
    counts = facet_counts(content)
    context = {
        "lang": lang,
        "title": ui(lang, "acts_landing"),
        "total": len(acts),
        "in_language": sum(1 for v in acts if lang in v),
        "cards": cards.cards(newest[:NEWEST], url, lang),
        "filters": [
            {
                "name": name,
                "label": ui(lang, "vocabulary_" + name),
                "options": sorted(
                    (
                        (t.slug, t.label(lang), counts[name].get(t.slug, 0))
                        for t in vocabularies.terms.get(name, {}).values()
                    ),
                    key=lambda option: str(option[1]).casefold(),
                ),
            }
            for name in FILTER_VOCABULARIES
        ],
        "indexes": [
            {"label": ui(lang, "vocabulary_" + name), "url": relative_url(url, section_url(name, lang))}
            for name in ("themes", "sectors", "regions", "organisation_types", "award_series")
        ],
        "awards_url": relative_url(url, section_url("awards", lang)),
        "glance_url": relative_url(url, glance_url(lang)),
        "feed_url": "atom.xml",
        "data_url": "filter-data.json",
        "other_base": relative_url(url, section_url("act", other_language(lang))),  # acts only in the other language
    }
    head, _ = render("acts_landing.html", context)
    return SitePage(
        url,
        lang,
        "acts",
        ui(lang, "acts_landing"),
        ui(lang, "acts_landing_summary"),
        "",
        section_url("act", other_language(lang)),
        key="acts",
        menu_order=10,
        head_html=head,
    )


def facet_counts(content: Content) -> dict[str, dict[str, int]]:
    """Acts per theme, sector and region before any choice: the filter's first counts, written into
    the page, so they show before (and without) its data."""
    counts: dict[str, dict[str, int]] = {name: {} for name in FILTER_VOCABULARIES}
    for versions in content.acts.values():
        values = next(iter(versions.values())).values  # classification is the same in both versions
        for name, slugs in (
            ("themes", set(values["themes"])),
            ("sectors", [values["sector"]]),
            ("regions", [values["region"]]),
        ):
            for slug in slugs:
                counts[name][slug] = counts[name].get(slug, 0) + 1
    return counts


def filter_data(content: Content, lang: str, page_url: Callable[[Entry], str]) -> str:
    """One row per act for the client-side filter: the id (the script makes the link from it and the
    act's language, as section_url does: a quarter less to download), the terms as numbers."""
    index = {
        name: {slug: number for number, slug in enumerate(content.vocabularies.terms.get(name, {}))}
        for name in FILTER_VOCABULARIES
    }
    rows = []
    for versions in content.acts.values():
        entry = version_in(versions, lang)
        values = entry.values
        assert page_url(entry) == section_url("act", entry.lang, entry.id)  # what act-filter.js rebuilds
        rows.append(
            [
                entry.id,
                entry.title,
                values["organisation"],
                index["regions"][values["region"]],
                index["sectors"][values["sector"]],
                [index["themes"][theme] for theme in values["themes"]],
                values["published"].isoformat(),
                entry.lang,
            ]
        )
    rows.sort(key=lambda row: row[6], reverse=True)
    terms = {name: list(index[name]) for name in FILTER_VOCABULARIES}
    return json.dumps({"terms": terms, "acts": rows}, ensure_ascii=False, separators=(",", ":"))


def tools_landing(content: Content, cards: Cards, lang: str) -> SitePage:
    url = section_url("tool", lang)
    tools = sorted(
        content.tools.values(),
        key=lambda v: (version_in(v, lang).values["updated"], version_in(v, lang).id),
        reverse=True,
    )
    context = {
        "lang": lang,
        "title": ui(lang, "tools_landing"),
        "total": len(tools),
        "cards": cards.cards(tools[:50], url, lang),
        "indexes": [
            {"label": ui(lang, "vocabulary_" + name), "url": relative_url(url, section_url(name, lang))}
            for name in ("tool_topics", "tool_formats", "audiences")
        ],
    }
    head, _ = render("tools_landing.html", context)
    return SitePage(
        url,
        lang,
        "tools",
        ui(lang, "tools_landing"),
        ui(lang, "tools_landing_summary"),
        "",
        section_url("tool", other_language(lang)),
        key="tools",
        menu_order=11,
        head_html=head,
    )


def awards_page(content: Content, cards: Cards, lang: str) -> SitePage:
    """Award-winning acts by gala year (newest first) and series, as the gala presents them."""
    url = section_url("awards", lang)
    series_order = list(content.vocabularies.terms.get("award_series", {}))
    by_year: dict[int, dict[str, list[Entry]]] = {}
    for versions in content.acts.values():
        entry = version_in(versions, lang)
        for award in entry.values.get("awards", []):
            by_year.setdefault(award["year"], {}).setdefault(award["series"], []).append(entry)
    years = []
    for year in sorted(by_year, reverse=True):
        groups = []
        for series in sorted(by_year[year], key=series_order.index):
            entries = sorted(by_year[year][series], key=lambda e: e.title.casefold())
            term = content.vocabularies.term("award_series", series)
            groups.append({"label": term.label(lang), "cards": [cards.card(e, url, lang) for e in entries]})
        years.append({"year": year, "groups": groups})
    head, _ = render("awards.html", {"lang": lang, "title": ui(lang, "awards_page"), "years": years})
    return SitePage(
        url,
        lang,
        "awards",
        ui(lang, "awards_page"),
        ui(lang, "awards_page"),
        "",
        section_url("awards", other_language(lang)),
        key="awards",
        menu_order=12,
        head_html=head,
    )


def search_page(content: Content, lang: str, index_parts: int = 1) -> SitePage:
    """The search page: a plain form; the script runs Pagefind in the page's language, over every
    part of that language's index."""
    url = section_url("search", lang)
    # Options are written here, not asked from Pagefind: a first query then loads no filter index.
    filters = [
        {
            "name": name,
            "label": ui(lang, "vocabulary_" + vocabulary),
            "options": sorted(
                (term.label(lang) for term in content.vocabularies.terms.get(vocabulary, {}).values()), key=str.casefold
            ),
        }
        for name, vocabulary in (("theme", "themes"), ("sector", "sectors"), ("region", "regions"))
    ]
    head, _ = render(
        "search.html",
        {
            "lang": lang,
            "title": ui(lang, "search_page"),
            "filters": filters,
            "acts_url": relative_url(url, section_url("act", lang)),
            "index_parts": index_parts,  # search.js finds them under the site's root
            "vocabulary_filter": VOCABULARY_FILTER,
        },
    )
    return SitePage(
        url,
        lang,
        "search",
        ui(lang, "search_page"),
        ui(lang, "search_page"),
        "",
        section_url("search", other_language(lang)),
        key="search",
        head_html=head,
    )
