"""Where a build's time goes: named phases, measured by wall clock, for the build benchmark.

The benchmark sets TT_TIMINGS to a file path; the build writes its phases there as JSON.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from pathlib import Path


class Timings:
    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self._marks: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    @contextmanager
    def part_of(self, name: str, enclosing: str):
        """A phase measured inside a running `start`/`stop` phase: its time moves out of that one."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)
            self.add(enclosing, start - time.perf_counter())

    def add(self, name: str, seconds: float) -> None:
        self.phases[name] = self.phases.get(name, 0.0) + seconds

    def start(self, name: str) -> None:
        self._marks[name] = time.perf_counter()

    def stop(self, name: str) -> None:
        if name in self._marks:
            self.add(name, time.perf_counter() - self._marks.pop(name))

    def save(self, environ: dict[str, str] | None = None) -> None:
        target = (os.environ if environ is None else environ).get("TT_TIMINGS")
        if target:
            Path(target).write_text(json.dumps({"phases": self.phases, "counts": self.counts}, indent=1),
                                    encoding="utf-8")
