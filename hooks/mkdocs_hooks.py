"""MkDocs event functions. They only route events to the build's steps (tarkeissa/engine/steps.py),
in the order state.STEPS declares, on one state object made in on_config."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tarkeissa import compat
from tarkeissa.engine import steps
from tarkeissa.engine.renderer import CompiledTemplates, SharedMarkdown
from tarkeissa.engine.state import BuildState, LivePreview
from tarkeissa.pages.render import remember_rendered

if TYPE_CHECKING:
    from jinja2 import Environment
    from tarkeissa.compat import EngineConfig, EngineFiles, EngineNavigation, EnginePage

compat.quiet_skipped_pages()
live = LivePreview(compiled=CompiledTemplates(), markdown=SharedMarkdown())  # kept between builds
build: BuildState | None = None  # one build's state, made in on_config


def _build() -> BuildState:
    if build is None:  # MkDocs calls on_config before any other build event
        raise RuntimeError("a build event before on_config")
    return build


def on_startup(command: str, dirty: bool) -> None:
    live.serving = command == "serve"
    remember_rendered(live.serving)


def on_config(config: EngineConfig) -> EngineConfig:
    global build
    build = steps.configure(config, live)
    return config


def on_pre_build(config: EngineConfig) -> None:
    steps.load(_build(), config)


def on_files(files: EngineFiles, config: EngineConfig) -> EngineFiles:
    return steps.plan(_build(), files, config)


def on_nav(nav: EngineNavigation, config: EngineConfig, files: EngineFiles) -> EngineNavigation:
    return steps.start_writing(_build(), nav, config, files, live)


def on_pre_page(page: EnginePage, config: EngineConfig, files: EngineFiles) -> EnginePage:
    live.markdown.install(page)
    return page


def on_page_markdown(markdown: str, page: EnginePage, config: EngineConfig, files: EngineFiles) -> str:
    return steps.read_page(_build(), markdown, page)


def on_env(env: Environment, config: EngineConfig, files: EngineFiles) -> Environment:
    return steps.templates(_build(), env, config, live)


def on_page_context(
    context: dict[str, Any], page: EnginePage, config: EngineConfig, nav: EngineNavigation
) -> dict[str, Any]:
    return steps.write_page(_build(), context, page, config)


def on_post_page(output: str, page: EnginePage, config: EngineConfig) -> str:
    _build().deferred.release(page)
    return output


def on_post_build(config: EngineConfig) -> None:
    steps.finish(_build(), config)
