"""What each step of a build does (state.STEPS), on the build's one state object. The hooks module
only routes MkDocs' events here; the engine's own types are handled by the adapter.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import compat
from ..content.environment import report_language
from ..content.load import Layout, load_content
from ..content.problems import report
from ..editors import cms_config
from ..pages.preview import banner_texts
from ..pages.render import model_made
from ..pages.search_index import index_parts
from ..pages.site_model import build_site_model, check_site
from . import mkdocs_adapter as adapter
from .fork import SKIP_TEMPLATE, ForkedHalf
from .output_cache import OutputCache, shared_key
from .plan import BuildPlan, PartsReady, Progress, Writer
from .renderer import DeferredMarkdown, prepare_environment, site_links
from .search_runs import BackgroundIndex, IndexRuns
from .settings import served_url, settings_from_environment
from .state import BuildState, LivePreview

if TYPE_CHECKING:
    from ..compat import (
        EngineConfig,
        EngineFiles,
        EngineNavigation,
        EnginePage,
        TemplateEnvironment,
    )

FORK_WORTH_IT = 200  # pages to write: below this, forking costs more than it saves


def configure(config: EngineConfig, live: LivePreview) -> BuildState:
    mismatched = compat.version_problems()
    if mismatched and not os.environ.get(compat.ALLOW_OTHER_VERSIONS):
        adapter.stop("\n".join(mismatched), recoverable=True)  # a configuration error, before anything is read
    adapter.check_markdown_setup(config)
    settings = settings_from_environment(serving=live.serving)
    build = BuildState(
        settings,
        Layout(Path(config.config_file_path).parent, Path(config.docs_dir)),
        live.serving,
        jobs=1 if live.serving else int(os.environ.get("TT_JOBS", "2")),
    )
    # overrides/main.html: a preview's banner and noindex on every page, the 404 page included
    config.extra["tt_preview"] = banner_texts(settings.pull_request) if settings.preview else None
    # A preview served from a sub-path (TT_SITE_URL) links within itself (feeds, sitemap, social cards, the
    # 404 page's absolute paths), while its canonical links name the production address, mkdocs.yml's.
    config.extra["tt_canonical_url"] = config.site_url or "/"
    config.site_url = served_url(config.site_url, settings.site_url)
    return build


def load(build: BuildState, config: EngineConfig) -> None:
    """Every file read and checked before MkDocs lists docs/ itself (it follows symbolic links): any
    problem stops the build here, every problem reported."""
    build.enter("load")
    BackgroundIndex.stop()  # the live preview's previous index, before its folder moves
    with build.timings.phase("load and validate"):
        build.content = load_content(
            build.layout, build.settings.build_date, jobs=build.jobs, cache_dir=build.cache_dir / "bodies"
        )
        problems = build.content.problems + check_site(build.content)
    build.timings.work["body conversion"] = build.content.conversion_seconds()
    if problems:
        print(report(problems, lang=report_language()), file=sys.stderr)
        adapter.stop(
            f"{len(problems)} content problem(s) found; nothing was built. Fix them and build again.",
            recoverable=build.serving,
        )  # the live preview's server lives on for the next save
    build.output = OutputCache(Path(config.site_dir), build.cache_dir / "output")
    build.output.set_aside()  # MkDocs empties the site folder next; the unchanged pages are kept


def plan(build: BuildState, files: EngineFiles, config: EngineConfig) -> EngineFiles:
    """The page model, the pages kept from the last build, the plan of who writes the rest, and
    MkDocs' files: the virtual pages in the plan's order."""
    build.enter("files")
    settings, timings, output, content = build.settings, build.timings, build.output, build.content
    output.restore()
    files = adapter.only_published(files, config, content.published)
    with timings.phase("page model"):
        build.model = model = build_site_model(
            content,
            preview=settings.preview,
            site_url=config.site_url or "/",  # set by configure (served_url)
            canonical_url=config.extra["tt_canonical_url"],
            jobs=build.jobs,
            search_part_pages=settings.search_part_pages,
            extra_files=cms_config.site_files(content.vocabularies),
        )  # the web editor at /admin/
        model_made()
    with timings.phase("output cache"):
        build.shared_key = shared = shared_key(*adapter.shared_inputs(config, settings, model))
        # menu pages always render: their neighbours in the menu are part of them
        reused = output.reusable(
            model.pages,
            shared,
            adapter.page_extras(model),
            always_render={page.url for page in model.pages if page.menu_order is not None},
        )
    written = len(model.pages) - len(reused)
    fork = build.jobs > 1 and written >= FORK_WORTH_IT and hasattr(os, "fork")
    build.plan = BuildPlan.make(model.pages, model.search_parts, kept=reused, fork=fork)
    build.ready, build.progress = PartsReady(build.plan), Progress(build.plan, Writer.PARENT)
    timings.counts.update({"pages reused": len(reused), "pages rendered": written})
    adapter.log.info(
        "%d pages from %d content files (%s build); %d unchanged since the previous build, %d to render",
        len(model.pages),
        content.files_checked,
        "preview" if settings.preview else "production",
        len(reused),
        written,
    )
    timings.start("Markdown")
    beside = {url: build.layout.root / shown for url, shown in content.site_files.beside().items()}
    return adapter.replace_documentation_files(
        files, model, config, build.plan, {**cms_config.bundle_files(), **beside}
    )


def start_writing(
    build: BuildState, nav: EngineNavigation, config: EngineConfig, files: EngineFiles, live: LivePreview
) -> EngineNavigation:
    """Stale output removed before any page is written, the search runs planned, the copy made."""
    build.enter("nav")
    build.files, build.navigations = files, adapter.language_navigations(nav, build.model)
    output, site_dir, model = build.output, Path(config.site_dir), build.model
    with build.timings.phase("output cache"):
        output.remove_stale(adapter.expected_outputs(files, site_dir, output.reused, config), keep_dirs={"pagefind"})
    if not build.serving:  # the live preview indexes in the background, after the build
        build.index = IndexRuns.plan(
            site_dir,
            model.pages,
            model.search_parts,
            lambda: output.fingerprints,
            build.shared_key,
            output.previous.get("search", {}),
            markers=output.record_file,
            at_once=build.jobs,
            may_start=build.ready.may_start,
        )
    build.deferred = DeferredMarkdown(live.markdown, site_links(build.content.site_files, model.pages))
    if build.plan.forked:
        build.fork = ForkedHalf(build.plan)
        build.fork.start(config, files, nav)
    if build.index:
        build.index.yield_to_index = [os.getpid()] + ([build.fork.pid] if build.fork and build.fork.pid else [])
    return nav


def read_page(build: BuildState, markdown: str, page: EnginePage) -> str:
    build.enter("read")
    page.meta = adapter.page_meta(page, build.model)
    if build.fork and build.fork.parent_skips(page):
        page.meta["template"] = SKIP_TEMPLATE
        return ""  # the forked half converts this page's Markdown
    return build.deferred.hold(page, markdown)  # converted just before its template (write_page)


def templates(
    build: BuildState, env: TemplateEnvironment, config: EngineConfig, live: LivePreview
) -> TemplateEnvironment:
    build.enter("env")
    prepare_environment(env, live.compiled, config, build.timings.counts)
    build.timings.stop("Markdown")
    build.timings.start("templates and writing")
    return env


def write_page(build: BuildState, context: dict[str, Any], page: EnginePage, config: EngineConfig) -> dict[str, Any]:
    """Before a page's template: the plan's progress (and the search parts it completes), the page's HTML."""
    build.enter("pages")
    fork = build.fork
    if not (fork and (fork.in_copy or fork.parent_skips(page))):  # the copy tracks its own (fork.py)
        build.timings.counts["pages written here"] = build.timings.counts.get("pages written here", 0) + 1
        build.progress.reached(page.file.src_uri)
        build.ready.completed(build.progress.completed_parts(), Writer.PARENT)
    if build.index and not (fork and fork.in_copy):
        if fork:
            fork.completed_parts(build.ready)
        build.index.start_ready()
    with build.timings.part_of("Markdown", "templates and writing"):  # pages the forked half writes were never held
        build.deferred.convert(page, config, build.files, build.model.by_url)
    context["nav"] = build.navigations[page.meta["lang"]]
    context["tt"] = adapter.template_context(page, build.model, build.menus)
    return context


def finish(build: BuildState, config: EngineConfig) -> None:
    """The copy waited for, the output cache saved, then the search index finished."""
    build.enter("post_build")
    timings, output, model, index = build.timings, build.output, build.model, build.index
    timings.stop("templates and writing")
    build.progress.finished()
    with timings.phase("waiting for the forked half"):
        if build.fork and not build.fork.wait(build.ready):
            if index:
                index.stop()
            adapter.stop("Rendering the second half of the pages failed (see above).", recoverable=False)
    build.ready.all_written()
    if build.serving:
        output.save()
        BackgroundIndex.start(Path(config.site_dir), index_parts(model.pages, model.search_parts))
        timings.save()
        return
    with timings.phase("output cache"):
        output.save()  # while the search indexes are still being built
    assert index is not None, "a production build plans its search runs (start_writing)"
    with timings.phase("search index"):
        seconds = index.finish()
    adapter.log.info(
        "search index built in %.2f s (%d of %d parts unchanged)",
        seconds,
        len(index.parts) - len(index.pending),
        len(index.parts),
    )
    output.save_search(index.keys)
    timings.save()
