"""Check benchmark: generate corpora of N acts and time `tarkeissa check` on each, as an editor runs it.

    python scripts/benchmark_check.py             # 1,000 and 10,000 acts
    python scripts/benchmark_check.py 1000 50000

Each size is checked several times (the first run reads cold files, the others warm ones);
the script prints every wall time, the median and the fastest, plus the number of files and
the check's own last line. Figures are printed, never asserted: speed is read, not tested.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import generate  # noqa: E402

TARKEISSA = Path(sys.executable).parent / "tarkeissa"
ENV = {**os.environ, "TT_BUILD_DATE": "2026-11-24"}


def check_once(project: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([str(TARKEISSA), "check", "--root", str(project)], env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"check found problems in the generated corpus:\n{result.stdout[-2000:]}")
    return seconds, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="numbers of acts to generate")
    parser.add_argument("--runs", type=int, default=5, help="checks per corpus (default 5)")
    args = parser.parse_args()
    print(f"tarkeissa check benchmark on {platform.machine()}, {os.cpu_count()} core(s), Python {platform.python_version()}")
    print(f"{'corpus':>12} | {'files':>6} | {'median':>8} | {'fastest':>8} | runs (s)")
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            project = Path(scratch) / f"corpus-{size}"
            generate(size, project)
            files = len(list(project.glob("content/*/*.md"))) + len(list(project.glob("docs/**/*.md")))
            times, last = [], ""
            for _ in range(args.runs):
                seconds, last = check_once(project)
                times.append(seconds)
            print(f"{size:>7} acts | {files:6d} | {statistics.median(times):6.2f} s | {min(times):6.2f} s | "
                  + " ".join(f"{t:.2f}" for t in times) + f"   ({last})", flush=True)


if __name__ == "__main__":
    main()
