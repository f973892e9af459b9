"""Relative links in bodies: to a file beside the content (published with it) or to another act,
tool or page by its file name (`toinen-teko.fi.md`, the MkDocs convention), rewritten to the
address the site publishes; a link to a file that is not there is a problem at its line.

`check` and the build resolve through the same `SiteFiles`, made from the same scan of the tree,
so a link one accepts the other publishes. MkDocs' own link pass is not used on bodies: it would
name the virtual page (teot/<id>/index.md) that an editor never wrote.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .languages import URL_PREFIX, home_url, relative_url, section_url

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# The title of a link to the other language's version, in the linking page's language.
OTHER_LANGUAGE_TITLE = {("fi", "sv"): "Sivu ruotsiksi", ("sv", "fi"): "Sidan på finska"}


@dataclass(frozen=True)
class SiteFiles:
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # shown path -> (address, language)
    assets: dict[str, str] = field(default_factory=dict)  # shown path -> published site path

    def with_addresses(self, addresses: dict[str, str]) -> SiteFiles:
        """The build's real addresses (a page's slug, a campaign's section) where it knows them."""
        pages = {path: (addresses.get(path, url), lang) for path, (url, lang) in self.pages.items()}
        return replace(self, pages=pages)

    def beside(self) -> dict[str, str]:
        """Published site path -> shown path of the files beside acts and tools (docs/ ones MkDocs copies)."""
        return {url: path for path, url in self.assets.items() if url.startswith("media/")}


def address_by_name(kind: str, key: str, lang: str) -> str:
    """A file's address from its name alone (as pages.cards.page_url without a slug)."""
    if kind in ("act", "tool"):
        return section_url(kind, lang, key)
    if key == "index":
        return home_url(lang)
    return URL_PREFIX[lang] + key + "/"


@dataclass(frozen=True)
class BodyPlace:
    """Where a body stands: its file, language and address, and the files it may link to."""

    source: str = ""  # shown path, e.g. content/acts/x.fi.md
    lang: str = "fi"
    url: str = ""
    files: SiteFiles = field(default_factory=SiteFiles)


def is_relative_file_link(address: str) -> bool:
    return bool(address) and not (_SCHEME.match(address) or address.startswith(("/", "#", "\\")) or "\x02" in address)


# What a conversion read of the site's files: (target, its page's address and language, its
# asset's address), None where the target is not one; and each link it wrote: (target, the
# address's '#fragment', the address written).
LookedUp = tuple[str, str | None, str | None, str | None]
Written = tuple[str, str, str]


def looked_up(files: SiteFiles, target: str) -> LookedUp:
    page = files.pages.get(target)
    return (target, page[0] if page else None, page[1] if page else None, files.assets.get(target))


def link_address(place: BodyPlace, target: str, fragment: str) -> str | None:
    """The address a link to `target` gets in the body at `place`; None if it is no page or asset."""
    if target in place.files.pages:
        return relative_url(place.url, place.files.pages[target][0]) + fragment
    if target in place.files.assets:
        return relative_url(place.url, place.files.assets[target])
    return None


def same_links(written: tuple[Written, ...], place: BodyPlace) -> bool:
    """Whether every link written elsewhere is written alike at `place` (the build's real addresses)."""
    return all(link_address(place, target, fragment) == address for target, fragment, address in written)


class LinkResolver(Treeprocessor):
    """Rewrites relative links and images; `found` collects (rule, needle, params) of broken ones,
    `looked_up` what it read of the site's files and `written` the links it rewrote."""

    def __init__(self, md: Markdown, place: BodyPlace) -> None:
        super().__init__(md)
        self.place = place
        self.found: list[tuple[str, str, dict[str, str]]] = []
        self.looked_up: list[LookedUp] = []
        self.written: list[Written] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            name = "href" if element.tag == "a" else "src"
            address = element.get(name)
            if address and is_relative_file_link(address):
                self._resolve(element, name, address)

    def _resolve(self, element: Element, name: str, address: str) -> None:
        path, hash_, fragment = address.partition("#")
        path = unquote(path.partition("?")[0])
        source = self.place.source
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        files = self.place.files
        self.looked_up.append(looked_up(files, target))
        written = link_address(self.place, target, hash_ + fragment)
        if written is not None:
            element.set(name, written)
            self.written.append((target, hash_ + fragment, written))
            if target in files.pages:
                title = OTHER_LANGUAGE_TITLE.get((self.place.lang, files.pages[target][1]))
                if title and not element.get("title"):
                    element.set("title", title)
        elif "." in posixpath.basename(path):  # a file name; a folder address (../teot/) is left as it is
            self.found.append(("body.link-not-found", address, {"address": address}))
