"""Machine-readable files: an Atom feed of the newest acts per language, and the sitemap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from ..content.languages import LANGUAGES, section_url
from ..content.load import Content, Entry
from .model import SitePage
from .ui_text import ui

FEED_SIZE = 30


def feed_url(lang: str) -> str:
    return section_url("act", lang) + "atom.xml"


def atom_feed(content: Content, lang: str, site_url: str, page_url: Callable[[Entry], str]) -> str:
    """The newest acts written in this language, as Atom 1.0."""
    entries: list[Entry] = [versions[lang] for versions in content.acts.values() if lang in versions]
    entries.sort(key=lambda entry: (entry.values["published"], entry.id), reverse=True)
    entries = entries[:FEED_SIZE]
    updated = _timestamp(entries[0].values["published"] if entries else content.today)
    self_url = site_url + feed_url(lang)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<title>{escape(ui(lang, 'site_name'))}: {escape(ui(lang, 'acts'))}</title>",
        f"<id>{escape(self_url)}</id>",
        f'<link rel="self" href={quoteattr(self_url)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(site_url + section_url("act", lang))}/>',
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(ui(lang, 'site_name'))}</name></author>",
    ]
    for entry in entries:
        url = site_url + page_url(entry)
        lines += [
            "<entry>",
            f"<title>{escape(entry.title)}</title>",
            f'<link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"<id>{escape(url)}</id>",
            f"<updated>{_timestamp(entry.values['published'])}</updated>",
            f"<author><name>{escape(entry.values['organisation'])}</name></author>",
            f"<summary>{escape(entry.values['summary'])}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap(pages: list[SitePage], site_url: str) -> str:
    """Every page, each with its other-language alternate (hreflang) where it has one."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in pages:
        if page.draft:
            continue
        lines += ["<url>", f"<loc>{escape(site_url + page.url)}</loc>"]
        if page.alternate_url is not None:
            for lang, url in sorted({page.lang: page.url, _other(page.lang): page.alternate_url}.items()):
                lines.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(site_url + url)}/>')
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _other(lang: str) -> str:
    return next(code for code in LANGUAGES if code != lang)


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
