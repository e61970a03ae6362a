"""When Python's cyclic garbage collector may run during the engine's big allocations.

Loading creates a few million objects that all live on (rows, cells,
members); the collector would walk them again and again for nothing (about
a third of the load time of 100,000 rows). So the engine pauses it around
loading and planning.

The collector is a setting of the whole process, so only the main thread
decides: :func:`paused` does nothing on any other thread, and a window that
loads on a worker thread pauses the collector itself, from its GUI thread,
with :func:`pause` / :func:`resume` around the job. Pauses nest (a count), so
an inner resume never switches the collector back on under an outer pause.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_depth = 0
_was_enabled = True


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def pause() -> bool:
    """Pause the collector (main thread only). Returns whether it paused; pair with :func:`resume`."""
    global _depth, _was_enabled
    if not _on_main_thread():
        return False
    if _depth == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _depth += 1
    return True


def resume() -> None:
    """End one :func:`pause`; the last one puts the collector back as it was.

    What was made meanwhile goes straight to the oldest generation
    (``freeze`` then ``unfreeze``: no walk over it now); the few cycles made
    (none on the common path) are collected by the next full collection.
    """
    global _depth
    if not _on_main_thread() or _depth == 0:
        return
    _depth -= 1
    if _depth == 0:
        if gc.get_freeze_count() == 0:  # nobody else keeps objects frozen
            gc.freeze()
            gc.unfreeze()
        if _was_enabled:
            gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block, when called on the main thread."""
    did = pause()
    try:
        yield
    finally:
        if did:
            resume()
