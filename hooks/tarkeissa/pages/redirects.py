"""Old addresses of renamed acts and tools: a tiny page at each that sends the reader on.

An editor who renames `content/acts/old-id.fi.md` lists `old-id` under `redirect_from`; the
build then writes `teot/old-id/index.html` (and the Swedish one where a Swedish version
exists). A static host cannot answer with a 301, so each page carries a meta refresh, the
canonical address for search engines (no noindex beside it: the two would contradict each other)
and a plain link for anyone whose browser does not follow.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..content.languages import relative_url, section_url
from ..content.load import Content, Entry
from .ui_text import ui


def redirect_files(content: Content, site_url: str, page_url: Callable[[Entry], str]) -> dict[str, str]:
    """Site-relative path -> HTML of every redirect page; `page_url(entry)` gives an entry's address."""
    files: dict[str, str] = {}
    for kind in ("act", "tool"):
        for versions in content.collection(kind).values():
            for entry in versions.values():
                for old_id in entry.values.get("redirect_from", []):
                    old_url = section_url(kind, entry.lang, old_id)
                    files[old_url + "index.html"] = redirect_page(
                        entry.lang, entry.title, relative_url(old_url, page_url(entry)), site_url + page_url(entry)
                    )
    return files


def redirect_page(lang: str, title: str, href: str, canonical: str) -> str:
    href, canonical = escape(href), escape(canonical)
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{escape(ui(lang, 'moved'))}: {escape(title)}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n"
        "<body>\n"
        f'<p>{escape(ui(lang, "moved_to"))} <a href="{href}">{escape(title)}</a></p>\n'
        "</body>\n"
        "</html>\n"
    )
