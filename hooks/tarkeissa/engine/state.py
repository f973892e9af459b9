"""What one build knows, in one object made in on_config (as Material's plugins do); and what the
live preview keeps from one build to the next, in one object made once per process.

The build's steps are declared in order, once (STEPS); each event enters its step, and entering
one out of order is a bug that stops the build, not a page quietly made from stale state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .plan import PlanError
from .settings import BuildSettings
from .timings import Timings

if TYPE_CHECKING:
    from ..content.load import Content, Layout
    from ..pages.site_model import SiteModel
    from .fork import ForkedHalf
    from .output_cache import OutputCache
    from .plan import BuildPlan, PartsReady, Progress
    from .renderer import CompiledTemplates, DeferredMarkdown, SharedMarkdown
    from .search_runs import IndexRuns

# The events a build goes through, in the order MkDocs 1.6 calls them, and what each must find done.
STEPS = (
    "config",  # settings, layout: nothing read yet
    "load",  # on_pre_build: every file read and checked; stop here on any problem
    "files",  # on_files: the page model, the pages kept from the last build, the build plan, virtual files
    "nav",  # on_nav: stale output removed before any page is written; the search runs planned; the fork made
    "read",  # on_pre_page, on_page_markdown: each page's Markdown held for later (or skipped: the fork's)
    "env",  # on_env: templates ready
    "pages",  # on_page_*: each page converted and written, in the plan's order
    "post_build",  # the fork waited for, the cache saved, the search index finished
)


@dataclass
class LivePreview:
    """Kept between the builds of one process: `mkdocs serve` builds again on every save."""

    compiled: CompiledTemplates  # compiled theme templates
    markdown: SharedMarkdown  # one Markdown instance per process
    serving: bool = False


@dataclass
class BuildState:
    # What a step makes is set by that step (init=False): read before it, it fails (AttributeError), as
    # entering a step out of order does; fork and index stay None in a build that has none.
    settings: BuildSettings
    layout: Layout
    serving: bool
    jobs: int  # processes that share the work (TT_JOBS); the live preview uses one
    timings: Timings = field(default_factory=Timings)
    step: str = "config"
    content: Content = field(init=False)
    output: OutputCache = field(init=False)
    model: SiteModel = field(init=False)
    plan: BuildPlan = field(init=False)
    shared_key: str = ""
    files: Any = None  # the engine's Files, for the Markdown conversion of each page
    navigations: dict[str, Any] = field(default_factory=dict)  # per language
    fork: ForkedHalf | None = None
    index: IndexRuns | None = None
    ready: PartsReady = field(init=False)
    progress: Progress = field(init=False)  # this process's writing, against the plan
    deferred: DeferredMarkdown = field(init=False)
    menus: dict[str, Any] = field(default_factory=dict)  # one build's menu HTML per language and folder

    def enter(self, step: str) -> None:
        """Move to `step`, which must be this step or the next one."""
        here, there = STEPS.index(self.step), STEPS.index(step)
        if there not in (here, here + 1):
            raise PlanError(f"the build reached '{step}' from '{self.step}': the steps are {', '.join(STEPS)}")
        self.step = step

    @property
    def cache_dir(self) -> Path:
        return Path(self.settings.cache_dir) if self.settings.cache_dir else self.layout.root / ".cache" / "tarkeissa"
