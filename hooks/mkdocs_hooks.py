"""MkDocs event functions. They only route events to the build's steps (tarkeissa/build/steps.py),
in the order state.STEPS declares, on one state object made in on_config."""

from __future__ import annotations

from tarkeissa.build import steps
from tarkeissa.build.renderer import CompiledTemplates, SharedMarkdown
from tarkeissa.build.state import BuildState, LivePreview
from tarkeissa import compat
from tarkeissa.site.render import remember_rendered

compat.quiet_skipped_pages()
live = LivePreview(compiled=CompiledTemplates(), markdown=SharedMarkdown())  # kept between builds
build: BuildState | None = None  # one build's state, made in on_config


def on_startup(command, dirty):
    live.serving = command == "serve"
    remember_rendered(live.serving)


def on_config(config):
    global build
    build = steps.configure(config, live)
    return config


def on_pre_build(config):
    steps.load(build, config)


def on_files(files, config):
    return steps.plan(build, files, config)


def on_nav(nav, config, files):
    return steps.start_writing(build, nav, config, files, live)


def on_pre_page(page, config, files):
    live.markdown.install(page)
    return page


def on_page_markdown(markdown, page, config, files):
    return steps.read_page(build, markdown, page)


def on_env(env, config, files):
    return steps.templates(build, env, live)


def on_page_context(context, page, config, nav):
    return steps.write_page(build, context, page, config)


def on_post_page(output, page, config):
    build.deferred.release(page)
    return output


def on_post_build(config):
    steps.finish(build, config)
