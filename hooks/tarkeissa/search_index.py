"""Site search: which pages are indexed and how, and the Pagefind run over the built site.

Pagefind splits the index by each page's <html lang>, so a Swedish reader searches only
Swedish pages, with Swedish stemming, and downloads only the chunks a query needs.
"""

from __future__ import annotations

import subprocess
import time
from html import escape
from pathlib import Path

from .languages import URL_PREFIX
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


def indexed_sections(pages: list[SitePage]) -> dict[str, list[str]]:
    """Per language, the top folders (below the language's root) that hold indexed pages."""
    sections: dict[str, set[str]] = {}
    for page in pages:
        if page.kind in INDEXED_KINDS and page.url:
            parts = page.url.split("/")
            sections.setdefault(page.lang, set()).add(parts[1] if page.lang == "sv" else parts[0])
    return {lang: sorted(names) for lang, names in sections.items()}


def build_index(site_dir: Path, sections: dict[str, list[str]]) -> float:
    """Index the built site with the Pagefind binary that the pagefind_bin package ships. Seconds taken.

    One Pagefind run per language, side by side on the two cores, each over only the folders
    that hold indexed pages: /pagefind/ serves the Finnish pages, /sv/pagefind/ the Swedish ones.
    """
    from pagefind_bin import get_executable  # the binary, from PyPI: nothing is downloaded at build time

    start = time.perf_counter()
    runs = []
    for lang, names in sections.items():
        root = site_dir / URL_PREFIX[lang]
        pattern = "{" + ",".join(names) + "}/**/*.html" if len(names) > 1 else f"{names[0]}/**/*.html"
        runs.append(subprocess.Popen([str(get_executable()), "--site", str(root), "--glob", pattern,
                                      "--output-subdir", "pagefind", "--silent"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    failures = [run.communicate()[0] for run in runs if run.wait() != 0]
    if failures:
        raise RuntimeError("Pagefind failed: " + "\n".join(failures))
    return time.perf_counter() - start
