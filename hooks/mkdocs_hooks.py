"""MkDocs event functions. They only route events: the work is in the tarkeissa package."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError

from tarkeissa.content.load import Layout, load_content
from tarkeissa.editors.cms_config import site_files as cms_site_files
from tarkeissa.build.mkdocs_adapter import (ENGINE, DeferredMarkdown, ForkedHalf, SharedMarkdown, check_markdown_setup, expected_outputs,
                                    language_navigations, new_build, only_published, page_extras, page_meta, prepare_environment,
                                    replace_documentation_files, shared_inputs, template_context, without_pages,
                                    write_groups)
from tarkeissa.build.output_cache import OutputCache, shared_key
from tarkeissa.site.pages import build_site_model, check_site
from tarkeissa.site.preview import banner_texts
from tarkeissa.content.problems import report
from tarkeissa.site.render import model_made, remember_rendered
from tarkeissa.site.search_index import index_parts
from tarkeissa.build.search_runs import BackgroundIndex, IndexRuns
from tarkeissa.build.settings import served_url, settings_from_environment
from tarkeissa.content.environment import report_language
from tarkeissa.build.timings import Timings

log = logging.getLogger(ENGINE + ".hooks.tarkeissa")
# The parent's empty renders of the pages its forked half writes are not news.
logging.getLogger(ENGINE + ".commands.build").addFilter(lambda record: not str(record.msg).startswith("Page skipped"))
_state: dict = {"serving": False}


def build_jobs() -> int:
    return int(os.environ.get("TT_JOBS", "2"))


def on_startup(command, dirty):
    _state["serving"] = command == "serve"
    remember_rendered(_state["serving"])


def on_config(config):
    check_markdown_setup(config)
    _state["timings"] = Timings()
    _state["settings"] = settings = settings_from_environment(serving=_state["serving"])
    # overrides/main.html: a preview's banner and noindex on every page, the 404 page included
    config.extra["tt_preview"] = banner_texts(settings.pull_request) if settings.preview else None
    # A preview served from a sub-path (TT_SITE_URL) links within itself (feeds, sitemap, social cards, the
    # 404 page's absolute paths), while its canonical links name the production address, mkdocs.yml's.
    config.extra["tt_canonical_url"] = config.site_url or "/"
    config.site_url = served_url(config.site_url, settings.site_url)
    _state["layout"] = Layout(Path(config.config_file_path).parent, Path(config.docs_dir))
    return config


def on_pre_build(config):
    BackgroundIndex.stop()  # the live preview's previous index, before its folder moves
    settings, timings = _state["settings"], _state["timings"]
    # Before MkDocs lists docs/ itself (it follows symbolic links): a tree with a link, or any
    # other problem, stops here, every problem reported.
    with timings.phase("load and validate"):
        _state["content"] = content = load_content(_state["layout"], settings.build_date,
                                                   jobs=1 if _state["serving"] else build_jobs())
        problems = content.problems + check_site(content)
    if problems:
        print(report(problems, lang=report_language()), file=sys.stderr)
        message = f"{len(problems)} content problem(s) found; nothing was built. Fix them and build again."
        if _state["serving"]:
            raise PluginError(message)  # keeps the editor's server alive for the next save
        raise Abort(message)
    cache_dir = settings.cache_dir or Path(config.config_file_path).parent / ".cache" / "tarkeissa"
    _state["output"] = OutputCache(Path(config.site_dir), Path(cache_dir) / "output")
    _state["output"].set_aside()  # MkDocs empties the site folder next; the unchanged pages are kept


def on_files(files, config):
    settings, timings, output, content = _state["settings"], _state["timings"], _state["output"], _state["content"]
    output.restore()
    DeferredMarkdown.new_build()  # pages a failed live-preview build left held
    files = only_published(files, config, content.published)
    with timings.phase("page model"):
        _state["model"] = model = build_site_model(content, preview=settings.preview, site_url=config.site_url,
                                                   canonical_url=config.extra["tt_canonical_url"],
                                                   jobs=1 if _state["serving"] else build_jobs(),
                                                   search_part_pages=settings.search_part_pages,
                                                   extra_files=cms_site_files(content.vocabularies))  # /admin/
        model_made()
    log.info("%d pages from %d content files (%s build)", len(model.pages), content.files_checked,
             "preview" if settings.preview else "production")
    _state["groups"] = write_groups(model)  # the order pages are written in (see search_index.write_group)
    files = replace_documentation_files(files, model, config, _state["groups"])
    with timings.phase("output cache"):
        _state["shared_key"] = shared = shared_key(*shared_inputs(config, settings, model))
        # menu pages always render: their neighbours in the menu are part of them
        reused = output.reusable(model.pages, shared, page_extras(model),
                                 always_render={page.url for page in model.pages if page.menu_order is not None})
        files = without_pages(files, reused)
    timings.counts.update({"pages reused": len(reused), "pages rendered": len(model.pages) - len(reused)})
    log.info("%d pages unchanged since the previous build, %d to render", len(reused),
             len(model.pages) - len(reused))
    timings.start("Markdown")
    return files


def on_nav(nav, config, files):
    _state["files"] = files  # for the Markdown conversion in on_page_context
    _state["navigations"] = language_navigations(nav, _state["model"])
    output, site_dir = _state["output"], Path(config.site_dir)
    with _state["timings"].phase("output cache"):
        # before any page is written: a search index may start while the build goes on
        output.remove_stale(expected_outputs(files, site_dir, output.reused, config), keep_dirs={"pagefind"})
    # the live preview indexes in the background, after the build
    model = _state["model"]
    _state["index"] = None if _state["serving"] else IndexRuns.plan(
        site_dir, model.pages, model.search_parts, lambda: output.fingerprints, _state["shared_key"],
        output.previous.get("search", {}), markers=output.record_file, at_once=build_jobs())
    many = len(files.documentation_pages()) >= ForkedHalf.WORTH_IT
    _state["split"] = split = (ForkedHalf(files, _state["groups"]) if build_jobs() > 1 and many and not _state["serving"]
                               and hasattr(os, "fork") else None)
    if split:
        split.start(config, files, nav)
    if _state["index"]:
        _state["index"].yield_to_index = [os.getpid()] + ([split.pid] if split else [])
    return nav


def on_pre_page(page, config, files):
    SharedMarkdown.install(page)
    return page


def on_page_markdown(markdown, page, config, files):
    page.meta = page_meta(page, _state["model"])
    split = _state["split"]
    if split and split.parent_skips(page):
        page.meta["template"] = split.SKIP_TEMPLATE
        return ""  # the forked half converts this page's Markdown
    return DeferredMarkdown.hold(page, markdown)  # converted in on_page_context


def on_env(env, config, files):
    prepare_environment(env)
    new_build()
    _state["timings"].stop("Markdown")
    _state["timings"].start("templates and writing")
    return env


def on_page_context(context, page, config, nav):
    lang, split = page.meta["lang"], _state["split"]
    if _state["index"] and not (split and split.in_copy):  # the forked half only renders
        _state["index"].page_reached(_state["groups"][page.file.src_uri], split.wait_for_group if split else None)
    with _state["timings"].part_of("Markdown", "templates and writing"):  # pages the forked half writes were never held
        DeferredMarkdown.convert(page, config, _state["files"], _state["model"])
    context["nav"] = _state["navigations"][lang]
    context["tt"] = template_context(page, _state["model"])
    return context


def on_post_page(output, page, config):
    DeferredMarkdown.release(page)
    return output


def on_post_build(config):
    timings, output, model = _state["timings"], _state["output"], _state["model"]
    timings.stop("templates and writing")
    with timings.phase("waiting for the forked half"):
        if _state["split"] and not _state["split"].wait():
            if _state["index"]:
                _state["index"].stop()
            raise Abort("Rendering the second half of the pages failed (see above).")
    site_dir = Path(config.site_dir)
    if _state["serving"]:
        output.save()
        BackgroundIndex.start(site_dir, index_parts(model.pages, model.search_parts))
        timings.save()
        return
    with timings.phase("output cache"):
        output.save()  # while the search indexes are still being built
    index = _state["index"]
    with timings.phase("search index"):
        seconds = index.finish()
    log.info("search index built in %.2f s (%d of %d parts unchanged)", seconds,
             len(index.parts) - len(index.pending), len(index.parts))
    output.save_search(index.keys)
    timings.save()
