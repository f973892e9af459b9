"""Term indexes and term pages: every vocabulary that classifies acts or tools, in both languages.

Items are bucketed by term in one pass over the content, so the work grows with the number
of items, not with items times terms. Long term pages are paginated.
"""

from __future__ import annotations

from ..content.load import Content, Entry, version_in
from ..content.languages import LANGUAGES, other_language, relative_url, section_url
from .model import SitePage
from ..parallel import parallel_map
from .render import render
from .ui_text import ui

PAGE_SIZE = 50

# vocabulary -> (kind of item, front-matter field that names its terms)
CLASSIFYING = {
    "themes": ("act", "themes"),
    "sectors": ("act", "sector"),
    "regions": ("act", "region"),
    "organisation_types": ("act", "organisation_type"),
    "award_series": ("act", "awards"),
    "tool_topics": ("tool", "topics"),
    "tool_formats": ("tool", "format"),
    "audiences": ("tool", "audience"),
}
MENU_ORDER = {"themes": 20, "sectors": 21, "regions": 22, "award_series": 23}


def bucket_items(content: Content) -> dict[str, dict[str, list[dict[str, Entry]]]]:
    """vocabulary -> term slug -> the items (all their language versions) that use the term."""
    buckets: dict[str, dict[str, list[dict[str, Entry]]]] = {name: {} for name in CLASSIFYING}
    for vocabulary, (kind, field) in CLASSIFYING.items():
        for versions in content.collection(kind).values():
            values = next(iter(versions.values())).values  # classification is the same in both versions
            raw = values.get(field)
            if raw is None:
                continue
            slugs = [award["series"] for award in raw] if field == "awards" else raw if isinstance(raw, list) else [raw]
            for slug in dict.fromkeys(slugs):
                buckets[vocabulary].setdefault(slug, []).append(versions)
        for items in buckets[vocabulary].values():
            items.sort(key=lambda versions: (_date(versions), _id(versions)), reverse=True)  # newest first
    return buckets


def term_pages(content: Content, builder, buckets, jobs: int = 1) -> list[SitePage]:
    """Every vocabulary index and term page; `builder` (pages._Builder) makes the item cards.
    With jobs=2 the term pages are made on both cores."""
    parts: list[SitePage | tuple] = []  # index pages, and the term listings to make, in page order
    for vocabulary, by_term in buckets.items():
        kind = CLASSIFYING[vocabulary][0]
        for lang in LANGUAGES:
            other = other_language(lang)
            terms = content.vocabularies.terms.get(vocabulary, {}).values()
            index_url = section_url(vocabulary, lang)
            rows = [{"label": term.label(lang), "count": len(by_term.get(term.slug, [])),
                     "url": relative_url(index_url, section_url(vocabulary, lang, term.url_slug(lang)))}
                    for term in sorted(terms, key=lambda t: t.label(lang).casefold())]
            title = ui(lang, "vocabulary_" + vocabulary)
            head, _ = render("term_index.html", {"lang": lang, "title": title, "rows": rows, "kind": kind})
            parts.append(SitePage(index_url, lang, "term-index", title, title, "", section_url(vocabulary, other),
                                  key=vocabulary, menu_order=MENU_ORDER.get(vocabulary), head_html=head))
            for term in terms:
                heading = f"{ui(lang, 'vocabulary_' + vocabulary)}: {term.label(lang)}"
                parts.append((by_term.get(term.slug, []), lang, kind, heading,
                              section_url(vocabulary, lang, term.url_slug(lang)),
                              section_url(vocabulary, other, term.url_slug(other)),
                              (index_url, ui(lang, "vocabulary_" + vocabulary)), term.slug))
    tasks = [part for part in parts if isinstance(part, tuple)]
    made = iter(parallel_map(lambda task: listing_pages(builder, *task), tasks, jobs, worth_it=40))
    pages: list[SitePage] = []
    for part in parts:
        pages += next(made) if isinstance(part, tuple) else [part]
    return pages


def listing_pages(builder, items: list[dict[str, Entry]], lang: str, kind: str, heading: str, base: str,
                  other_base: str, up: tuple[str, str], key: str) -> list[SitePage]:
    """A list of items as cards, PAGE_SIZE a page: base/, base/2/, ...; `up` links back to the index."""
    chunks = [items[i:i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        url = base if number == 1 else f"{base}{number}/"
        cards = [builder.card(version_in(versions, lang), url, lang) for versions in chunk]
        pager = [{"number": n, "url": relative_url(url, base if n == 1 else f"{base}{n}/"), "current": n == number}
                 for n in range(1, len(chunks) + 1)] if len(chunks) > 1 else []
        head, _ = render("term.html", {"lang": lang, "title": heading, "cards": cards, "total": len(items),
                                       "pager": pager, "kind": kind, "index_url": relative_url(url, up[0]),
                                       "index_label": up[1]})
        alternate = other_base if number == 1 else f"{other_base}{number}/"
        pages.append(SitePage(url, lang, "term", heading, heading, "", alternate, key=key, head_html=head))
    return pages


def _date(versions: dict[str, Entry]):
    values = next(iter(versions.values())).values
    return values.get("published") or values.get("updated")


def _id(versions: dict[str, Entry]) -> str:
    return next(iter(versions.values())).id
