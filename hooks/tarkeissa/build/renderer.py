"""Pages' Markdown to HTML as MkDocs 1.6 would, with one Markdown instance per process, converted
just before each page's template and let go once it is written, and only what the body policy
allows kept. MkDocs' private parts it needs are in compat.py.
"""

from __future__ import annotations

import collections
import logging
import re

import jinja2
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import compat
from ..content.body_policy import CONVERT_SECONDS, problems_from, refusals, sanitize
from ..content.budget import OverBudget, time_budget
from ..site.model import SitePage

_log = logging.getLogger(compat.engine_name() + ".hooks.tarkeissa")
_ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept between the live preview's builds: MkDocs makes a new template
    environment for every build, and compiling Material's templates again costs a third of a second.
    Jinja keys each entry by the template's name and a checksum of its source, so an edited
    template is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def prepare_environment(env: jinja2.Environment, compiled: CompiledTemplates) -> None:
    """Compiled templates kept between builds, and Material's own templates under 'material/', so an
    override can wrap the template it replaces (overrides/partials/nav.html)."""
    env.bytecode_cache = compiled
    material = jinja2.FileSystemLoader(compat.material_templates())
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": material})])


class SharedMarkdown:
    """Renders pages as MkDocs 1.6's `Page.render` does, with one Markdown instance per process
    instead of a new one per page: building the instance costs a third of a page's conversion.
    `reset()` between pages is Python-Markdown's own way to reuse an instance; MkDocs' per-page
    processors are registered under fixed names, so each page's replace the last page's."""

    def __init__(self) -> None:
        self._made_for: tuple[MkDocsConfig, markdown.Markdown] | None = None  # the config kept: no id reused

    def install(self, page: Page) -> None:
        compat.replace_render(page, self.render)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if self._made_for is None or self._made_for[0] is not config:  # a new build's configuration (live preview)
            self._made_for = (config, markdown.Markdown(extensions=config["markdown_extensions"],
                                                        extension_configs=config["mdx_configs"] or {}))
        md = self._made_for[1]
        md.reset()
        processors = compat.PageProcessors(page, files, config, md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        processors.finish(page)

    def forget(self) -> None:
        """An instance stopped half-way is not used again."""
        self._made_for = None


def render_safely(page: Page, config: MkDocsConfig, files: Files, spec: SitePage, markdown_: SharedMarkdown) -> None:
    """Convert within the time budget, then publish only what the body policy allows. The check
    reports what the policy refuses before the build; should anything reach this point, it is
    logged as the file's problem, which fails the build (strict), and left out all the same."""
    try:
        with time_budget(CONVERT_SECONDS):
            page.render(config, files)
    except Exception as error:  # OverBudget, RecursionError or a bug: the file is named, no traceback
        markdown_.forget()
        page.content, page.toc = "", get_toc([])
        reason = (f"took more than {CONVERT_SECONDS:g} seconds to convert" if isinstance(error, OverBudget)
                  else f"could not be converted ({type(error).__name__}: a bug in the site's build)")
        _log.error("%s:%d:1: body: %s.", spec.source_path, spec.body_line, reason)
        return
    sanitized = sanitize(page.content)
    page.present_anchor_ids |= set(_ANCHOR_ID.findall(sanitized))
    if sanitized != page.content:
        for problem in problems_from(refusals(page.content, sanitized), page.markdown, spec.source_path or page.url,
                                     spec.body_line):
            _log.error(problem.as_text())
        page.content = sanitized


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

    def __init__(self, markdown_: SharedMarkdown) -> None:
        self.markdown = markdown_
        self.waiting: collections.deque[Page] = collections.deque()  # held pages, in the order they are written

    def hold(self, page: Page, markdown_text: str) -> str:
        page.tt_markdown = markdown_text
        self.waiting.append(page)
        return ""

    def convert(self, page: Page, config: MkDocsConfig, files: Files, specs: dict[str, SitePage]) -> None:
        """Convert the page, if it is not yet, and the pages written after it, up to BATCH in all."""
        if "tt_markdown" not in page.__dict__:
            return  # converted with an earlier page
        converted = 0
        while self.waiting and ("tt_markdown" in page.__dict__ or converted < self.BATCH):
            held = self.waiting.popleft()
            held.markdown = held.__dict__.pop("tt_markdown")
            spec = specs[held.url]
            render_safely(held, config, files, spec, self.markdown)
            held.content = spec.head_html + held.content + spec.foot_html
            converted += 1

    @staticmethod
    def release(page: Page) -> None:
        page.content, page.toc = "", get_toc([])
