"""Every use of a private detail of MkDocs (or ProperDocs), Material, PyYAML or Pagefind, in one place.

Each function below names the detail it relies on. WRITTEN_FOR says which versions they were
written and tested for; `version_problems()` is asked at start-up (on_config), and a build on
other versions stops with what to do, before any of these details can fail in a puzzling way.
Nothing here is imported by the content pipeline at module level except PyYAML's: the engine is
imported only inside the functions the build calls.
"""

from __future__ import annotations

import contextlib
import gzip
import logging
from collections.abc import Callable, Hashable, Iterator, MutableMapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:  # the engine's objects, by the engine's own types, named once for every module that handles them
    import yaml
    from jinja2 import Environment
    from jinja2.runtime import Context
    from markdown import Markdown
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    EngineConfig: TypeAlias = MkDocsConfig
    EngineFile: TypeAlias = File
    EngineFiles: TypeAlias = Files
    EngineNavigation: TypeAlias = Navigation
    EnginePage: TypeAlias = Page
    TemplateEnvironment: TypeAlias = Environment
    # what Page.render(config, files) is replaced by; what it returns is not used
    PageRender = Callable[[EnginePage, EngineConfig, EngineFiles], object]
    # a block of a Jinja template: its render function, and what its HTML depends on (None: the page alone)
    BlockRender = Callable[[Context], Iterator[str]]
    BlockKey = Callable[[Context], tuple[Hashable, ...] | None]

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
                f"(set {ALLOW_OTHER_VERSIONS}=1 to build meanwhile)."
            )
    return problems


def installed_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


# --- MkDocs ---------------------------------------------------------------------------------------


def engine_name() -> str:
    """ "mkdocs", or "properdocs" under ProperDocs, which answers every `import mkdocs` with itself.
    Strict mode counts warnings logged under that name only."""
    import mkdocs

    return mkdocs.__name__


def quiet_skipped_pages() -> None:
    """MkDocs 1.6 logs "Page skipped" when a template renders nothing (mkdocs.commands.build._build_page):
    the parent's empty renders of the pages its forked half writes are not news."""
    logging.getLogger(engine_name() + ".commands.build").addFilter(
        lambda record: not str(record.msg).startswith("Page skipped")
    )


def populate_page(page: EnginePage, config: EngineConfig, files: EngineFiles) -> None:
    """mkdocs.commands.build._populate_page: read the page's source and run its Markdown events."""
    from mkdocs.commands.build import _populate_page

    _populate_page(page, config, files)


def build_page(
    page: EnginePage,
    config: EngineConfig,
    files: Sequence[EngineFile],
    nav: EngineNavigation,
    env: TemplateEnvironment,
) -> None:
    """mkdocs.commands.build._build_page: render one page's template and write it (MkDocs 1.6 has no
    public call that builds some pages of a build)."""
    from mkdocs.commands.build import _build_page

    _build_page(page, config, files, nav, env)


def replace_render(page: EnginePage, render: PageRender) -> None:
    """Page.render(config, files) is called by _populate_page; a bound replacement takes its place."""

    def render_page(config: EngineConfig, files: EngineFiles) -> None:
        render(page, config, files)

    page.render = render_page  # type: ignore[method-assign]  # the very point


class PageProcessors:
    """What MkDocs 1.6's Page.render registers on the Markdown instance for each page: its private
    tree processors for anchors, relative links and the title (mkdocs.structure.pages), and the
    page attributes they fill in. MkDocs' raw-HTML pass (_RawHTMLPreprocessor) is left out on purpose:
    Python's HTMLParser fails on '<![ ]>' and is quadratic in '<a '; raw HTML's ids are read from the
    sanitized body instead."""

    def __init__(
        self, page: EnginePage, files: EngineFiles, config: EngineConfig, md: Markdown, relative_links: bool = True
    ) -> None:
        from mkdocs.structure import pages

        self._pages = pages
        self.anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        self.anchors._register(md)
        # relative_links=False: bodies' links are resolved by content.links, which names the
        # editor's file; MkDocs' pass would name the virtual page (teot/<id>/index.md)
        self.links = pages._RelativePathTreeprocessor(page.file, files, config) if relative_links else None
        if self.links is not None:
            self.links._register(md)
        self.title = pages._ExtractTitleTreeprocessor()
        self.title._register(md)

    def finish(self, page: EnginePage) -> None:
        page._title_from_render = self.title.title
        page.present_anchor_ids = self.anchors.present_anchor_ids
        if self.links is not None and self._pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = self.links.links_to_anchors


# --- Material -------------------------------------------------------------------------------------


def material_templates() -> Path:
    """Material's own templates folder, so an override can wrap the template it replaces."""
    import material

    return Path(material.__file__).parent / "templates"


# --- PyYAML ---------------------------------------------------------------------------------------


def quick_resolver(
    loader: type[yaml.resolver.BaseResolver], resolve: Callable[[Any, str, tuple[bool, bool]], str]
) -> None:
    """Replace the loader class's tag resolution by `resolve(kind, value, implicit)`, and the path
    resolvers' bookkeeping libyaml calls for every node by builtins that do nothing. Valid only
    while the loader has no path resolvers (PyYAML's Resolver.resolve, descend_resolver, ascend_resolver)."""
    assert not loader.yaml_path_resolvers, "a path resolver makes a tag depend on the node's place"
    # Methods replaced by other callables on purpose: what mypy is told to let pass here, and only here.
    loader.resolve = staticmethod(resolve)  # type: ignore[method-assign, assignment]
    loader.descend_resolver = {}.get  # type: ignore[method-assign, assignment]  # (parent, index) -> index
    loader.ascend_resolver = ().__len__  # type: ignore[method-assign, assignment]  # () -> 0


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
        with contextlib.suppress(UnicodeDecodeError):
            names.add(data[start : start + length].decode("utf-8"))
        position += 1
    return names


# --- Jinja and Material's base.html ---------------------------------------------------------------


def shared_block_keys(config: EngineConfig) -> dict[str, BlockKey]:
    """Material 9's base.html blocks whose HTML is the same for every page with the same key, and
    that key: what each block reads of the page, for the blocks' own markup and the partials they
    include (overrides/partials/copyright.html in the footer). Everything else they read is the
    build's configuration. A key of None renders the block for that page alone.

    - styles, libs, analytics, scripts: links to the theme's and mkdocs.yml's files under assets/,
      relative to the page (MkDocs' url filter): the same for pages whose links to assets/ are;
    - footer: without Material's "navigation.footer" (the links to the previous and next page), our
      copyright partial: the footer links of the page's language, relative to the page.
    """
    from mkdocs.utils import normalize_url

    def assets_link(context: Context) -> tuple[Hashable, ...] | None:
        page = context.get("page")
        if page is not None and page.url.startswith("assets/"):
            return None
        return (normalize_url("assets/", page=page, base=context.get("base_url", "")),)

    def footer(context: Context) -> tuple[Hashable, ...] | None:
        tt = context.get("tt")
        if not tt:  # the not-found page: links under base_url
            return ("404", context.get("base_url", ""))
        keys = ("lang", "home_href", "accessibility_href", "accessibility_label", "feedback_href", "feedback_label")
        return tuple(tt.get(key) for key in keys)

    scripts = [str(script) for script in config.extra_javascript]
    keys: dict[str, BlockKey] = {"analytics": lambda context: ()}
    if all(path.startswith("assets/") for path in scripts):
        keys.update(styles=assets_link, libs=assets_link, scripts=assets_link)
    if "navigation.footer" not in config.theme.get("features", []):
        keys["footer"] = footer
    return keys


def share_blocks(env: TemplateEnvironment, config: EngineConfig, counts: dict[str, int]) -> None:
    """Render base.html's blocks named by shared_block_keys once per key and build.

    Jinja keeps a compiled template's blocks in `Template.blocks` (name -> render function), from
    which every render of a template extending it takes them; the template class made by the
    loader (Environment.template_class, Template._from_namespace) wraps them as they are loaded.
    The HTML is exactly what the block yields, joined; the cache lives as long as the environment,
    one build. `counts` gets the numbers of blocks rendered and reused."""
    import jinja2

    keys = shared_block_keys(config)
    store: dict[tuple[Hashable, ...], str] = {}
    counts.update({"shared blocks rendered": 0, "shared blocks reused": 0})

    class SharedBlocksTemplate(jinja2.Template):
        @classmethod
        def _from_namespace(
            cls,
            environment: TemplateEnvironment,
            namespace: MutableMapping[str, Any],  # Jinja's own types: the compiled template's module namespace
            globals: MutableMapping[str, Any],
        ) -> jinja2.Template:
            template = super()._from_namespace(environment, namespace, globals)
            # base.html as the theme resolves it: Material's, or overrides/base.html, our copy of it
            if template.name == "base.html":
                for name, key_of in keys.items():
                    if name in template.blocks:
                        template.blocks[name] = _shared_block(name, template.blocks[name], key_of, store, counts)
            return template

    env.template_class = SharedBlocksTemplate


def _shared_block(
    name: str, render: BlockRender, key_of: BlockKey, store: dict[tuple[Hashable, ...], str], counts: dict[str, int]
) -> BlockRender:
    def shared(context: Context) -> Iterator[str]:
        key = key_of(context)
        if key is None:
            yield from render(context)
            return
        key = (name, *key)
        if key in store:
            counts["shared blocks reused"] += 1
        else:
            counts["shared blocks rendered"] += 1
            store[key] = "".join(render(context))
        yield store[key]

    return shared
