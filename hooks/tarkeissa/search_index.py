"""Site search: which pages are indexed and how, and the Pagefind run over the built site.

Pagefind splits the index by each page's <html lang>, so a Swedish reader searches only
Swedish pages, with Swedish stemming, and downloads only the chunks a query needs.
"""

from __future__ import annotations

import subprocess
import time
from html import escape
from pathlib import Path

from .model import SitePage

INDEXED_KINDS = ("act", "tool", "campaign", "page")
# Filter names as the search page's script knows them; values are term labels in the page's language.
FILTERS = ("theme", "sector", "region")


def mark_for_search(page: SitePage, kind_label: str, filters: dict[str, list[str]]) -> None:
    """Wrap an indexed page's content for Pagefind: the body, its kind, and its filter values."""
    parts = [f'<div data-pagefind-body data-pagefind-meta="kind:{escape(kind_label)}">']
    parts += [f'<span hidden data-pagefind-filter="{name}">{escape(value)}</span>'
              for name, values in filters.items() for value in values]
    page.head_html = "\n".join(parts) + "\n" + page.head_html
    page.foot_html = page.foot_html + "\n</div>"


def build_index(site_dir: Path) -> float:
    """Index the built site with the Pagefind binary that the pagefind_bin package ships. Seconds taken."""
    from pagefind_bin import get_executable  # the binary, from PyPI: nothing is downloaded at build time

    start = time.perf_counter()
    result = subprocess.run([str(get_executable()), "--site", str(site_dir), "--output-subdir", "pagefind",
                             "--silent"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed: {result.stderr or result.stdout}")
    return time.perf_counter() - start
