"""Both cores for independent pieces of work: every second item goes to a forked copy of the process.

The copy inherits everything already loaded, computes its share and sends the results back
pickled through a pipe; the order of the results is the order of the items. Without fork (or
with one job, or few items) the work runs here, one item after another.
"""

from __future__ import annotations

import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def parallel_map(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int = 1, worth_it: int = 200
) -> list[Result]:
    """`worth_it`: fewer items than this run here, where forking would cost more than it saves."""
    if jobs < 2 or len(items) < worth_it or not hasattr(os, "fork"):
        return [function(item) for item in items]
    theirs = in_background(lambda: [function(item) for item in items[1::2]])  # the copy: the odd items
    mine = [function(item) for item in items[0::2]]
    results: list[Result] = [None] * len(items)  # type: ignore[list-item]
    results[0::2], results[1::2] = mine, theirs()
    return results


def in_background(function: Callable[[], Result]) -> Callable[[], Result]:
    """Start `function` in a forked copy now; the returned call gives its result, waiting if need be.
    For work needed later in a build that would otherwise hold up the part that runs on one core."""
    if not hasattr(os, "fork"):
        done = function()
        return lambda: done
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        code = 1
        try:
            data = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            code = 0
        except BaseException:  # noqa: BLE001  the forked worker reports any end, even SystemExit, and exits itself
            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(write_end)
    received: list[Result] = []

    def result() -> Result:
        if not received:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError("the work of a forked copy failed (see above)")
            received.append(pickle.loads(data))
        return received[0]

    return result
