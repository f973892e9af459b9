"""A CPU-time budget for one piece of work on one file: past it, OverBudget is raised inside the work.

Python-Markdown takes minutes on some inputs (30 KB of '[' is quadratic), so converting a file is
given a few seconds of CPU time. CPU time, not the clock: a machine busy with other work gives the
conversion less of each second, and the verdict must not depend on that. The process's CPU timer
(ITIMER_PROF: user and system time) counts the work itself; the build's and check's other threads
are idle while a body converts. The timer can only be set in the main thread, which is where MkDocs
builds (the live preview too) and where `tarkeissa check` and its forked workers read files;
elsewhere the work runs unbounded in time, bounded by the size limits alone.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    pass


def _expire(signum: int, frame: object) -> None:
    raise OverBudget


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """At most `seconds` of this process's CPU time inside the block."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGPROF, _expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
