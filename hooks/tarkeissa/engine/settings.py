"""Build settings that come from the environment, so CI and editors choose them without editing files."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from ..content.environment import build_date_from_environment
from ..pages.search_index import PART_PAGES


@dataclass(frozen=True)
class BuildSettings:
    preview: bool  # drafts included and marked
    build_date: dt.date  # decides 'not in the future' and campaign status
    pull_request: str | None = None
    cache_dir: str | None = None  # where reusable build results are kept; None: <project>/.cache/tarkeissa
    search_part_pages: int = PART_PAGES  # indexed pages per search index part (tests make small parts)
    site_url: str | None = None  # where this build is served, when not at mkdocs.yml's site_url (a preview)


def settings_from_environment(serving: bool = False, environ: Mapping[str, str] | None = None) -> BuildSettings:
    environ = os.environ if environ is None else environ
    mode = environ.get("TT_MODE", "preview" if serving else "production")
    if mode not in ("preview", "production"):
        raise ValueError(f"TT_MODE must be 'preview' or 'production', not {mode!r}")
    return BuildSettings(
        mode == "preview",
        build_date_from_environment(environ),
        environ.get("TT_PULL_REQUEST") or None,
        environ.get("TT_CACHE_DIR") or None,
        max(1, int(environ.get("TT_SEARCH_PART_PAGES") or PART_PAGES)),
        environ.get("TT_SITE_URL") or None,
    )


def served_url(production_url: str | None, site_url: str | None) -> str:
    """The address a build is served from: TT_SITE_URL (a full address, or a path on the production host, as
    `/previews/pr-12/`) resolved against mkdocs.yml's site_url, always ending in a slash."""
    url = urljoin(production_url or "/", site_url or "")
    return url if url.endswith("/") else url + "/"
