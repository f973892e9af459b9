"""A time budget for one piece of work on one file: past it, OverBudget is raised inside the work.

Python-Markdown takes minutes on some inputs (30 KB of '[' is quadratic), so converting a file is
given a few seconds. The alarm can only be set in the main thread, which is where MkDocs builds
(the live preview too) and where `tarkeissa check` and its forked workers read files; elsewhere
the work runs unbounded in time, bounded by the size limits alone.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class OverBudget(Exception):
    pass


def _expire(signum, frame):
    raise OverBudget


@contextmanager
def time_budget(seconds: float):
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
