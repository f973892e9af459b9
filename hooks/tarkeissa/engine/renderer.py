"""Pages' Markdown to HTML with one Markdown instance per process, converted just before each
page's template and let go once it is written, and only what the body policy allows kept.

An editor's body is converted once per build, by the check (content.load, kept between builds
by content.body_cache): its page carries the result (SitePage.converted), which is rendered as
it is. Only pages without it (generated pages) and bodies whose links read differently at the
page's real address are converted here.

The conversion is the content layer's own (`body_policy.convert_with` on an instance from
`markdown_setup.new_markdown`, judged by `body_policy.judge`): the very function, extensions and
allow-list that `tarkeissa check` uses, so a body's verdict cannot differ between the two. MkDocs'
tree processors that only read the tree (anchors, title) are added; its link pass is not (links
are resolved by `content.links`). MkDocs' private parts it needs are in compat.py.
"""

from __future__ import annotations

import collections
import logging
import re
from typing import Any

import jinja2
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import compat
from ..content.body_policy import CONVERT_SECONDS, Conversion, convert_with, judge
from ..content.budget import OverBudget
from ..content.environment import report_language
from ..content.links import BodyPlace, SiteFiles
from ..content.markdown_setup import new_markdown
from ..pages.model import SitePage

_log = logging.getLogger(compat.engine_name() + ".hooks.tarkeissa")
_ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept between the live preview's builds: MkDocs makes a new template
    environment for every build, and compiling Material's templates again costs a third of a second.
    Jinja keys each entry by the template's name and a checksum of its source, so an edited
    template is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def prepare_environment(
    env: jinja2.Environment, compiled: CompiledTemplates, config: MkDocsConfig, counts: dict[str, int]
) -> None:
    """Compiled templates kept between builds, and Material's own templates under 'material/', so an
    override can wrap the template it replaces (overrides/partials/nav.html). MkDocs makes a new
    environment for every build, so no template changes while it lives: Jinja need not look at
    each template's file again on every include (auto_reload). The blocks every page shares are
    rendered once (compat.share_blocks, which counts them in `counts`)."""
    env.bytecode_cache = compiled
    env.auto_reload = False
    compat.share_blocks(env, config, counts)
    material = jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(compat.material_templates())})
    # MkDocs' environment always has the theme's loader; one without finds Material's templates only
    env.loader = jinja2.ChoiceLoader([material] if env.loader is None else [env.loader, material])


class SharedMarkdown:
    """Renders pages as MkDocs 1.6's `Page.render` does, with one Markdown instance per process
    instead of a new one per page: building the instance costs a third of a page's conversion.
    `reset()` between pages is Python-Markdown's own way to reuse an instance; MkDocs' per-page
    processors are registered under fixed names, so each page's replace the last page's."""

    def __init__(self) -> None:
        self._made_for: tuple[MkDocsConfig, markdown.Markdown] | None = None  # the config kept: no id reused

    def install(self, page: Page) -> None:
        compat.replace_render(page, self.render)

    def render(self, page: Page, config: MkDocsConfig, files: Files, place: BodyPlace | None = None) -> Conversion:
        if self._made_for is None or self._made_for[0] is not config:  # a new build's configuration (live preview)
            self._made_for = (config, new_markdown())
        md = self._made_for[1]
        processors = compat.PageProcessors(page, files, config, md, relative_links=False)
        conversion = convert_with(md, markdown_of(page), place or BodyPlace(lang=getattr(page, "tt_lang", "fi")))
        page.content = conversion.html
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        processors.finish(page)
        return conversion

    def forget(self) -> None:
        """An instance stopped half-way is not used again."""
        self._made_for = None


def markdown_of(page: Page) -> str:
    """The page's Markdown, which MkDocs reads (Page.read_source) before any render."""
    if page.markdown is None:  # MkDocs' own Page.render stops with the same error
        raise RuntimeError(f"{page.file.src_uri}: the page's Markdown has not been read (Page.read_source)")
    return page.markdown


def site_links(files: SiteFiles, pages: list[SitePage]) -> SiteFiles:
    """The files bodies may link to, at the addresses this build gives their pages."""
    return files.with_addresses(
        {
            page.source_path: page.url
            for page in pages
            if page.source_path and page.source_path.endswith(f".{page.lang}.md")
        }
    )


def render_safely(
    page: Page, config: MkDocsConfig, files: Files, spec: SitePage, markdown_: SharedMarkdown, links: SiteFiles
) -> None:
    """The body as the check converted and sanitized it, where its links read the same at the
    page's address (nearly always: not where a slug or a campaign's section moves a page).
    Else convert within the CPU budget, then publish only what the body policy allows, judged by
    the check's own function. The check reports what the policy refuses before the build; should
    anything reach this point, it is logged as the file's problem, which fails the build (strict),
    and left out all the same."""
    place = BodyPlace(spec.source_path or "", spec.lang, spec.url, links)
    if spec.converted is not None and spec.converted.fits(place):
        converted = spec.converted
        page.content = converted.html
        tokens: list[Any] = list(converted.toc_tokens)  # md.toc_tokens as they were: MkDocs' _TocToken
        page.toc = get_toc(tokens)
        # as a render gives them (its tree's anchors, the raw HTML's ids); the title is page.meta's (page_meta)
        page.present_anchor_ids = set(converted.anchors) | set(_ANCHOR_ID.findall(converted.html))
        return
    try:
        conversion = markdown_.render(page, config, files, place)
    except Exception as error:  # noqa: BLE001  OverBudget, RecursionError or a bug: the file is named, no traceback
        markdown_.forget()
        page.content, page.toc = "", get_toc([])
        reason = (
            f"took more than {CONVERT_SECONDS:g} seconds to convert"
            if isinstance(error, OverBudget)
            else f"could not be converted ({type(error).__name__}: a bug in the site's build)"
        )
        _log.error("%s:%d:1: body: %s.", spec.source_path, spec.body_line, reason)
        return
    published, problems = judge(conversion, markdown_of(page), spec.source_path or page.url, spec.body_line)
    # the render's anchors (its tree processor sets them; none if it did not), and the raw HTML's ids
    page.present_anchor_ids = (page.present_anchor_ids or set()) | set(_ANCHOR_ID.findall(published))
    for problem in problems:
        _log.error(problem.as_text(report_language()))
    page.content = published


class DeferredMarkdown:
    """One build's pages' Markdown, converted just before their templates render, their HTML let go
    once written.

    MkDocs 1.6 converts every page's Markdown before it renders any template, so a build would hold
    the HTML of all its pages at once (about 350 MB at 10,000 acts). Here MkDocs converts an empty
    text in its first pass; the pages' own texts are converted when the first of them is about to
    be written, BATCH at a time (one page at a time, alternating with the templates, took 5-10 %
    more CPU time here), and each page's HTML is dropped once it is written.
    """

    BATCH = 32

    def __init__(self, markdown_: SharedMarkdown, links: SiteFiles | None = None) -> None:
        self.markdown = markdown_
        self.links = links or SiteFiles()
        self.waiting: collections.deque[Page] = collections.deque()  # held pages, in the order they are written
        # ids of the pages in `waiting` (Page is not hashable); the deque keeps them alive, so no id is reused
        self.held: set[int] = set()

    def hold(self, page: Page, markdown_text: str) -> str:
        """The page is converted later, from the editor's body (`markdown_text`, MkDocs' copy, is not used)."""
        self.held.add(id(page))
        self.waiting.append(page)
        return ""

    def convert(self, page: Page, config: MkDocsConfig, files: Files, specs: dict[str, SitePage]) -> None:
        """Convert the page, if it is not yet, and the pages written after it, up to BATCH in all."""
        if id(page) not in self.held:
            return  # converted with an earlier page
        converted = 0
        while self.waiting and (id(page) in self.held or converted < self.BATCH):
            held = self.waiting.popleft()
            self.held.remove(id(held))
            spec = specs[held.url]
            # the editor's body as check read it, not MkDocs' copy: MkDocs takes leading 'key: value'
            # lines for metadata and strips leading blank lines, which would change lines and text
            held.markdown = spec.body
            render_safely(held, config, files, spec, self.markdown, self.links)
            held.content = spec.head_html + (held.content or "") + spec.foot_html  # render_safely set it
            converted += 1

    @staticmethod
    def release(page: Page) -> None:
        page.content, page.toc = "", get_toc([])
