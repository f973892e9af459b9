"""Build benchmark: generate corpora of N acts, build them as production does, print figures.

    python scripts/benchmark_build.py            # the starter site and 1,000 acts
    python scripts/benchmark_build.py 1000 10000

For each corpus it prints:
- cold: a full production build (all pages, term indexes, search) with no site folder and no cache;
- warm: the same build again, nothing changed, with the cache of the build before;
- 1 act: a production build after one act was edited (the cache of the build before);
each the median of --runs builds (3 by default; the cold builds' own times are listed too);
- serve: what an editor waits for in `mkdocs serve` after saving one act (median of three saves);
- check: `tarkeissa check` on the whole corpus;
then where the cold build's time went, by phase, and the validation hooks' share of it.
Wall time, peak memory, output size and the average act page are measured, never asserted: speed
is read, not tested. Peak memory is given twice: of the largest process (MkDocs, its forked half or a
Pagefind run), from the kernel's own count, over every build; and of all the build's processes
together, from one more cold build sampled four times a second (proportional set size: memory a
forked copy shares with its parent counts once). That sampling costs the build some CPU time, so
this build is not among the timed ones.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import ROOT, generate

BIN = Path(sys.executable).parent
ENV = {**os.environ, "TT_MODE": "production", "TT_BUILD_DATE": "2026-11-24", "NO_MKDOCS_2_WARNING": "1"}


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants, as Linux lists them now."""
    tree, index = [pid], 0
    while index < len(tree):
        try:
            for task in os.listdir(f"/proc/{tree[index]}/task"):
                with open(f"/proc/{tree[index]}/task/{task}/children") as children:
                    tree += [int(child) for child in children.read().split()]
        except OSError:
            pass  # ended meanwhile
        index += 1
    return tree


def tree_memory(pid: int) -> int:
    """Memory (kB) of a process tree: each process's proportional set size, summed, so a page shared
    by two processes counts half in each."""
    total = 0
    for member in process_tree(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            pass  # ended meanwhile
    return total


class MemorySampler(threading.Thread):
    """The largest memory of a build's processes together, sampled four times a second."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_memory(self.pid))
            time.sleep(0.25)


def timed(command: list[str], cwd: Path, sample: bool = False, **env: str) -> tuple[float, float, str, float]:
    """Wall seconds, peak memory of the largest process (MB) and output of one command; with
    `sample`, also the peak memory of all its processes together (MB), else 0."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**ENV, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = MemorySampler(process.pid)
    if sample:
        sampler.start()
    assert process.stdout is not None  # stdout=PIPE
    output = process.stdout.read().decode()
    sampler.running = False  # before the wait: a process that has been waited for has no /proc entry
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, output, sampler.peak / 1024


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def edit_one_act(project: Path, words: str) -> None:
    changed = min((project / "content" / "acts").glob("*.fi.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def measure(project: Path, label: str, runs: int) -> dict:
    """Each build `runs` times; the median is printed (this machine's timings vary by a few tenths)."""
    timings = project / "timings.json"
    colds, peaks, phases = [], [], []
    for run in range(runs):
        # Each cold build gets a new site folder and cache, as a fresh clone has: deleting the last
        # build's 30,000 files and folders just before would slow the next build's folder creation
        # on file systems without a journal (ext4 then skips recently freed inodes), this machine's.
        site, cache = project / f"site-{run}", project / f".cache-{run}"
        build = [str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
        os.sync()
        time.sleep(2)
        seconds, peak, _, _ = timed(build, project, TT_TIMINGS=str(timings), TT_CACHE_DIR=str(cache))
        colds.append(seconds)
        peaks.append(peak)
        phases.append(json.loads(timings.read_text(encoding="utf-8"))["phases"])
    act_pages = list((site / "teot").glob("*/index.html")) + list((site / "sv" / "garningar").glob("*/index.html"))
    pages = len(list(site.rglob("index.html")))
    average = sum(p.stat().st_size for p in act_pages) / max(1, len(act_pages))
    size = folder_size(site)
    warms, one_acts = [], []
    for run in range(runs):  # on the last cold build's folder and cache
        seconds, peak, _, _ = timed(build, project, TT_CACHE_DIR=str(cache))
        warms.append(seconds)
        peaks.append(peak)
        edit_one_act(project, f"Lisätty kappale {run}.")
        seconds, peak, _, _ = timed(build, project, TT_CACHE_DIR=str(cache))
        one_acts.append(seconds)
        peaks.append(peak)
    os.sync()
    time.sleep(2)
    *_, total = timed(
        [*build[:-1], str(project / "site-memory")], project, sample=True, TT_CACHE_DIR=str(project / ".cache-memory")
    )  # cold, its memory sampled
    _, _, served, _ = timed(
        [sys.executable, str(ROOT / "scripts" / "serve_rebuild.py"), str(project), "--saves", "3"], project
    )
    serve = statistics.median(float(s) for s in re.findall(r"rebuild after save \d+: ([\d.]+) s", served))
    check, _, _, _ = timed([str(BIN / "tarkeissa"), "check", "--root", str(project)], project)
    cold = statistics.median(colds)
    print(
        f"{label:>10} | {pages:6d} | {cold:6.2f} s | {statistics.median(warms):6.2f} s | "
        f"{statistics.median(one_acts):6.2f} s | {serve:6.2f} s | {check:6.2f} s | "
        f"{max(peaks):6.0f} MB | {total:6.0f} MB | "
        f"{size / 1e6:7.1f} MB | {average / 1e3:6.1f} KB   (cold: {', '.join(f'{c:.2f}' for c in colds)})",
        flush=True,
    )
    middle = colds.index(cold) if cold in colds else 0
    return {"label": label, "cold": cold, "phases": phases[middle]}


def print_phases(result: dict) -> None:
    phases, cold = result["phases"], result["cold"]
    named = sum(phases.values())
    parts = [f"{name} {seconds:.2f} s" for name, seconds in phases.items() if seconds >= 0.005]
    parts.append(f"start-up and MkDocs' own steps {cold - named:.2f} s")
    print(f"{result['label']:>10}, cold build by phase: " + "; ".join(parts))
    print(
        f"{'':>10}  validation hooks (load and validate): {phases.get('load and validate', 0) / cold:.1%} of the build"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000], help="numbers of acts to generate")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per corpus; the median is printed")
    args = parser.parse_args()
    print(f"build benchmark: {os.cpu_count()} core(s), load average {os.getloadavg()[0]:.2f} at start")
    print(
        f"{'corpus':>10} | {'pages':>6} | {'cold':>8} | {'warm':>8} | {'1 act':>8} | {'serve':>8} | {'check':>8} | "
        f"{'peak mem':>9} | {'all procs':>9} | {'output':>10} | {'act page':>9}"
    )
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        starter = Path(scratch) / "starter"
        generate(0, starter)
        for path in (ROOT / "content" / "acts").iterdir():  # the real starter acts, not generated ones
            (starter / "content" / "acts" / path.name).write_bytes(path.read_bytes())
        results.append(measure(starter, "starter", args.runs))
        for size in args.sizes:
            project = Path(scratch) / f"corpus-{size}"
            generate(size, project)
            results.append(measure(project, f"{size} acts", args.runs))
    print()
    for result in results:
        print_phases(result)


if __name__ == "__main__":
    main()
