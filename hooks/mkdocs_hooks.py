"""MkDocs event functions. They only route events: the work is in the tarkeissa package.

The order of the work is the build plan's (build/plan.py) and the steps' (build/state.py STEPS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError

from tarkeissa import compat
from tarkeissa.build import mkdocs_adapter as adapter
from tarkeissa.build.fork import SKIP_TEMPLATE, ForkedHalf
from tarkeissa.build.output_cache import OutputCache, shared_key
from tarkeissa.build.plan import BuildPlan, PartsReady, Progress, Writer
from tarkeissa.build.renderer import CompiledTemplates, DeferredMarkdown, SharedMarkdown, prepare_environment
from tarkeissa.build.search_runs import BackgroundIndex, IndexRuns
from tarkeissa.build.settings import served_url, settings_from_environment
from tarkeissa.build.state import BuildState, LivePreview
from tarkeissa.content.environment import report_language
from tarkeissa.content.load import Layout, load_content
from tarkeissa.content.problems import report
from tarkeissa.editors import cms_config
from tarkeissa.site.pages import build_site_model, check_site
from tarkeissa.site.preview import banner_texts
from tarkeissa.site.render import model_made, remember_rendered
from tarkeissa.site.search_index import index_parts

ENGINE = compat.engine_name()
FORK_WORTH_IT = 200  # pages to write: below this, forking costs more than it saves
compat.quiet_skipped_pages(ENGINE)
live = LivePreview(compiled=CompiledTemplates(), markdown=SharedMarkdown())
build: BuildState | None = None  # made in on_config


def on_startup(command, dirty):
    live.serving = command == "serve"
    remember_rendered(live.serving)


def on_config(config):
    global build
    mismatched = compat.version_problems()
    if mismatched and not os.environ.get(compat.ALLOW_OTHER_VERSIONS):
        raise PluginError("\n".join(mismatched))
    adapter.check_markdown_setup(config)
    settings = settings_from_environment(serving=live.serving)
    build = BuildState(settings, Layout(Path(config.config_file_path).parent, Path(config.docs_dir)), live.serving,
                       jobs=1 if live.serving else int(os.environ.get("TT_JOBS", "2")))
    # overrides/main.html: a preview's banner and noindex on every page, the 404 page included
    config.extra["tt_preview"] = banner_texts(settings.pull_request) if settings.preview else None
    # A preview served from a sub-path (TT_SITE_URL) links within itself (feeds, sitemap, social cards, the
    # 404 page's absolute paths), while its canonical links name the production address, mkdocs.yml's.
    config.extra["tt_canonical_url"] = config.site_url or "/"
    config.site_url = served_url(config.site_url, settings.site_url)
    return config


def on_pre_build(config):
    build.enter("load")
    BackgroundIndex.stop()  # the live preview's previous index, before its folder moves
    # Before MkDocs lists docs/ itself (it follows symbolic links): a tree with a link, or any
    # other problem, stops here, every problem reported.
    with build.timings.phase("load and validate"):
        build.content = load_content(build.layout, build.settings.build_date, jobs=build.jobs)
        problems = build.content.problems + check_site(build.content)
    if problems:
        print(report(problems, lang=report_language()), file=sys.stderr)
        message = f"{len(problems)} content problem(s) found; nothing was built. Fix them and build again."
        raise PluginError(message) if live.serving else Abort(message)  # the editor's server lives on
    build.output = OutputCache(Path(config.site_dir), build.cache_dir / "output")
    build.output.set_aside()  # MkDocs empties the site folder next; the unchanged pages are kept


def on_files(files, config):
    build.enter("files")
    settings, timings, output, content = build.settings, build.timings, build.output, build.content
    output.restore()
    files = adapter.only_published(files, config, content.published)
    with timings.phase("page model"):
        build.model = model = build_site_model(
            content, preview=settings.preview, site_url=config.site_url, canonical_url=config.extra["tt_canonical_url"],
            jobs=build.jobs, search_part_pages=settings.search_part_pages,
            extra_files=cms_config.site_files(content.vocabularies))  # the web editor at /admin/
        model_made()
    with timings.phase("output cache"):
        build.shared_key = shared = shared_key(*adapter.shared_inputs(config, settings, model))
        # menu pages always render: their neighbours in the menu are part of them
        reused = output.reusable(model.pages, shared, adapter.page_extras(model),
                                 always_render={page.url for page in model.pages if page.menu_order is not None})
    written = len(model.pages) - len(reused)
    fork = build.jobs > 1 and written >= FORK_WORTH_IT and hasattr(os, "fork")
    build.plan = plan = BuildPlan.make(model.pages, model.search_parts, kept=reused, fork=fork)
    build.ready, build.progress = PartsReady(plan), Progress(plan, Writer.PARENT)
    files = adapter.replace_documentation_files(files, model, config, plan, cms_config.bundle_files())
    timings.counts.update({"pages reused": len(reused), "pages rendered": written})
    adapter.log.info("%d pages from %d content files (%s build); %d unchanged since the previous build, %d to render",
                     len(model.pages), content.files_checked, "preview" if settings.preview else "production",
                     len(reused), written)
    timings.start("Markdown")
    return files


def on_nav(nav, config, files):
    build.enter("nav")
    build.files, build.navigations = files, adapter.language_navigations(nav, build.model)
    output, site_dir, model = build.output, Path(config.site_dir), build.model
    with build.timings.phase("output cache"):
        # before any page is written: a search index may start while the build goes on
        output.remove_stale(adapter.expected_outputs(files, site_dir, output.reused, config), keep_dirs={"pagefind"})
    if not live.serving:  # the live preview indexes in the background, after the build
        build.index = IndexRuns.plan(site_dir, model.pages, model.search_parts, lambda: output.fingerprints,
                                     build.shared_key, output.previous.get("search", {}), markers=output.record_file,
                                     at_once=build.jobs, may_start=build.ready.may_start)
    build.deferred = DeferredMarkdown(live.markdown)
    if build.plan.forked:
        build.fork = ForkedHalf(build.plan)
        build.fork.start(config, files, nav)
    if build.index:
        build.index.yield_to_index = [os.getpid()] + ([build.fork.pid] if build.fork else [])
    return nav


def on_pre_page(page, config, files):
    build.enter("read")
    live.markdown.install(page)
    return page


def on_page_markdown(markdown, page, config, files):
    page.meta = adapter.page_meta(page, build.model)
    if build.fork and build.fork.parent_skips(page):
        page.meta["template"] = SKIP_TEMPLATE
        return ""  # the forked half converts this page's Markdown
    return build.deferred.hold(page, markdown)  # converted in on_page_context


def on_env(env, config, files):
    build.enter("env")
    prepare_environment(env, live.compiled)
    build.timings.stop("Markdown")
    build.timings.start("templates and writing")
    return env


def on_page_context(context, page, config, nav):
    build.enter("pages")
    fork = build.fork
    if not (fork and (fork.in_copy or fork.parent_skips(page))):  # the copy tracks its own (fork.py)
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


def on_post_page(output, page, config):
    build.deferred.release(page)
    return output


def on_post_build(config):
    build.enter("post_build")
    timings, output, model, index = build.timings, build.output, build.model, build.index
    timings.stop("templates and writing")
    build.progress.finished()
    with timings.phase("waiting for the forked half"):
        if build.fork and not build.fork.wait(build.ready):
            if index:
                index.stop()
            raise Abort("Rendering the second half of the pages failed (see above).")
    build.ready.all_written()
    if live.serving:
        output.save()
        BackgroundIndex.start(Path(config.site_dir), index_parts(model.pages, model.search_parts))
        timings.save()
        return
    with timings.phase("output cache"):
        output.save()  # while the search indexes are still being built
    with timings.phase("search index"):
        seconds = index.finish()
    adapter.log.info("search index built in %.2f s (%d of %d parts unchanged)", seconds,
                     len(index.parts) - len(index.pending), len(index.parts))
    output.save_search(index.keys)
    timings.save()
