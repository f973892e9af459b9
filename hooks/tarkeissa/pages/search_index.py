"""Site search: which pages are indexed, how, and in which part of which index.

Pagefind splits the index by each page's <html lang>, so a Swedish reader searches only
Swedish pages, with Swedish stemming, and downloads only the chunks a query needs. A language
with many pages gets its index in parts, each made by its own Pagefind run: Pagefind holds a
whole index in memory while it builds it (about 0.26 MB per page), so parts keep a 10,000-act
build's memory bounded, and a part whose pages did not change is not made again. The search
page merges the parts in the reader's browser (Pagefind's `mergeIndex`).

A merged search must find what one index would. Pagefind matches a query word to every indexed
word it begins, and where an index has none, to the longest indexed word that begins the query
word instead ("palvelumuotoilua" to "palvelu"). A part that lacks a word the language has would
then add pages one index would not. So each part also indexes one page of the language's whole
vocabulary, marked with a filter that the search page excludes: every part knows every word.
An edit that brings the language a new word therefore makes all of its parts again.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape, unescape

from ..content.languages import LANGUAGES, URL_PREFIX
from .model import SitePage

INDEXED_KINDS = ("act", "tool", "campaign", "page")
# Filter names as the search page's script knows them; values are term labels in the page's language.
FILTERS = ("theme", "sector", "region")
# Pagefind holds about 0.26 MB per indexed page while it makes an index (measured: a run over
# 2,475 generated act pages peaks at 650 MB). A part holds 2,000 pages or fewer, and the runs under
# way at once index at most INDEXED_AT_ONCE pages, so the index never needs more than ~650 MB while
# the pages render beside it. Each part beyond a language's first adds one index chunk and the
# part's own small files (~35 KB) to a reader's first query.
PART_PAGES = 2000
INDEXED_AT_ONCE = 2500
VOCABULARY_FILTER = "vocabulary"  # marks the vocabulary page of a part: the search page leaves it out
VOCABULARY_FOLDER = "tt-vocabulary"  # its address in the part, never shown
_TAG = re.compile(r"<[^>]+>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def mark_for_search(page: SitePage, kind_label: str, filters: dict[str, list[str]]) -> None:
    """Wrap an indexed page's content for Pagefind: the body, its kind, and its filter values."""
    parts = [f'<div data-pagefind-body data-pagefind-meta="kind:{escape(kind_label)}">']
    parts += [
        f'<span hidden data-pagefind-filter="{name}">{escape(value)}</span>'
        for name, values in filters.items()
        for value in values
    ]
    page.head_html = "\n".join(parts) + "\n" + page.head_html
    page.foot_html = page.foot_html + "\n</div>"


@dataclass(frozen=True, order=True)
class IndexPart:
    lang: str
    number: int  # 1 is the language's main bundle, with Pagefind's scripts; 2 and on are merged into it

    @property
    def name(self) -> str:
        return self.lang if self.number == 1 else f"{self.lang}-{self.number}"

    @property
    def folder(self) -> str:
        """Where the part is published, relative to the site folder."""
        return bundle_folder(self.lang) + ("" if self.number == 1 else f"{part_folder(self.number)}/")


def bundle_folder(lang: str) -> str:
    return URL_PREFIX[lang] + "pagefind/"


PART_FOLDER = "part-"  # a merged part's folder inside the language's bundle folder: part-2, part-3, ...


def part_folder(number: int) -> str:
    return f"{PART_FOLDER}{number}"


def part_counts(pages: list[SitePage], part_pages: int = PART_PAGES) -> dict[str, int]:
    """Per language, how many parts its index has: enough that they hold `part_pages` pages or fewer on
    average (pages go to parts by a hash, so a part may hold a few more)."""
    indexed = dict.fromkeys(LANGUAGES, 0)
    for page in pages:
        if page.kind in INDEXED_KINDS:
            indexed[page.lang] += 1
    return {lang: max(1, -(-count // part_pages)) for lang, count in indexed.items()}


def part_of(page: SitePage, counts: dict[str, int]) -> IndexPart | None:
    """The part that indexes the page, by a hash of its address: a page stays in its part from build
    to build, so an edit makes only that part again (unless it changes the language's vocabulary)."""
    if page.kind not in INDEXED_KINDS:
        return None
    return IndexPart(page.lang, 1 + zlib.crc32(page.url.encode()) % counts[page.lang])


def all_parts(counts: dict[str, int]) -> list[IndexPart]:
    return [IndexPart(lang, number) for lang in LANGUAGES for number in range(1, counts[lang] + 1)]


def index_parts(pages: list[SitePage], counts: dict[str, int]) -> dict[IndexPart, list[SitePage]]:
    """Every part of every language's index, in write order, with its pages (a language without
    indexed pages has none)."""
    parts: dict[IndexPart, list[SitePage]] = {}
    for page in pages:
        part = part_of(page, counts)
        if part:
            parts.setdefault(part, []).append(page)
    return {part: parts[part] for part in all_parts(counts) if part in parts}


def write_group(page: SitePage, counts: dict[str, int]) -> int:
    """The order pages are written in: the pages of each index part, part after part, then every
    page not indexed (term pages, listings). Once a part's group is written its index can start,
    and it runs while the rest of the pages render."""
    parts = all_parts(counts)
    part = part_of(page, counts)
    return parts.index(part) if part else len(parts)


def vocabulary_page(pages: list[SitePage], lang: str) -> str:
    """The page that gives each part of a language's index every word of the language: the words
    of the searchable text of its pages (titles, the Markdown with its link targets and emphasis
    marks taken out, the HTML before the body without its tags). It may hold a word too many
    (which only this page has, and the search leaves it out), not one too few."""
    words: set[str] = set()
    for page in pages:
        if page.lang == lang and page.kind in INDEXED_KINDS:
            body = page.body.replace("*", "").replace("_", "").replace("`", "")
            if "](" in body:
                body = _LINK_TARGET.sub(" ", body)
            words.update(body.split())
            words.update(page.title.split())
            words.update(unescape(_TAG.sub(" ", page.head_html)).split())
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
        f'<div data-pagefind-body><span data-pagefind-filter="{VOCABULARY_FILTER}">1</span>'
        f"<p>{escape(' '.join(sorted(words)))}</p></div></body></html>"
    )


def index_keys(
    parts: dict[IndexPart, list[SitePage]],
    fingerprints: Callable[[], dict[str, str]],
    shared: str,
    vocabularies: dict[str, str] | None = None,
) -> dict[str, str]:
    """Per part, a hash of what it is made of: its pages' fingerprints and its language's vocabulary."""
    keys: dict[str, str] = {}
    of_pages = fingerprints()
    for part, pages in parts.items():
        digest = hashlib.sha256(shared.encode())
        digest.update((vocabularies or {}).get(part.lang, "").encode())
        for page in sorted(pages, key=lambda page: page.url):
            digest.update(f"\0{page.url}\0{of_pages.get(page.url, '')}".encode())
        keys[part.name] = digest.hexdigest()
    return keys
