"""Every use of a private detail of MkDocs (or ProperDocs), Material, PyYAML or Pagefind, in one place.

Each function below names the detail it relies on. WRITTEN_FOR says which versions they were
written and tested for; `version_problems()` is asked at start-up (on_config), and a build on
other versions stops with what to do, before any of these details can fail in a puzzling way.
Nothing here is imported by the content pipeline at module level except PyYAML's: the engine is
imported only inside the functions the build calls.
"""

from __future__ import annotations

import gzip
import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable

# distribution -> the version prefix these details were read from (requirements.lock pins within it)
WRITTEN_FOR = {
    "mkdocs": "1.6.",  # mkdocs.commands.build._build_page/_populate_page, structure.pages' tree processors
    "properdocs": "1.6.",  # the same code, as a drop-in fork (answers `import mkdocs`)
    "mkdocs-material": "9.",  # its templates folder, wrapped by overrides/partials/nav.html
    "PyYAML": "6.0.",  # Resolver.resolve/descend_resolver/ascend_resolver, yaml_path_resolvers
    "pagefind": "1.5.",  # the pf_meta file: gzip, a 12-byte marker, then CBOR
    "pagefind-bin": "1.5.",
}
ALLOW_OTHER_VERSIONS = "TT_ALLOW_OTHER_VERSIONS"  # =1: warn instead of stopping (trying an upgrade)


def version_problems(installed: Callable[[str], str | None] | None = None) -> list[str]:
    """One sentence per installed distribution outside the versions this module was written for."""
    installed = installed or installed_version
    problems = []
    for name, prefix in WRITTEN_FOR.items():
        found = installed(name)
        if found is not None and not found.startswith(prefix):
            problems.append(
                f"{name} {found} is installed, but hooks/tarkeissa/compat.py was written for {name} {prefix}x. "
                f"Install the pinned versions (make setup, from requirements.lock), or read each use of {name} "
                f"in compat.py against {name} {found}, update WRITTEN_FOR, and run make test "
                f"(set {ALLOW_OTHER_VERSIONS}=1 to build meanwhile).")
    return problems


def installed_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


# --- MkDocs ---------------------------------------------------------------------------------------

def engine_name() -> str:
    """"mkdocs", or "properdocs" under ProperDocs, which answers every `import mkdocs` with itself.
    Strict mode counts warnings logged under that name only."""
    import mkdocs

    return mkdocs.__name__


def quiet_skipped_pages() -> None:
    """MkDocs 1.6 logs "Page skipped" when a template renders nothing (mkdocs.commands.build._build_page):
    the parent's empty renders of the pages its forked half writes are not news."""
    logging.getLogger(engine_name() + ".commands.build").addFilter(
        lambda record: not str(record.msg).startswith("Page skipped"))


def populate_page(page, config, files) -> None:
    """mkdocs.commands.build._populate_page: read the page's source and run its Markdown events."""
    from mkdocs.commands.build import _populate_page

    _populate_page(page, config, files)


def build_page(page, config, files, nav, env) -> None:
    """mkdocs.commands.build._build_page: render one page's template and write it (MkDocs 1.6 has no
    public call that builds some pages of a build)."""
    from mkdocs.commands.build import _build_page

    _build_page(page, config, files, nav, env)


def replace_render(page, render: Callable[[Any, Any], None]) -> None:
    """Page.render(config, files) is called by _populate_page; a bound replacement takes its place."""
    page.render = lambda config, files: render(page, config, files)


class PageProcessors:
    """What MkDocs 1.6's Page.render registers on the Markdown instance for each page: its private
    tree processors for anchors, relative links and the title (mkdocs.structure.pages), and the
    page attributes they fill in. MkDocs' raw-HTML pass (_RawHTMLPreprocessor) is left out on purpose:
    Python's HTMLParser fails on '<![ ]>' and is quadratic in '<a '; raw HTML's ids are read from the
    sanitized body instead."""

    def __init__(self, page, files, config, md) -> None:
        from mkdocs.structure import pages

        self._pages = pages
        self.anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        self.anchors._register(md)
        self.links = pages._RelativePathTreeprocessor(page.file, files, config)
        self.links._register(md)
        self.title = pages._ExtractTitleTreeprocessor()
        self.title._register(md)

    def finish(self, page) -> None:
        page._title_from_render = self.title.title
        page.present_anchor_ids = self.anchors.present_anchor_ids
        if self._pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = self.links.links_to_anchors


# --- Material -------------------------------------------------------------------------------------

def material_templates() -> Path:
    """Material's own templates folder, so an override can wrap the template it replaces."""
    import material

    return Path(material.__file__).parent / "templates"


# --- PyYAML ---------------------------------------------------------------------------------------

def quick_resolver(loader: type, resolve: Callable[[Any, str, tuple[bool, bool]], str]) -> None:
    """Replace the loader class's tag resolution by `resolve(kind, value, implicit)`, and the path
    resolvers' bookkeeping libyaml calls for every node by builtins that do nothing. Valid only
    while the loader has no path resolvers (PyYAML's Resolver.resolve, descend_resolver, ascend_resolver)."""
    assert not loader.yaml_path_resolvers, "a path resolver makes a tag depend on the node's place"
    loader.resolve = staticmethod(resolve)
    loader.descend_resolver = {}.get  # (parent, index) -> index
    loader.ascend_resolver = ().__len__  # () -> 0


# --- Pagefind -------------------------------------------------------------------------------------

PAGEFIND_META_MARKER = b"pagefind_dcd"


def pagefind_chunk_names(meta: bytes) -> set[str]:
    """The names in a Pagefind meta file (gzip, a marker, then CBOR): every short text string of it.

    Pagefind refers to its page fragments and index and filter chunks by these names. Reading
    every short CBOR text string may take in a name too many, never one too few. Pagefind's file
    format is not a public interface: its Python API (pagefind.index) writes whole indexes only.
    """
    data = gzip.decompress(meta).removeprefix(PAGEFIND_META_MARKER)
    names, position = set(), 0
    while position < len(data):
        head = data[position]
        if 0x60 <= head <= 0x77:
            start, length = position + 1, head - 0x60
        elif head == 0x78 and position + 1 < len(data):
            start, length = position + 2, data[position + 1]
        else:
            position += 1
            continue
        try:
            names.add(data[start:start + length].decode("utf-8"))
        except UnicodeDecodeError:
            pass
        position += 1
    return names
