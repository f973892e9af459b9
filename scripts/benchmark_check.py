"""Check benchmark: generate corpora of N acts and time `tarkeissa check` on each, as an editor runs it.

    python scripts/benchmark_check.py             # 1,000 and 10,000 acts
    python scripts/benchmark_check.py 1000 50000

Each size is checked several times (the first run reads cold files, the others warm ones);
the script prints the median and fastest wall time, the median CPU time, the machine's load
average (other work on a shared machine slows the wall time) and the check's own last line.
Figures are printed, never asserted: speed is read, not tested.
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
from generate_corpus import generate

TARKEISSA = Path(sys.executable).parent / "tarkeissa"
ENV = {**os.environ, "TT_BUILD_DATE": "2026-11-24"}


def check_once(project: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and the last line of one check."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(TARKEISSA), "check", "--root", str(project)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"check found problems in the generated corpus:\n{output[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, output.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="numbers of acts to generate")
    parser.add_argument("--runs", type=int, default=5, help="checks per corpus (default 5)")
    args = parser.parse_args()
    print(
        f"tarkeissa check benchmark on {platform.machine()}, {os.cpu_count()} core(s), "
        f"Python {platform.python_version()}"
    )
    print(
        "wall: elapsed time; cpu: user + system time of the check itself (what other load on the machine "
        "inflates least)"
    )
    print(
        f"{'corpus':>12} | {'files':>6} | {'wall median':>11} | {'wall fastest':>12} | {'cpu median':>10} | "
        f"load | wall of each run (s)"
    )
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            project = Path(scratch) / f"corpus-{size}"
            generate(size, project)
            files = len(list(project.glob("content/*/*.md"))) + len(list(project.glob("docs/**/*.md")))
            walls, cpus, last = [], [], ""
            for _ in range(args.runs):
                wall, cpu, last = check_once(project)
                walls.append(wall)
                cpus.append(cpu)
            print(
                f"{size:>7} acts | {files:6d} | {statistics.median(walls):9.2f} s | {min(walls):10.2f} s | "
                f"{statistics.median(cpus):8.2f} s | {os.getloadavg()[0]:4.1f} | "
                + " ".join(f"{t:.2f}" for t in walls)
                + f"   ({last})",
                flush=True,
            )


if __name__ == "__main__":
    main()
