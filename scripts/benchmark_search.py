"""Search benchmark: index size, bytes a first query fetches, and indexing time.

    python scripts/benchmark_search.py            # 1,000 and 10,000 generated acts

For each corpus: a production build (which indexes), then Pagefind run again alone for its
time; the size of site/pagefind/; and, in Debian's Chromium, the gzipped bytes of every
search file a reader's browser fetches for a first query on the Finnish and the Swedish
search page. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import generate
from tarkeissa.engine.search_runs import build_index
from tarkeissa.pages.model import SitePage
from tarkeissa.pages.search_index import PART_PAGES, index_parts, part_counts

BIN = Path(sys.executable).parent
ENV = {**os.environ, "TT_MODE": "production", "TT_BUILD_DATE": "2026-11-24", "NO_MKDOCS_2_WARNING": "1"}
QUERIES = (("haku/", "palvelumuotoilua"), ("sv/sok/", "arbetsvälbefinnandet"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def first_query_bytes(site: Path, path: str, query: str) -> tuple[int, int]:
    """Gzipped bytes and number of search files fetched to show the first results."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}?q={query}")
            page.wait_for_selector(".tt-search__result")
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    search_files = [p for p in dict.fromkeys(fetched) if "/pagefind/" in p or p.endswith("/search.js")]
    total = sum(len(gzip.compress((site / p.lstrip("/")).read_bytes(), 9)) for p in search_files)
    return total, len(search_files)


def indexed_pages(site: Path) -> list[SitePage]:
    """The built pages marked for the index, with their address and language as the build's page
    model has them, and their HTML (from which a language in parts gets its vocabulary page)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        url, html = path.parent.relative_to(site).as_posix() + "/", path.read_text(encoding="utf-8")
        if "pagefind" not in path.parts and "data-pagefind-body" in html:
            pages.append(
                SitePage(
                    "" if url == "./" else url,
                    "sv" if url.startswith("sv/") else "fi",
                    "page",
                    "",
                    "",
                    "",
                    head_html=html,
                )
            )
    return pages


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    args = parser.parse_args()
    print(f"{'corpus':>11} | {'index size':>10} | {'files':>6} | {'indexing':>8} | first query, gzipped (files)")
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            project = Path(scratch) / f"corpus-{size}"
            generate(size, project)
            subprocess.run(
                [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml")],
                cwd=project,
                env=ENV,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            site = project / "site"
            for lang_root in (site, site / "sv"):  # index again from nothing, timed on its own
                shutil.rmtree(lang_root / "pagefind")
            pages = indexed_pages(site)
            part_pages = int(os.environ.get("TT_SEARCH_PART_PAGES") or PART_PAGES)  # as the build reads it
            seconds = build_index(site, index_parts(pages, part_counts(pages, part_pages)))
            index = site / "pagefind"
            queries = [first_query_bytes(site, path, query) for path, query in QUERIES]
            shown = ", ".join(
                f"{lang} {total / 1024:.0f} KB ({count})"
                for (total, count), lang in zip(queries, ("fi", "sv"), strict=True)
            )
            print(
                f"{size:>6} acts | {folder_size(index) / 1e6:7.1f} MB | {sum(1 for _ in index.rglob('*')):6d} | "
                f"{seconds:6.2f} s | {shown}",
                flush=True,
            )


if __name__ == "__main__":
    main()
