"""The pieces of the page model: plain data, no engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Asset:
    source: Path
    url: str  # site-relative


@dataclass
class SitePage:
    url: str  # site-relative directory URL: "" is the Finnish home, "sv/" the Swedish one
    lang: str
    kind: str  # home, page, act, tool, campaign, campaigns
    title: str
    description: str
    body: str  # the editor's Markdown; "" for generated listings
    alternate_url: str | None = None  # the same content in the other language
    draft: bool = False
    source_path: str | None = None
    key: str | None = None  # the item's id or the page's path without language
    menu_order: int | None = None
    menu_title: str | None = None  # the menu's shorter name, e.g. "Etusivu" for the home page
    assets: list[Asset] = field(default_factory=list)
    # The pipeline's own (escaped) HTML around the body: it never goes through Markdown.
    head_html: str = ""
    foot_html: str = ""
    image_alt: str | None = None  # the text alternative of the page's own image, if it has one
