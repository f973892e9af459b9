"""Build benchmark: generate corpora of N acts, build them as production does, print figures.

    python scripts/benchmark_build.py            # the starter site and 1,000 acts
    python scripts/benchmark_build.py 1000 10000

Prints wall time, peak memory and output size of a full production build, the average act
page size, the time of a rebuild after one act changed, and the time of `tarkeissa check`.
Figures are printed, never asserted: speed is read, not tested.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import ROOT, generate  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "TT_MODE": "production", "TT_BUILD_DATE": "2026-11-24", "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(project: Path, label: str) -> None:
    site = project / "site"
    build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml")]
    seconds, peak = timed(build, project)
    act_pages = list((site / "teot").glob("*/index.html")) + list((site / "sv" / "garningar").glob("*/index.html"))
    pages = len(list(site.rglob("index.html")))
    average = sum(p.stat().st_size for p in act_pages) / max(1, len(act_pages))
    # an editor saves one act: today every build is a full build
    changed = sorted((project / "content" / "acts").glob("*.fi.md"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLisätty kappale.\n", encoding="utf-8")
    rebuild, _ = timed(build, project)
    check, _ = timed([str(BIN / "tarkeissa"), "check", "--root", str(project)], project)
    print(f"{label:>12} | {pages:6d} | {seconds:7.2f} s | {peak:7.0f} MB | {folder_size(site) / 1e6:7.1f} MB | "
          f"{average / 1e3:6.1f} KB | {rebuild:7.2f} s | {check:6.2f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="numbers of acts to generate")
    args = parser.parse_args()
    print(f"{'corpus':>12} | {'pages':>6} | {'build':>9} | {'peak mem':>10} | {'output':>10} | {'act page':>9} | "
          f"{'rebuild':>9} | {'check':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        starter = Path(scratch) / "starter"
        generate(0, starter)
        for folder in ("acts",):  # the real starter acts, not generated ones
            for path in (ROOT / "content" / folder).iterdir():
                (starter / "content" / folder / path.name).write_bytes(path.read_bytes())
        measure(starter, "starter")
        for size in args.sizes:
            project = Path(scratch) / f"corpus-{size}"
            generate(size, project)
            measure(project, f"{size} acts")


if __name__ == "__main__":
    main()
