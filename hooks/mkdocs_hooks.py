"""MkDocs event functions. They only route events: the work is in the tarkeissa package."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError

from tarkeissa.content import Layout, load_content
from tarkeissa.mkdocs_pages import (ForkedHalf, language_navigations, page_meta, replace_documentation_files,
                                    template_context, wrap_content)
from tarkeissa.pages import build_site_model, check_site
from tarkeissa.preview import banner_texts
from tarkeissa.problems import report
from tarkeissa.search_index import build_index, indexed_sections
from tarkeissa.settings import settings_from_environment

log = logging.getLogger("mkdocs.hooks.tarkeissa")
# The parent's empty renders of the pages its forked half writes are not news.
logging.getLogger("mkdocs.commands.build").addFilter(lambda record: not str(record.msg).startswith("Page skipped"))
_state: dict = {"serving": False}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    _state["settings"] = settings = settings_from_environment(serving=_state["serving"])
    # overrides/main.html: a preview's banner and noindex on every page, the 404 page included
    config.extra["tt_preview"] = banner_texts(settings.pull_request) if settings.preview else None
    _state["layout"] = Layout(Path(config.config_file_path).parent, Path(config.docs_dir))
    return config


def on_files(files, config):
    settings = _state["settings"]
    content = load_content(_state["layout"], settings.build_date)
    problems = content.problems + check_site(content)
    if problems:
        print(report(problems), file=sys.stderr)
        message = f"{len(problems)} content problem(s) found; nothing was built. Fix them and build again."
        if _state["serving"]:
            raise PluginError(message)  # keeps the editor's server alive for the next save
        raise Abort(message)
    _state["model"] = model = build_site_model(content, preview=settings.preview,
                                                       site_url=config.site_url or "/")
    log.info("%d pages from %d content files (%s build)", len(model.pages), content.files_checked,
             "preview" if settings.preview else "production")
    return replace_documentation_files(files, model, config)


def on_nav(nav, config, files):
    _state["navigations"] = language_navigations(nav, _state["model"])
    _state["nav"] = nav
    jobs = int(os.environ.get("TT_JOBS", "2"))
    _state["split"] = ForkedHalf(files) if jobs > 1 and not _state["serving"] and hasattr(os, "fork") else None
    return nav


def on_page_markdown(markdown, page, config, files):
    page.meta = page_meta(page, _state["model"])
    split = _state["split"]
    if split and split.parent_skips(page):
        page.meta["template"] = split.SKIP_TEMPLATE
        return ""  # the forked half converts this page's Markdown
    return markdown


def on_env(env, config, files):
    if _state["split"]:
        _state["split"].start(config, files, _state["nav"], env)
    return env


def on_page_content(html, page, config, files):
    return wrap_content(html, page, _state["model"])


def on_page_context(context, page, config, nav):
    context["nav"] = _state["navigations"][page.meta["lang"]]
    context["tt"] = template_context(page, _state["model"])
    return context


def on_post_build(config):
    if _state["split"] and not _state["split"].wait():
        raise Abort("Rendering the second half of the pages failed (see above).")
    seconds = build_index(Path(config.site_dir), indexed_sections(_state["model"].pages))
    log.info("search index built in %.2f s", seconds)
