"""Term indexes and term pages: every vocabulary that classifies acts or tools, in both languages.

Items are bucketed by term (cards.bucket_items); long term pages are paginated.
"""

from __future__ import annotations

from typing import Any

from ..content.languages import LANGUAGES, other_language, relative_url, section_url
from ..content.load import Content
from ..parallel import parallel_map
from .cards import CLASSIFYING, Cards, Versions
from .model import SitePage
from .render import render
from .ui_text import ui

PAGE_SIZE = 50

MENU_ORDER = {"themes": 20, "sectors": 21, "regions": 22, "award_series": 23}


def term_pages(content: Content, cards: Cards, jobs: int = 1) -> list[SitePage]:
    """Every vocabulary index and term page. With jobs=2 the term pages are made on both cores."""
    parts: list[SitePage | tuple[Any, ...]] = []  # index pages, and the term listings to make, in page order
    for vocabulary, by_term in cards.buckets.items():
        kind = CLASSIFYING[vocabulary][0]
        for lang in LANGUAGES:
            other = other_language(lang)
            terms = content.vocabularies.terms.get(vocabulary, {}).values()
            index_url = section_url(vocabulary, lang)
            rows = [
                {
                    "label": term.label(lang),
                    "count": len(by_term.get(term.slug, [])),
                    "url": relative_url(index_url, section_url(vocabulary, lang, term.url_slug(lang))),
                }
                for term in sorted(terms, key=lambda t: t.label(lang).casefold())
            ]
            title = ui(lang, "vocabulary_" + vocabulary)
            head, _ = render("term_index.html", {"lang": lang, "title": title, "rows": rows, "kind": kind})
            parts.append(
                SitePage(
                    index_url,
                    lang,
                    "term-index",
                    title,
                    title,
                    "",
                    section_url(vocabulary, other),
                    key=vocabulary,
                    menu_order=MENU_ORDER.get(vocabulary),
                    head_html=head,
                )
            )
            for term in terms:
                heading = f"{ui(lang, 'vocabulary_' + vocabulary)}: {term.label(lang)}"
                parts.append(
                    (
                        by_term.get(term.slug, []),
                        lang,
                        kind,
                        heading,
                        section_url(vocabulary, lang, term.url_slug(lang)),
                        section_url(vocabulary, other, term.url_slug(other)),
                        (index_url, ui(lang, "vocabulary_" + vocabulary)),
                        term.slug,
                    )
                )
    tasks = [part for part in parts if isinstance(part, tuple)]
    made = iter(parallel_map(lambda task: listing_pages(cards, *task), tasks, jobs, worth_it=40))
    pages: list[SitePage] = []
    for part in parts:
        pages += next(made) if isinstance(part, tuple) else [part]
    return pages


def listing_pages(
    cards: Cards,
    items: list[Versions],
    lang: str,
    kind: str,
    heading: str,
    base: str,
    other_base: str,
    up: tuple[str, str],
    key: str,
) -> list[SitePage]:
    """A list of items as cards, PAGE_SIZE a page: base/, base/2/, ...; `up` links back to the index."""
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        url = base if number == 1 else f"{base}{number}/"
        shown = cards.cards(chunk, url, lang)
        pager = (
            [
                {"number": n, "url": relative_url(url, base if n == 1 else f"{base}{n}/"), "current": n == number}
                for n in range(1, len(chunks) + 1)
            ]
            if len(chunks) > 1
            else []
        )
        head, _ = render(
            "term.html",
            {
                "lang": lang,
                "title": heading,
                "cards": shown,
                "total": len(items),
                "pager": pager,
                "kind": kind,
                "index_url": relative_url(url, up[0]),
                "index_label": up[1],
            },
        )
        alternate = other_base if number == 1 else f"{other_base}{number}/"
        pages.append(SitePage(url, lang, "term", heading, heading, "", alternate, key=key, head_html=head))
    return pages
