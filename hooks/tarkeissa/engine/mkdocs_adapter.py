"""The page model as MkDocs sees it: virtual files in the build plan's order, per-language menus,
each page's front matter and template context, and the inputs of the output cache's shared key.

With the renderer, the fork, the compatibility module and the thin hooks module, the only code
that imports MkDocs (tests/test_architecture.py).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import compat
from ..content.body_policy import MARKDOWN_CONFIGS, MARKDOWN_EXTENSIONS
from ..content.languages import (
    LANGUAGE_NAMES,
    LANGUAGES,
    home_url,
    other_language,
    section_url,
)
from ..pages.site_model import SiteModel, relative_url
from ..pages.ui_text import ui
from .output_cache import output_path
from .plan import BuildPlan, source_uri
from .settings import BuildSettings

log = logging.getLogger(compat.engine_name() + ".hooks.tarkeissa")


def stop(message: str, recoverable: bool) -> None:
    """End the build with a message and no traceback. Recoverable: the live preview's server lives on
    for the next save (PluginError); else the command ends (Abort)."""
    raise PluginError(message) if recoverable else Abort(message)


def replace_documentation_files(
    files: Files, model: SiteModel, config: MkDocsConfig, plan: BuildPlan, extra: dict[str, Path]
) -> Files:
    """Hand-written Markdown in docs/ is rendered through the page model, so MkDocs gets only virtual
    pages: those the plan has a process write, in its order. `extra`: site path -> file to publish."""
    for file in list(files):
        if file.is_documentation_page():
            files.remove(file)
    assets: set[str] = set()
    for planned in plan.to_write():
        page = model.by_url[planned.url]
        inclusion = InclusionLevel.INCLUDED if page.menu_order is not None else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, planned.source, content=page.body, inclusion=inclusion))
    for page in model.pages:  # a kept page's images are published all the same
        for asset in page.assets:
            if asset.url not in assets:
                assets.add(asset.url)
                files.append(File.generated(config, asset.url, abs_src_path=str(asset.source)))
    for path, text in model.files.items():
        files.append(File.generated(config, path, content=text))
    for url, source in extra.items():
        files.append(File.generated(config, url, abs_src_path=str(source)))
    # menu pages are always rendered (their neighbours in the menu are part of them): never kept
    config.nav = [{page.menu_title or page.title: source_uri(page)} for lang in LANGUAGES for page in model.menu(lang)]
    return files


def check_markdown_setup(config: MkDocsConfig) -> None:
    """The content check converts bodies as the build does: the same extensions, set up alike."""
    extensions = tuple(name for name in config.markdown_extensions if isinstance(name, str))
    configs = {name: value for name, value in (config.mdx_configs or {}).items() if value}
    if extensions != MARKDOWN_EXTENSIONS or configs != MARKDOWN_CONFIGS:
        raise PluginError(
            f"mkdocs.yml's markdown_extensions ({', '.join(extensions)}; {configs}) differ from "
            f"body_policy.MARKDOWN_EXTENSIONS ({', '.join(MARKDOWN_EXTENSIONS)}; {MARKDOWN_CONFIGS}): "
            "change both together, so that the content check converts as the build does."
        )


def only_published(files: Files, config: MkDocsConfig, published: set[str]) -> Files:
    """MkDocs' own list of docs/ without anything the file policy did not pass (pages are virtual,
    see replace_documentation_files); the theme's files, from outside docs/, stay."""
    docs_dir = Path(config.docs_dir)
    for file in list(files):
        if (
            file.abs_src_path
            and Path(file.abs_src_path).is_relative_to(docs_dir)
            and not file.is_documentation_page()
            and file.src_uri not in published
        ):
            files.remove(file)
    return files


def expected_outputs(files: Files, site_dir: Path, reused_urls: set[str], config: MkDocsConfig) -> set[Path]:
    """Every file this build leaves in the site folder (search indexes apart)."""
    expected = {Path(file.abs_dest_path) for file in files}
    expected |= {output_path(site_dir, url) for url in reused_urls}
    return expected | {site_dir / name for name in config.theme.static_templates}


def shared_inputs(config: MkDocsConfig, settings: BuildSettings, model: SiteModel) -> tuple[list[str], list[Path]]:
    """What shapes every page's HTML besides the page itself, for the output cache's shared key."""
    # not the build date: what it changes (campaign status, what is already published) is page data,
    # so a nightly build renders only the pages it changes
    parts = [
        sys.version,
        f"preview={settings.preview} pull_request={settings.pull_request}",
        config.site_url or "",
        compat.engine_name(),
    ]  # the generator tag names it
    parts += [
        f"{name} {compat.installed_version(name) or '-'}"
        for name in (
            "mkdocs",
            "properdocs",
            "mkdocs-material",
            "Markdown",
            "Jinja2",
            "MarkupSafe",
            "pymdown-extensions",
            "Pygments",
            "pagefind-bin",
        )
    ]
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


def page_meta(page: Page, model: SiteModel) -> dict[str, Any]:
    """Front matter for the template, with editors' text escaped once, here."""
    spec = model.by_url[page.url]
    return {
        "title": Markup(escape(spec.menu_title or spec.title)),
        "description": Markup(escape(spec.description)),
        "lang": spec.lang,
        "kind": spec.kind,
        "draft": spec.draft,
    }


def template_context(page: Page, model: SiteModel, menus: dict[str, Any]) -> dict[str, Any]:
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
        "other_exists": alternate is not None,
        "other_href": relative_url(spec.url, alternate if alternate is not None else home_url(other)),
        "switch_label": ui(spec.lang, "switch_label"),
        "switch_missing_title": ui(spec.lang, "switch_missing_title"),
        "social": model.social(spec),
        "preview": model.preview,
        "draft": spec.draft,
        # pages outside the menu share its HTML per language and folder; menu pages show their own place
        "nav_key": None if spec.menu_order is not None else (spec.lang, spec.url.rstrip("/").rpartition("/")[0]),
        "nav_cache": menus,
    }
