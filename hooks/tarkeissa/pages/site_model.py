"""The page model: every page the site has, in both languages, as plain data.

An engine (today MkDocs + Material, see engine/mkdocs_adapter.py) turns these into HTML files; moving
engines means new templates, not new logic.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..content.languages import (
    LANGUAGES,
    SECTIONS,
    home_url,
    other_language,
    relative_url,
    section_url,
)
from ..content.load import Content, Entry, _at, version_in
from ..content.messages import Phrase, phrase
from ..content.problems import Problem
from ..content.source import FieldPath
from ..parallel import parallel_map
from .cards import CLASSIFYING, Cards, Versions, page_url, url_of
from .feeds import atom_feed, feed_url, sitemap
from .field_reference import field_reference_page, field_reference_url
from .glance import glance_page, glance_url
from .listings import (
    acts_landing,
    awards_page,
    filter_data,
    filter_data_url,
    search_page,
    tools_landing,
)
from .model import Asset, SitePage
from .preview import robots_txt
from .redirects import redirect_files
from .render import render
from .search_index import INDEXED_KINDS, PART_PAGES, mark_for_search, part_counts
from .term_pages import PAGE_SIZE, listing_pages, term_pages
from .ui_text import ui

FEEDBACK_ADDRESS = "mailto:tarkeissatoissa@kt.fi"  # the accessibility statement's feedback channel, on every page
REQUIRED_PAGES = ("index", "accessibility")  # every language must have a home and an accessibility statement


@dataclass
class SiteModel:
    pages: list[SitePage]
    preview: bool
    build_date: dt.date
    files: dict[str, str] = field(default_factory=dict)  # site-relative path -> text (feeds, sitemap, data)
    site_url: str = "/"  # absolute base of the published site, for links that leave it (feeds, social cards)
    search_parts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, 1))  # per language

    def __post_init__(self) -> None:
        self.by_url = {page.url: page for page in self.pages}

    def menu(self, lang: str) -> list[SitePage]:
        items = [page for page in self.pages if page.lang == lang and page.menu_order is not None]
        return sorted(items, key=lambda page: (page.menu_order, page.title))

    def social(self, page: SitePage) -> dict[str, Any] | None:
        """Open Graph / Twitter card data for act and tool pages, so a shared link shows title, text and image."""
        if page.kind not in ("act", "tool"):
            return None
        image = page.assets[0].url if page.assets else "assets/images/social-card.png"
        image_alt = page.image_alt or ui(page.lang, "site_name")
        locales = {"fi": "fi_FI", "sv": "sv_FI"}
        return {
            "type": "article",
            "title": page.title,
            "description": page.description,
            "url": self.site_url + page.url,
            "image": self.site_url + image,
            "image_alt": image_alt,
            "locale": locales[page.lang],
            "alternate_locale": locales[other_language(page.lang)] if page.alternate_url is not None else None,
        }

    def chrome(self, lang: str) -> dict[str, Any]:
        """What every page of a language shows around its content: footer links, language names."""
        if not hasattr(self, "_chrome"):
            statements = {
                page.lang: page.url for page in self.pages if page.kind == "page" and page.key == "accessibility"
            }
            self._chrome = {
                code: {
                    "lang": code,
                    "home_url": home_url(code),
                    "accessibility_url": statements.get(code, home_url(code)),
                    "accessibility_label": ui(code, "accessibility"),
                    "feedback_label": ui(code, "feedback"),
                    "feedback_href": FEEDBACK_ADDRESS,
                }
                for code in LANGUAGES
            }
        return self._chrome[lang]


def check_site(content: Content) -> list[Problem]:
    """Rules about the site as a whole: required pages exist, no two things share an address."""
    problems: list[Problem] = []
    for lang in LANGUAGES:
        for key in REQUIRED_PAGES:
            if lang not in content.pages.get(key, {}):
                problems.append(
                    Problem.at(
                        f"docs/{key}.{lang}.md", 1, 1, "file", "site.required-page", path=f"docs/{key}.{lang}.md"
                    )
                )
    owners: dict[str, _Owner] = {}
    for address, owner in _site_addresses(content):
        first = owners.setdefault(address, owner)
        if first is owner or owner.entry is None:
            continue  # generated addresses differ by construction; load_vocabularies checks the terms' own
        if owner.field[:1] == ("redirect_from",) and first.entry is not None and first.entry.kind == owner.entry.kind:
            continue  # a former id that is an item's id or another item's former id: content.py reports it
        problems.append(_collision(address, owner, first))
    for address, owner in owners.items():
        if owner.entry is not None and address.startswith(RESERVED_FOLDERS):
            problems.append(
                _at(
                    owner.entry,
                    owner.field,
                    "address.reserved",
                    address=address.removesuffix(INDEX),
                    folder=next(f for f in RESERVED_FOLDERS if address.startswith(f)),
                )
            )
    return problems


# Folders the build fills itself: search indexes, act images, the site's scripts and styles; and previews/,
# where the Pages branch keeps pull requests' previews beside the site (.github/workflows/preview-publish.yml).
RESERVED_FOLDERS = ("pagefind/", "sv/pagefind/", "media/", "assets/", "previews/", "admin/")  # admin/: the web editor


@dataclass(frozen=True)
class _Owner:
    """Something the site writes at an address, and where an editor would fix a collision with it."""

    description: str | Phrase  # names it in a message: a file, or a phrase for the field reference, a term's page
    entry: Entry | None = None  # the editor's file that chose the address; None: the site makes it by itself
    field: FieldPath = ()  # the field of that file that chose it; () for the file name


INDEX = "index.html"  # a page at the directory address `url` is the file `url + INDEX`


def _site_addresses(content: Content) -> Iterator[tuple[str, _Owner]]:
    """(output file, owner) of everything build_site_model writes for this content, drafts included
    (a preview writes a superset of a production build). What the site makes by itself comes first,
    so a collision is reported at the editor's file that came later."""
    for lang in LANGUAGES:
        for section in SECTIONS:
            yield (
                section_url(section, lang) + INDEX,
                _Owner(phrase("owner.search-page" if section == "search" else "owner.listing")),
            )
        yield field_reference_url(lang) + INDEX, _Owner(phrase("owner.field-reference"))
        yield glance_url(lang) + INDEX, _Owner("Tekojen tori at a glance")
        yield feed_url(lang), _Owner(phrase("owner.feed"))
        yield filter_data_url(lang), _Owner(phrase("owner.filter-data"))
    yield "sitemap.xml", _Owner(phrase("owner.sitemap"))
    yield "robots.txt", _Owner("robots.txt")
    counts: dict[tuple[str, str], int] = {}  # (vocabulary, term) -> items; ("campaign", id) -> acts
    for vocabulary, (kind, name) in CLASSIFYING.items():
        for versions in content.collection(kind).values():
            for slug in _named_terms(next(iter(versions.values())).values.get(name), name):
                counts[vocabulary, slug] = counts.get((vocabulary, slug), 0) + 1
    for versions in content.acts.values():
        campaign = next(iter(versions.values())).values.get("campaign")
        if campaign:
            counts["campaign", campaign] = counts.get(("campaign", campaign), 0) + 1
    for vocabulary in CLASSIFYING:
        for term in content.vocabularies.terms.get(vocabulary, {}).values():
            described = {"slug": term.slug, "vocabulary": vocabulary, "path": content.vocabularies.path}
            for lang in LANGUAGES:
                urls = _listing_urls(
                    section_url(vocabulary, lang, term.url_slug(lang)), counts.get((vocabulary, term.slug), 0)
                )
                for number, url in enumerate(urls, start=1):
                    yield (
                        url + INDEX,
                        _Owner(
                            phrase("owner.term-page-n", number=number, **described)
                            if number > 1
                            else phrase("owner.term-page", **described)
                        ),
                    )
    for key, versions in sorted(content.campaigns.items()):
        if counts.get(("campaign", key), 0) > PAGE_SIZE:  # as _Builder.campaign_act_lists
            source = next(iter(versions.values())).source_path
            for lang in LANGUAGES:
                for url in _listing_urls(section_url("campaign", lang, key) + "teot/", counts["campaign", key]):
                    yield url + INDEX, _Owner(phrase("owner.campaign-acts", source=source))
    for kind in ("act", "tool", "campaign", "page"):
        for key, versions in sorted(content.collection(kind).items()):
            for entry in versions.values():
                own_slug = entry.values.get("slug")
                chosen_by = ("slug",) if kind == "page" and own_slug and key != "index" else ()
                yield page_url(kind, key, entry.lang, own_slug) + INDEX, _Owner(entry.source_path, entry, chosen_by)
    for kind in ("act", "tool"):  # as redirects.redirect_files
        for _key, versions in sorted(content.collection(kind).items()):
            for entry in versions.values():
                for index, old_id in enumerate(entry.values.get("redirect_from", [])):
                    yield (
                        section_url(kind, entry.lang, old_id) + INDEX,
                        _Owner(
                            phrase("owner.redirect", old_id=old_id, source=entry.source_path),
                            entry,
                            ("redirect_from", index),
                        ),
                    )


def _named_terms(raw: Any, name: str) -> list[Any]:  # what the file says, valid or not
    """The terms a classifying field names, as cards.bucket_items reads them; content with
    problems is checked too, so nothing here may assume a valid value."""
    if name == "awards":
        return list(dict.fromkeys(award.get("series") for award in raw or [] if isinstance(award, dict)))
    return list(dict.fromkeys(raw)) if isinstance(raw, list) else [raw] if raw is not None else []


def _listing_urls(base: str, count: int) -> list[str]:
    """The pages of a list of `count` items, as term_pages.listing_pages makes them."""
    return [base] + [f"{base}{number}/" for number in range(2, -(-count // PAGE_SIZE) + 1)]


def _collision(address: str, owner: _Owner, first: _Owner) -> Problem:
    shown = "/" + address.removesuffix(INDEX)
    entry = owner.entry
    assert entry is not None, "what the site makes by itself comes first: a later owner is an editor's file"
    if owner.field[:1] == ("redirect_from",):
        old_id = entry.values["redirect_from"][owner.field[1]]
        return _at(entry, owner.field, "address.redirect-taken", old_id=old_id, address=shown, owner=first.description)
    if owner.field:
        return _at(entry, owner.field, "address.taken", address=shown, owner=first.description)
    return Problem.at(
        entry.source_path,
        1,
        1,
        "file name",
        "address.taken-by-page-name" if entry.kind == "page" else "address.taken-by-file-name",
        address=shown,
        owner=first.description,
    )


def build_site_model(
    content: Content,
    preview: bool,
    site_url: str = "/",
    jobs: int = 1,
    search_part_pages: int = PART_PAGES,
    canonical_url: str | None = None,
    extra_files: dict[str, str] | None = None,
) -> SiteModel:
    """All pages of valid content; a production model leaves every draft out, a preview keeps and marks them.
    With jobs=2 the item pages are made on both cores. `extra_files`: site path -> text of files the
    site serves beside its pages (the web editor's, under admin/)."""
    if not preview:
        content = content.without_drafts()
    builder = _Builder(content)
    items = [
        (entry, versions)
        for kind in ("act", "tool", "campaign", "page")
        for key, versions in sorted(content.collection(kind).items())
        for entry in versions.values()
    ]
    pages: list[SitePage] = parallel_map(lambda item: builder.item_page(*item), items, jobs)
    files: dict[str, str] = {}
    search_parts = part_counts(pages, search_part_pages)  # only item pages are indexed, and they are all made
    for lang in LANGUAGES:
        pages += builder.campaign_act_lists(lang)
        pages += [
            builder.campaign_index(lang),
            acts_landing(content, builder.cards, lang),
            tools_landing(content, builder.cards, lang),
            awards_page(content, builder.cards, lang),
            search_page(content, lang, search_parts[lang]),
        ]
        files[feed_url(lang)] = atom_feed(content, lang, site_url, url_of)
        files[filter_data_url(lang)] = filter_data(content, lang, url_of)
        pages.append(field_reference_page(content.vocabularies, lang))
        pages.append(glance_page(content, lang))
    pages += term_pages(content, builder.cards, jobs)
    files["sitemap.xml"] = sitemap(pages, site_url)
    files["robots.txt"] = robots_txt(preview, site_url)
    files.update(extra_files or {})
    files.update(redirect_files(content, canonical_url or site_url, url_of))  # production's address
    written = Counter([page.url + INDEX for page in pages] + list(files))
    shared = sorted(address for address, count in written.items() if count > 1)
    if shared:  # check_site reports every collision of valid content, so this means it missed one
        raise RuntimeError(
            "two pages or files of the site at one address, unreported by check_site: " + ", ".join(shared)
        )
    return SiteModel(pages, preview, content.today, files, site_url, search_parts)


class _Builder:
    """The item pages and campaign pages of one site's content; the cards they show come from `cards`."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.vocabularies = content.vocabularies
        self.cards = Cards(content)
        self.by_campaign: dict[str, list[dict[str, Entry]]] = {}
        for versions in content.acts.values():
            campaign = next(iter(versions.values())).values.get("campaign")
            if campaign:
                self.by_campaign.setdefault(campaign, []).append(versions)
        for items in self.by_campaign.values():
            items.sort(
                key=lambda v: (next(iter(v.values())).values["published"], next(iter(v.values())).id), reverse=True
            )

    @staticmethod
    def _urls(entry: Entry, versions: Versions) -> tuple[str, str | None]:
        other = versions.get(other_language(entry.lang))
        return url_of(entry), (url_of(other) if other else None)

    # --- pages -----------------------------------------------------------------------

    def item_page(self, entry: Entry, versions: dict[str, Entry]) -> SitePage:
        url, alternate = self._urls(entry, versions)
        lang, values = entry.lang, entry.values
        context = {
            "lang": lang,
            "title": entry.title,
            "summary": values.get("summary"),
            "draft": entry.draft,
            "alternate": alternate,
            "other_home": relative_url(url, home_url(other_language(lang))),
            "kind": entry.kind,
        }
        assets: list[Asset] = []
        menu_order = menu_title = image_alt = None
        kind = entry.kind
        if kind == "act":
            context["facts"] = self.act_facts(entry, url)
            context["related"] = self.cards.related_acts(entry, url)
            image = values.get("image")
            if image:
                asset_url = f"media/acts/{entry.id}/{image['src']}"
                assets.append(Asset(entry.abs_path.parent / image["src"], asset_url))
                context["image"] = {"src": relative_url(url, asset_url), "alt": image["alt"]}
                image_alt = image["alt"]
        elif kind == "tool":
            context["facts"] = self.tool_facts(entry, url)
            context["source_url"] = values["source"].get("url")
            context["source_organisation"] = values["source"]["organisation"]
        elif kind == "campaign":
            context["facts"] = self.campaign_facts(entry)
            context["status"] = campaign_status(values, self.content.today)
            acts = self.by_campaign.get(entry.id, [])
            context["acts"] = self.cards.cards(acts[:PAGE_SIZE], url, lang)
            context["acts_total"] = len(acts)
            context["all_acts_url"] = relative_url(url, url + "teot/") if len(acts) > PAGE_SIZE else None
        elif entry.id == "index":
            kind = "home"
            menu_order, menu_title = 0, ui(lang, "home")
            context["acts"] = self.cards.newest_acts(lang, 6, url)
            context["campaigns_url"] = relative_url(url, section_url("campaign", lang))
        else:
            menu_order = 90 if entry.id == "accessibility" else 80 if entry.id == "about" else 70
        head, foot = render(f"{kind}.html", context)
        page = SitePage(
            url,
            lang,
            kind,
            entry.title,
            values.get("summary", ""),
            entry.body,
            alternate,
            entry.draft,
            entry.source_path,
            entry.id,
            menu_order,
            menu_title,
            assets,
            head,
            foot,
            image_alt,
            entry.body_line,
            entry.converted,
        )
        if kind in INDEXED_KINDS:
            mark_for_search(page, ui(lang, kind), self.search_filters(entry))
        return page

    def search_filters(self, entry: Entry) -> dict[str, list[str]]:
        values, lang = entry.values, entry.lang

        def label(vocabulary: str, slug: str) -> str:
            return self.vocabularies.term(vocabulary, slug).label(lang)

        if entry.kind != "act":
            return {}
        return {
            "theme": [label("themes", theme) for theme in values["themes"]],
            "sector": [label("sectors", values["sector"])],
            "region": [label("regions", values["region"])],
        }

    def act_facts(self, entry: Entry, url: str) -> list[dict[str, Any]]:
        values, lang = entry.values, entry.lang
        facts = [
            {"label": ui(lang, "organisation"), "text": values["organisation"]},
            {
                "label": ui(lang, "organisation_type"),
                "links": [self.cards.term("organisation_types", values["organisation_type"], lang, url)],
            },
        ]
        if values.get("municipality"):
            facts.append({"label": ui(lang, "municipality"), "text": values["municipality"]})
        facts += [
            {"label": ui(lang, "region"), "links": [self.cards.term("regions", values["region"], lang, url)]},
            {"label": ui(lang, "sector"), "links": [self.cards.term("sectors", values["sector"], lang, url)]},
            {"label": ui(lang, "themes"), "links": [self.cards.term("themes", t, lang, url) for t in values["themes"]]},
            {"label": ui(lang, "published"), "date": values["published"]},
        ]
        if values.get("awards"):
            links = []
            for award in sorted(values["awards"], key=lambda a: a["year"], reverse=True):
                term = self.cards.term("award_series", award["series"], lang, url)
                links.append({"label": f"{term['label']} {award['year']}", "url": term["url"]})
            facts.append({"label": ui(lang, "awards"), "links": links})
        if values.get("contact"):
            facts.append({"label": ui(lang, "contact"), "contact": values["contact"]})
        return facts

    def tool_facts(self, entry: Entry, url: str) -> list[dict[str, Any]]:
        values, lang = entry.values, entry.lang
        source = values["source"]
        facts = [
            {
                "label": ui(lang, "topics"),
                "links": [self.cards.term("tool_topics", t, lang, url) for t in values["topics"]],
            },
            {"label": ui(lang, "format"), "links": [self.cards.term("tool_formats", values["format"], lang, url)]},
        ]
        if values.get("audience"):
            facts.append(
                {
                    "label": ui(lang, "audience"),
                    "links": [self.cards.term("audiences", a, lang, url) for a in values["audience"]],
                }
            )
        facts.append({"label": ui(lang, "source"), "text": source["organisation"]})
        if source.get("project"):
            facts.append({"label": ui(lang, "project"), "text": source["project"]})
        facts.append({"label": ui(lang, "updated"), "date": values["updated"]})
        return facts

    def campaign_facts(self, entry: Entry) -> list[dict[str, Any]]:
        values, lang = entry.values, entry.lang
        facts: list[dict[str, Any]] = [
            {"label": ui(lang, "status"), "text": ui(lang, "status_" + campaign_status(values, self.content.today))},
            {"label": ui(lang, "period"), "period": (values["start"], values.get("end"))},
        ]
        if values.get("hashtag"):
            facts.append({"label": ui(lang, "hashtag"), "text": values["hashtag"]})
        if values.get("organisers"):
            facts.append({"label": ui(lang, "organisers"), "text": ", ".join(values["organisers"])})
        return facts

    def campaign_act_lists(self, lang: str) -> list[SitePage]:
        """Paginated lists of a campaign's acts, for campaigns with more than fit on the campaign page."""
        pages = []
        for key, versions in self.content.campaigns.items():
            acts = self.by_campaign.get(key, [])
            if len(acts) <= PAGE_SIZE:
                continue
            entry = version_in(versions, lang)
            own = page_url("campaign", key, entry.lang)
            other = page_url("campaign", key, other_language(lang))
            heading = f"{ui(lang, 'campaign_acts')}: {entry.title}"
            pages += listing_pages(
                self.cards,
                acts,
                lang,
                "act",
                heading,
                section_url("campaign", lang, key) + "teot/",
                other + "teot/",
                (own, entry.title),
                key=key,
            )
        return pages

    def campaign_index(self, lang: str) -> SitePage:
        url = section_url("campaign", lang)
        campaigns = []
        for key, versions in sorted(
            self.content.campaigns.items(), key=lambda item: next(iter(item[1].values())).values["start"], reverse=True
        ):
            entry = version_in(versions, lang)
            campaigns.append(
                {
                    "title": entry.title,
                    "summary": entry.values["summary"],
                    "lang": entry.lang,
                    "url": relative_url(url, page_url("campaign", key, entry.lang)),
                    "status": ui(lang, "status_" + campaign_status(entry.values, self.content.today)),
                    "draft": entry.draft,
                    "start": entry.values["start"],
                    "end": entry.values.get("end"),
                }
            )
        head, _ = render("campaigns.html", {"lang": lang, "title": ui(lang, "campaigns"), "campaigns": campaigns})
        return SitePage(
            url,
            lang,
            "campaigns",
            ui(lang, "campaigns"),
            ui(lang, "campaigns"),
            "",
            section_url("campaign", other_language(lang)),
            key="campaigns",
            menu_order=50,
            head_html=head,
        )


def campaign_status(values: dict[str, Any], today: dt.date) -> str:
    """Upcoming, running or over, from the dates and the build date alone."""
    if today < values["start"]:
        return "upcoming"
    end = values.get("end")
    return "over" if end is not None and today > end else "running"


__all__ = ["SECTIONS", "Asset", "SiteModel", "SitePage", "build_site_model", "check_site", "page_url", "relative_url"]
