"""What pages, listings and term pages show of an item: its address, its card, a term's link and
label, the items filed under each term, and an act's related acts. Typed, so a listing knows what
it is handed; plain data, so templates and the render cache read it as they read any dict.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from ..content.languages import URL_PREFIX, home_url, relative_url, section_url
from ..content.load import Content, Entry, version_in
from ..content.vocabularies import Vocabularies

Versions = dict[str, Entry]  # an item's language versions, by language
Buckets = dict[str, dict[str, list[Versions]]]  # vocabulary -> term slug -> its items, newest first

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


class Card(TypedDict):
    title: str
    url: str  # relative to the page that shows the card
    summary: str
    organisation: str | None
    date: object  # dt.date: published (acts) or updated (tools)
    region: str | None
    lang: str
    draft: bool
    source: str | None
    format: str | None


class TermLink(TypedDict):
    label: str
    url: str


def page_url(kind: str, key: str, lang: str, slug: str | None = None) -> str:
    if kind in ("act", "tool", "campaign"):
        return section_url(kind, lang, key)
    if key == "index":
        return home_url(lang)
    folder, _, name = key.rpartition("/")
    return URL_PREFIX[lang] + (folder + "/" if folder else "") + (slug or name) + "/"


def url_of(entry: Entry) -> str:
    return page_url(entry.kind, entry.id, entry.lang, entry.values.get("slug"))


def bucket_items(content: Content) -> Buckets:
    """vocabulary -> term slug -> the items (all their language versions) that use the term, in one
    pass over the content, so the work grows with the number of items, not items times terms."""
    buckets: Buckets = {name: {} for name in CLASSIFYING}
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
            items.sort(key=lambda versions: (item_date(versions), item_id(versions)), reverse=True)  # newest first
    return buckets


def item_date(versions: Versions) -> dt.date | None:
    values = next(iter(versions.values())).values
    return values.get("published") or values.get("updated")


def item_id(versions: Versions) -> str:
    return next(iter(versions.values())).id


class Cards:
    """Cards, term links and related acts of one site's content."""

    def __init__(self, content: Content) -> None:
        self.content: Content = content
        self.vocabularies: Vocabularies = content.vocabularies
        self.buckets: Buckets = bucket_items(content)

    def term(self, vocabulary: str, slug: str, lang: str, from_url: str) -> TermLink:
        term = self.vocabularies.get(vocabulary, slug)
        return {
            "label": term.label(lang) if term else slug,
            "url": relative_url(from_url, section_url(vocabulary, lang, term.url_slug(lang) if term else slug)),
        }

    def term_label(self, vocabulary: str, slug: str, lang: str) -> str:
        term = self.vocabularies.get(vocabulary, slug)
        return term.label(lang) if term else slug

    def card(self, entry: Entry, from_url: str, lang: str) -> Card:
        values = entry.values
        return {
            "title": entry.title,
            "url": relative_url(from_url, page_url(entry.kind, entry.id, entry.lang)),
            "summary": values.get("summary", ""),
            "organisation": values.get("organisation"),
            "date": values.get("published") or values.get("updated"),
            "region": self.term_label("regions", values["region"], lang) if "region" in values else None,
            "lang": entry.lang,
            "draft": entry.draft,
            "source": values["source"]["organisation"] if "source" in values else None,
            "format": self.term_label("tool_formats", values["format"], lang) if "format" in values else None,
        }

    def cards(self, items: list[Versions], from_url: str, lang: str) -> list[Card]:
        """Each item's card in `lang`, or in its other language where nobody has translated it."""
        return [self.card(version_in(versions, lang), from_url, lang) for versions in items]

    def newest_acts(self, lang: str, count: int, from_url: str) -> list[Card]:
        chosen = [version_in(versions, lang) for versions in self.content.acts.values()]
        chosen.sort(key=lambda e: (e.values["published"], e.id), reverse=True)
        return [self.card(entry, from_url, lang) for entry in chosen[:count]]

    def related_acts(self, entry: Entry, url: str, count: int = 4, candidates_per_term: int = 12) -> list[Card]:
        """Acts that share themes or the sector. Only the newest few of each term are candidates,
        so the cost per act stays constant however many acts there are."""
        values = entry.values
        scores: dict[str, tuple[int, object]] = {}
        lists = [(2, self.buckets["themes"].get(theme, [])) for theme in values["themes"]]
        lists.append((1, self.buckets["sectors"].get(values["sector"], [])))
        chosen: dict[str, Versions] = {}
        for weight, items in lists:
            for versions in items[: candidates_per_term + 1]:
                other = next(iter(versions.values()))
                if other.id == entry.id:
                    continue
                score = scores.get(other.id, (0, None))[0] + weight
                scores[other.id] = (score, other.values["published"])
                chosen[other.id] = versions
        best = sorted(scores, key=lambda key: (scores[key][0], scores[key][1], key), reverse=True)[:count]
        return [self.card(version_in(chosen[key], entry.lang), url, entry.lang) for key in best]
