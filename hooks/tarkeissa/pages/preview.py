"""What sets a preview build apart from the published site: the banner and robots.txt (production's keeps
crawlers out of previews/, where the Pages branch keeps previews beside it).

A preview also carries `<meta name="robots" content="noindex,nofollow">` on every page
(overrides/main.html) and keeps drafts, marked (site_model.py). A production build has none of it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..content.languages import LANGUAGES
from .ui_text import ui


def banner_texts(pull_request: str | None) -> dict[str, str]:
    """The banner of every preview page, per language: which pull request it shows, when known."""
    if pull_request:
        return {lang: ui(lang, "preview_banner").format(number=pull_request.lstrip("#")) for lang in LANGUAGES}
    return {lang: ui(lang, "preview_banner_local") for lang in LANGUAGES}


# Where the Pages branch keeps pull requests' previews, beside the production site (preview-publish.yml).
PREVIEWS_FOLDER = "previews/"


def robots_txt(preview: bool, site_url: str) -> str:
    if preview:
        return "# A preview build: not the published site.\nUser-agent: *\nDisallow: /\n"
    # Crawlers read only the host's own robots.txt, never a preview's: production keeps them out of previews/
    # (whose PDFs and images carry no noindex of their own).
    text = f"User-agent: *\nAllow: /\nDisallow: {urlsplit(site_url).path or '/'}{PREVIEWS_FOLDER}\n"
    if site_url.startswith(("https://", "http://")):  # the Sitemap line needs a full address
        text += f"\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    return text
