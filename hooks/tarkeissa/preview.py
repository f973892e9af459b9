"""What sets a preview build apart from the published site: the banner and robots.txt.

A preview also carries `<meta name="robots" content="noindex,nofollow">` on every page
(overrides/main.html) and keeps drafts, marked (pages.py). A production build has none of it.
"""

from __future__ import annotations

from .languages import LANGUAGES
from .ui_text import ui


def banner_texts(pull_request: str | None) -> dict[str, str]:
    """The banner of every preview page, per language: which pull request it shows, when known."""
    if pull_request:
        return {lang: ui(lang, "preview_banner").format(number=pull_request.lstrip("#")) for lang in LANGUAGES}
    return {lang: ui(lang, "preview_banner_local") for lang in LANGUAGES}


def robots_txt(preview: bool, site_url: str) -> str:
    if preview:
        return "# A preview build: not the published site.\nUser-agent: *\nDisallow: /\n"
    text = "User-agent: *\nAllow: /\n"
    if site_url.startswith(("https://", "http://")):  # the Sitemap line needs a full address
        text += f"\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text
