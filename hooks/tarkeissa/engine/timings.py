"""Where a build's time goes: named phases, measured by wall clock and by this process's CPU time,
for the build benchmarks.

The benchmark sets TT_TIMINGS to a file path; the build writes its phases there as JSON: "phases"
(wall seconds), "cpu" (this process's CPU seconds in each phase), "process cpu" (its CPU seconds
in all, start-up included) and "counts". The forked half's own time is not in them, except in
"work cpu": CPU seconds of named work done in both processes (the bodies' conversion while the
content is checked: its results carry their cost back from the forked half).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Timings:
    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.work: dict[str, float] = {}  # CPU seconds of named work, all processes together
        self._marks: dict[str, tuple[float, float]] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start, time.process_time() - cpu)

    @contextmanager
    def part_of(self, name: str, enclosing: str) -> Iterator[None]:
        """A phase measured inside a running `start`/`stop` phase: its time moves out of that one."""
        start, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
            self.add(name, seconds, cpu_seconds)
            self.add(enclosing, -seconds, -cpu_seconds)

    def add(self, name: str, seconds: float, cpu_seconds: float = 0.0) -> None:
        self.phases[name] = self.phases.get(name, 0.0) + seconds
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu_seconds

    def start(self, name: str) -> None:
        self._marks[name] = (time.perf_counter(), time.process_time())

    def stop(self, name: str) -> None:
        if name in self._marks:
            start, cpu = self._marks.pop(name)
            self.add(name, time.perf_counter() - start, time.process_time() - cpu)

    def save(self, environ: dict[str, str] | None = None) -> None:
        target = (os.environ if environ is None else environ).get("TT_TIMINGS")
        if target:
            Path(target).write_text(
                json.dumps(
                    {
                        "phases": self.phases,
                        "cpu": self.cpu,
                        "process cpu": time.process_time(),
                        "counts": self.counts,
                        "work cpu": self.work,
                    },
                    indent=1,
                ),
                encoding="utf-8",
            )
