"""Conversion benchmark: the CPU time of converting bodies with the site's Markdown instance, with
Python-Markdown's own inline pass and with the quicker one the build uses (markdown_setup._QuickInline),
in turn, and of judging the result (sanitizing, normalising, comparing visible text) with and
without the shortcut for bodies that sanitizing leaves as they are (body_policy.judge).

    python scripts/benchmark_conversion.py                      # both corpora, 1,000 acts, 3 rounds
    python scripts/benchmark_conversion.py --acts 300 --rounds 5 --corpus realistic

Each round converts every body once with each instance, in one process, 25 bodies by one and then
by the other (which goes first alternates), so that a shared machine's slow spells fall on both: the
figures are CPU seconds (time.process_time), the ratio is quick/stock per round and its median. The HTML of
both must be the same, body by body; a difference stops the script. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import frontmatter

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from generate_corpus import generate
from realistic_corpus import realistic
from tarkeissa.content import markdown_setup
from tarkeissa.content.body_policy import BodyPlace, convert_with, judge, judge_fully

CORPORA = {"generated": generate, "realistic": realistic}


def bodies_of(project: Path) -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(project)), frontmatter.load(path).content)
        for path in sorted((project / "content" / "acts").glob("*.md"))
    ]


CHUNK = 25  # bodies converted by one instance, then by the other: slow spells of a shared machine fall on both


def convert_chunk(md, bodies: list[tuple[str, str]]) -> tuple[float, list[str]]:  # type: ignore[no-untyped-def]
    started = time.process_time()
    html = [convert_with(md, body, BodyPlace(source=path)).html for path, body in bodies]
    return time.process_time() - started, html


def one_round(stock, quick, bodies: list[tuple[str, str]], number: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Both instances over all bodies, CHUNK at a time in turn (which goes first alternates)."""
    gc.collect()
    seconds = {"stock": 0.0, "quick": 0.0}
    for start in range(0, len(bodies), CHUNK):
        chunk, html = bodies[start : start + CHUNK], {}
        order = ("stock", "quick") if (start // CHUNK + number) % 2 else ("quick", "stock")
        for name in order:
            spent, html[name] = convert_chunk(stock if name == "stock" else quick, chunk)
            seconds[name] += spent
        if html["stock"] != html["quick"]:
            different = [path for (path, _), a, b in zip(chunk, html["stock"], html["quick"], strict=True) if a != b]
            raise SystemExit(f"the quick inline pass converted these bodies differently: {different}")
    return seconds["stock"], seconds["quick"]


def measure(corpus: str, acts: int, rounds: int, scratch: Path) -> None:
    project = scratch / f"{corpus}-{acts}"
    CORPORA[corpus](acts, project)
    bodies = bodies_of(project)
    stock, quick = markdown_setup.new_markdown(quick=False), markdown_setup.new_markdown()
    one_round(stock, quick, bodies[:50], 0)  # warm: imports, compiled patterns
    ratios, stock_times, quick_times = [], [], []
    for number in range(1, rounds + 1):
        stock_seconds, quick_seconds = one_round(stock, quick, bodies, number)
        stock_times.append(stock_seconds)
        quick_times.append(quick_seconds)
        ratios.append(quick_seconds / stock_seconds)
        print(f"  round {number}: stock {stock_seconds:.2f} s, quick {quick_seconds:.2f} s, ratio {ratios[-1]:.2f}")
    conversions = [convert_with(quick, body, BodyPlace(source=path)) for path, body in bodies]
    judged = {}
    for way in (judge_fully, judge):  # the full comparison, then judge with its shortcut
        started = time.process_time()
        for (path, body), conversion in zip(bodies, conversions, strict=True):
            way(conversion, body, path, 1)
        judged[way.__name__] = time.process_time() - started
    size = sum(len(body) for _, body in bodies) / len(bodies)
    print(
        f"{corpus}, {acts} acts ({len(bodies)} bodies, {size:.0f} characters on average): conversion CPU "
        f"stock {statistics.median(stock_times):.2f} s, quick {statistics.median(quick_times):.2f} s "
        f"(median ratio {statistics.median(ratios):.2f}); judging {judged['judge']:.2f} s "
        f"({judged['judge_fully']:.2f} s without the shortcut for bodies sanitizing leaves as they are); "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", nargs="+", choices=sorted(CORPORA), default=sorted(CORPORA))
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for corpus in arguments.corpus:
            measure(corpus, arguments.acts, arguments.rounds, Path(scratch))


if __name__ == "__main__":
    main()
