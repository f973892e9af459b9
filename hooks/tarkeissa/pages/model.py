"""The pieces of the page model: plain data, no engine."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..content.body_policy import ConvertedBody


class PackedText:
    """A text field kept zlib-compressed when it is long. The listing and term pages' HTML is 70 MB
    in a 10,000-act model, held by every process of the build and read twice (to write the page and
    to fingerprint it); compressed it is a tenth of that. Short texts (an act's own HTML, read more
    often) stay as they are: compressing them too would save 40 MB for a second of build time."""

    LONG = 4096  # characters

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, page: object, owner: type | None = None) -> str:
        if page is None:
            return ""  # the field's default
        value = page.__dict__[self.slot]
        return zlib.decompress(value).decode("utf-8") if isinstance(value, bytes) else value

    def __set__(self, page: object, value: str) -> None:
        page.__dict__[self.slot] = zlib.compress(value.encode("utf-8"), 1) if len(value) > self.LONG else value


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
    head_html: str = PackedText()  # type: ignore[assignment]
    foot_html: str = PackedText()  # type: ignore[assignment]
    image_alt: str | None = None  # the text alternative of the page's own image, if it has one
    body_line: int = 1  # the source file's line of the body's first line, for problems found while rendering
    # the body as the check converted and sanitized it, rendered as it is where its links read alike
    # (content.body_policy.ConvertedBody.fits); None: the page's body is converted when it is written
    converted: ConvertedBody | None = None
