"""The page generator: the page model as MkDocs virtual files and per-language navigation.

With the thin hooks module, this is the only code that imports MkDocs.
"""

from __future__ import annotations

import collections
import functools
import logging
import re
from pathlib import Path

import jinja2
import markdown
import mkdocs
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..content.body_policy import CONVERT_SECONDS, MARKDOWN_CONFIGS, MARKDOWN_EXTENSIONS, problems_from, refusals, sanitize
from ..content.budget import OverBudget, time_budget
from ..editors.cms_config import bundle_files as cms_bundle_files
from ..content.languages import LANGUAGES, LANGUAGE_NAMES, home_url, other_language, section_url
from .output_cache import output_path
from ..site.pages import SiteModel, SitePage, relative_url
from ..site.search_index import write_group
from ..site.ui_text import ui

# The engine's own logger names: "mkdocs", or "properdocs" under ProperDocs, which answers every
# `import mkdocs` with itself. Strict mode counts warnings under that name only.
ENGINE = mkdocs.__name__
_log = logging.getLogger(ENGINE + ".hooks.tarkeissa")
_ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


def source_uri(page: SitePage) -> str:
    return page.url + "index.md"


def replace_documentation_files(files: Files, model: SiteModel, config: MkDocsConfig,
                                groups: dict[str, int]) -> Files:
    """Hand-written Markdown in docs/ is rendered through the page model, so MkDocs gets only virtual pages.
    `groups`: each page's write group, by its virtual file (`write_groups`)."""
    for file in list(files):
        if file.is_documentation_page():
            files.remove(file)
    assets: set[str] = set()
    # in write groups: a search index part starts while the pages after its group render
    for page in sorted(model.pages, key=lambda page: groups[source_uri(page)]):
        inclusion = InclusionLevel.INCLUDED if page.menu_order is not None else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, source_uri(page), content=page.body, inclusion=inclusion))
        for asset in page.assets:
            if asset.url not in assets:
                assets.add(asset.url)
                files.append(File.generated(config, asset.url, abs_src_path=str(asset.source)))
    for path, text in model.files.items():
        files.append(File.generated(config, path, content=text))
    for url, source in cms_bundle_files().items():  # the web editor's code, from the pinned npm package
        files.append(File.generated(config, url, abs_src_path=str(source)))
    config.nav = [{page.menu_title or page.title: source_uri(page)} for lang in LANGUAGES for page in model.menu(lang)]
    return files


def check_markdown_setup(config: MkDocsConfig) -> None:
    """The content check converts bodies as the build does: the same extensions, set up alike."""
    extensions = tuple(name for name in config.markdown_extensions if isinstance(name, str))
    configs = {name: value for name, value in (config.mdx_configs or {}).items() if value}
    if extensions != MARKDOWN_EXTENSIONS or configs != MARKDOWN_CONFIGS:
        raise PluginError(f"mkdocs.yml's markdown_extensions ({', '.join(extensions)}; {configs}) differ from "
                          f"body_policy.MARKDOWN_EXTENSIONS ({', '.join(MARKDOWN_EXTENSIONS)}; {MARKDOWN_CONFIGS}): "
                          "change both together, so that the content check converts as the build does.")


def only_published(files: Files, config: MkDocsConfig, published: set[str]) -> Files:
    """MkDocs' own list of docs/ without anything the file policy did not pass (pages are virtual,
    see replace_documentation_files); the theme's files, from outside docs/, stay."""
    docs_dir = Path(config.docs_dir)
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).is_relative_to(docs_dir) and \
                not file.is_documentation_page() and file.src_uri not in published:
            files.remove(file)
    return files


def write_groups(model: SiteModel) -> dict[str, int]:
    """Each page's write group, by its virtual file."""
    return {source_uri(page): write_group(page, model.search_parts) for page in model.pages}


def without_pages(files: Files, urls: set[str]) -> Files:
    """The files minus the given pages: the previous build's output of those pages stays as it is."""
    dropped = {url + "index.md" for url in urls}
    return Files([file for file in files if file.src_uri not in dropped])


def expected_outputs(files: Files, site_dir: Path, reused_urls: set[str], config: MkDocsConfig) -> set[Path]:
    """Every file this build leaves in the site folder (search indexes apart)."""
    expected = {Path(file.abs_dest_path) for file in files}
    expected |= {output_path(site_dir, url) for url in reused_urls}
    return expected | {site_dir / name for name in config.theme.static_templates}


def shared_inputs(config: MkDocsConfig, settings, model: SiteModel) -> tuple[list[str], list[Path]]:
    """What shapes every page's HTML besides the page itself, for the output cache's shared key."""
    import sys
    from importlib.metadata import PackageNotFoundError, version

    # not the build date: what it changes (campaign status, what is already published) is page data,
    # so a nightly build renders only the pages it changes
    parts = [sys.version, f"preview={settings.preview} pull_request={settings.pull_request}", config.site_url or ""]
    for name in ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "MarkupSafe", "pymdown-extensions", "Pygments",
                 "pagefind-bin"):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} -")
    parts += [repr([(page.url, page.menu_title or page.title) for page in model.menu(lang)]) for lang in LANGUAGES]
    trees = [Path(config.config_file_path), Path(__file__).resolve().parents[2]]  # the hooks and this package
    if config.theme.custom_dir:
        trees.append(Path(config.theme.custom_dir))
    return parts, trees


def page_extras(model: SiteModel) -> dict[str, str]:
    """Per page, the model's data its template shows that is not in the page itself."""
    return {page.url: repr(model.social(page)) + repr(model.chrome(page.lang)) for page in model.pages}


def language_navigations(nav: Navigation, model: SiteModel) -> dict[str, Navigation]:
    """One menu per language: a Swedish page never lists Finnish pages, nor the other way round."""
    navigations = {}
    for lang in LANGUAGES:
        items = [item for item in nav.items if isinstance(item, Page) and model.by_url[item.url].lang == lang]
        navigation = Navigation(items, items)
        navigation.homepage = next((item for item in items if item.url == home_url(lang)), None)
        navigations[lang] = navigation
    return navigations


def page_meta(page: Page, model: SiteModel) -> dict:
    """Front matter for the template, with editors' text escaped once, here."""
    spec = model.by_url[page.url]
    return {
        "title": Markup(escape(spec.menu_title or spec.title)),
        "description": Markup(escape(spec.description)),
        "lang": spec.lang,
        "kind": spec.kind,
        "draft": spec.draft,
    }


def wrap_content(html: str, page: Page, model: SiteModel) -> str:
    """The page's own HTML around the rendered Markdown body."""
    spec = model.by_url[page.url]
    return spec.head_html + html + spec.foot_html


def template_context(page: Page, model: SiteModel) -> dict:
    """What our template overrides need besides Material's own context."""
    spec = model.by_url[page.url]
    other = other_language(spec.lang)
    alternate = spec.alternate_url
    return {
        **model.chrome(spec.lang),
        "accessibility_href": relative_url(spec.url, model.chrome(spec.lang)["accessibility_url"]),
        "home_href": relative_url(spec.url, home_url(spec.lang)),
        "search_href": relative_url(spec.url, section_url("search", spec.lang)),
        "other_lang": other,
        "other_name": LANGUAGE_NAMES[other],
        "other_href": relative_url(spec.url, alternate if alternate is not None else home_url(other)),
        "other_exists": alternate is not None,
        "switch_label": ui(spec.lang, "switch_label"),
        "switch_missing_title": ui(spec.lang, "switch_missing_title"),
        "social": model.social(spec),
        "preview": model.preview,
        "draft": spec.draft,
        # pages outside the menu share its HTML per language and folder; menu pages show their own place
        "nav_key": None if spec.menu_order is not None else (spec.lang, spec.url.rstrip("/").rpartition("/")[0]),
        "nav_cache": _menus,
    }


class _CompiledTemplates(jinja2.BytecodeCache):
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


_compiled = _CompiledTemplates()


class SharedMarkdown:
    """Renders pages as MkDocs 1.6's `Page.render` does, with one Markdown instance per process
    instead of a new one per page: building the instance costs a third of a page's conversion.
    `reset()` between pages is Python-Markdown's own way to reuse an instance; MkDocs' per-page
    processors are registered under fixed names, so each page's replace the last page's."""

    _made_for: tuple[MkDocsConfig, markdown.Markdown] | None = None  # the configuration is kept: no id reused

    @classmethod
    def install(cls, page: Page) -> None:
        page.render = functools.partial(cls.render, page)

    @classmethod
    def render(cls, page: Page, config: MkDocsConfig, files: Files) -> None:
        if cls._made_for is None or cls._made_for[0] is not config:  # a new build's configuration (live preview)
            cls._made_for = (config, markdown.Markdown(extensions=config["markdown_extensions"],
                                                       extension_configs=config["mdx_configs"] or {}))
        md = cls._made_for[1]
        md.reset()
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        # MkDocs' own pass over raw HTML (its _RawHTMLPreprocessor) is left out: Python's HTMLParser
        # fails on '<![ ]>' and is quadratic in '<a '. Raw HTML's ids are read from the sanitized
        # body instead (render_safely), which is what readers get.
        page.present_anchor_ids = anchors.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


def render_safely(page: Page, config: MkDocsConfig, files: Files, spec: SitePage) -> None:
    """Convert within the time budget, then publish only what the body policy allows. The check
    reports what the policy refuses before the build; should anything reach this point, it is
    logged as the file's problem, which fails the build (strict), and left out all the same."""
    try:
        with time_budget(CONVERT_SECONDS):
            page.render(config, files)
    except Exception as error:  # OverBudget, RecursionError or a bug: the file is named, no traceback
        SharedMarkdown._made_for = None  # an instance stopped half-way is not used again
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
    """Pages' Markdown converted just before their templates render, their HTML let go once written.

    MkDocs 1.6 converts every page's Markdown before it renders any template, so a build would hold
    the HTML of all its pages at once (about 350 MB at 10,000 acts). Here MkDocs converts an empty
    text in its first pass; the pages' own texts are converted when the first of them is about to
    be written, BATCH at a time (one page at a time, alternating with the templates, took 5-10 %
    more CPU time here), and each page's HTML is dropped once it is written.
    """

    BATCH = 32
    waiting: collections.deque[Page] = collections.deque()  # held pages, in the order they are written

    @classmethod
    def hold(cls, page: Page, markdown_text: str) -> str:
        page.tt_markdown = markdown_text
        cls.waiting.append(page)
        return ""

    @classmethod
    def convert(cls, page: Page, config: MkDocsConfig, files: Files, model: SiteModel) -> None:
        """Convert the page, if it is not yet, and the pages written after it, up to BATCH in all."""
        if "tt_markdown" not in page.__dict__:
            return  # converted with an earlier page
        converted = 0
        while cls.waiting and ("tt_markdown" in page.__dict__ or converted < cls.BATCH):
            held = cls.waiting.popleft()
            held.markdown = held.__dict__.pop("tt_markdown")
            render_safely(held, config, files, model.by_url[held.url])
            held.content = wrap_content(held.content, held, model)
            converted += 1

    @staticmethod
    def release(page: Page) -> None:
        page.content, page.toc = "", get_toc([])

    @classmethod
    def new_build(cls) -> None:
        cls.waiting.clear()


def prepare_environment(env) -> None:
    """Compiled templates kept between builds, and Material's own templates under 'material/', so an
    override can wrap the template it replaces (overrides/partials/nav.html)."""
    import material

    env.bytecode_cache = _compiled
    templates = Path(material.__file__).parent / "templates"
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(templates)})])


_menus: dict[tuple[str, str], str] = {}  # one build's menus; emptied by new_build()


def new_build() -> None:
    _menus.clear()


class ForkedHalf:
    """Renders every second page in a forked copy of the build, so both cores share the Markdown
    and template work. The parent skips those pages (an empty template writes nothing), then
    waits for the copy. MkDocs 1.6 has no parallel build; this uses its page functions as they are.
    """

    SKIP_TEMPLATE = "tt-skip.html"
    WORTH_IT = 200  # pages to render: below this, forking costs more than it saves

    def __init__(self, files: Files, groups: dict[str, int]) -> None:
        pages = files.documentation_pages()
        self.groups = groups
        self.theirs = {file.src_uri for index, file in enumerate(pages) if index % 2 == 1}
        self.in_copy = False
        self.pid: int | None = None
        self.groups_read: int | None = None  # the copy writes a byte for each write group it has finished
        self.groups_done = 0

    def parent_skips(self, page: Page) -> bool:
        return not self.in_copy and page.file.src_uri in self.theirs

    def start(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Fork right after the navigation exists, so the copy's Markdown runs beside the parent's."""
        import gc
        import os
        import traceback

        from mkdocs.commands.build import _build_page, _populate_page

        self.groups_read, groups_write = os.pipe()
        # Everything made so far (the page model, MkDocs' files) lives until the build ends: frozen,
        # the garbage collector leaves it alone in both processes. Its full collections would
        # otherwise walk it again and again (a tenth of a 10,000-act build's time) and write to every
        # object, so the copy could no longer share their memory with the parent.
        gc.freeze()
        pid = os.fork()
        if pid:
            self.pid = pid
            os.close(groups_write)
            # The copy's pages leave this process's build: it would only read them as empty pages
            # (a Markdown instance each). Menu pages stay, their titles are needed for the menu.
            in_nav = {page.file.src_uri for page in nav.pages}
            for file in files.documentation_pages():
                if file.src_uri in self.theirs and file.src_uri not in in_nav:
                    files.remove(file)
            return
        os.close(self.groups_read)
        self.in_copy = True
        warnings = _Counter()
        logging.getLogger(ENGINE).addHandler(warnings)
        code = 1
        try:
            documentation = files.documentation_pages(inclusion=InclusionLevel.is_included)
            in_nav = {page.file.src_uri for page in nav.pages}
            for file in documentation:
                if file.src_uri in self.theirs or file.src_uri in in_nav:  # menu titles need their pages read
                    if file.page is None:
                        Page(None, file, config)
                    _populate_page(file.page, config, files)
            env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
            done = 0
            for file in documentation:
                if file.src_uri in self.theirs:
                    group = self.groups[file.src_uri]
                    if group > done:
                        os.write(groups_write, b"." * (group - done))
                        done = group
                    _build_page(file.page, config, documentation, nav, env)
            code = 1 if warnings.count else 0  # strict mode: a warning fails the build
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)

    def wait_for_group(self, group: int) -> None:
        """Block until the copy has written every page of the write groups before `group` (or has ended)."""
        import os

        while self.groups_read is not None and self.groups_done < group:
            received = os.read(self.groups_read, group - self.groups_done)
            if not received:  # the copy has ended: it has nothing more to write
                self.groups_done = group
            self.groups_done += len(received)

    def wait(self) -> bool:
        import os

        _, status = os.waitpid(self.pid, 0)
        if self.groups_read is not None:
            os.close(self.groups_read)
            self.groups_read = None
        return os.waitstatus_to_exitcode(status) == 0


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1
