"""Lighthouse benchmark: how fast the reader pages load on a phone and on a desktop.

    python scripts/benchmark_lighthouse.py              # builds the starter site, 3 runs per page
    python scripts/benchmark_lighthouse.py --site DIR   # an already built site
    python scripts/benchmark_lighthouse.py --runs 5 --only fi

Lighthouse (pinned in tests/js/package.json) runs in Debian's Chromium, headless, on the home page,
an act, the act browser, search and a term page, in Finnish and Swedish, with its mobile settings
(simulated slow 4G, CPU 4x slower) and its desktop preset. The site is served on loopback with gzip,
as GitHub Pages serves it. Every category's score and the metrics behind the performance score are
printed as the median of the runs, with the bytes of CSS and JavaScript each page loads and how much
of them it never uses. Figures are printed, not asserted: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tests" / "js" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
ENV = {**os.environ, "TT_MODE": "production", "TT_BUILD_DATE": "2026-11-24", "NO_MKDOCS_2_WARNING": "1"}
PAGES = {  # name -> (Finnish address, Swedish address)
    "home": ("", "sv/"),
    "act": (
        "teot/kainuu-liikkuva-sairaanhoitajan-vastaanotto/",
        "sv/garningar/kainuu-liikkuva-sairaanhoitajan-vastaanotto/",
    ),
    "act browser": ("teot/", "sv/garningar/"),
    "search": ("haku/?q=palvelumuotoilua", "sv/sok/?q=arbetsv%C3%A4lbefinnandet"),
    "term page": ("teemat/tyohyvinvointi/", "sv/teman/arbetsvalbefinnande/"),
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {  # audit id -> (label, unit)
    "first-contentful-paint": ("FCP", "ms"),
    "largest-contentful-paint": ("LCP", "ms"),
    "total-blocking-time": ("TBT", "ms"),
    "cumulative-layout-shift": ("CLS", ""),
    "speed-index": ("SI", "ms"),
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", "/")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text, as GitHub Pages does (Lighthouse would otherwise measure
    a host no reader meets)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(COMPRESSIBLE):
            return super().send_head()
        if not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def lighthouse(url: str, device: str, out: Path) -> dict:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    if device == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def figures(report: dict) -> dict[str, float]:
    """Scores, metrics and bytes of one Lighthouse report."""
    audits = report["audits"]
    row = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    for audit, (label, _unit) in METRICS.items():
        row[label] = audits[audit]["numericValue"]
    for kind, resource in (("CSS", "Stylesheet"), ("JS", "Script")):
        items = [i for i in audits["network-requests"]["details"]["items"] if i.get("resourceType") == resource]
        row[f"{kind} KB"] = sum(i.get("resourceSize", 0) for i in items) / 1000
        row[f"{kind} KB gz"] = sum(i.get("transferSize", 0) for i in items) / 1000
    row["unused CSS KB"] = audits["unused-css-rules"].get("details", {}).get("overallSavingsBytes", 0) / 1000
    row["unused JS KB"] = audits["unused-javascript"].get("details", {}).get("overallSavingsBytes", 0) / 1000
    return row


def _cell(column: str, value: float) -> str:
    return f"{value:>14.3f}" if column == "CLS" else f"{value:>14.1f}" if "KB" in column else f"{value:>14.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the starter site)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("fi", "sv"), help="one language")
    parser.add_argument("--device", choices=("mobile", "desktop"), help="one device")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                cwd=ROOT,
                env={**ENV, "TT_CACHE_DIR": str(Path(tmp) / "cache")},
                check=True,
            )
        base, server = serve(site)
        languages = [args.only] if args.only else ["fi", "sv"]
        devices = [args.device] if args.device else ["mobile", "desktop"]
        columns = None
        try:
            for device in devices:
                for name, addresses in PAGES.items():
                    for lang in languages:
                        address = addresses[0 if lang == "fi" else 1]
                        runs = [
                            figures(lighthouse(base + address, device, Path(tmp) / "lhr.json"))
                            for _ in range(args.runs)
                        ]
                        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                        if columns is None:
                            columns = list(median)
                            print(f"{'page':28} {'device':8} " + " ".join(f"{c:>14}" for c in columns), flush=True)
                        print(
                            f"{name + ' (' + lang + ')':28} {device:8} "
                            + " ".join(_cell(c, median[c]) for c in columns),
                            flush=True,
                        )
                        scores = " ".join(str(run["performance"]) for run in runs)
                        print(f"{'':28} {'':8} performance of each run: {scores}", flush=True)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
