"""What a run writes to the support log: its id, counts, timings, outcome, problems.

The engine only emits records on the ``oshirase.engine`` logger (standard
:mod:`logging`); the app's front door (``oshirase.support_log``) sends them
to the rotating log file. Nothing here formats a cell's value: problems are
logged by code, sheet, row and column header, never with the value, so no
name, address or My Number digit reaches the log.
"""

from __future__ import annotations

import logging
import time
import uuid
from contextlib import contextmanager

log = logging.getLogger("oshirase.engine")


def new_run_id() -> str:
    """A run id for the log: the start time and a random suffix (``20261201T193500-1a2b``)."""
    return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:4]


def log_problems(problems, limit: int = 200) -> None:
    """The engine's errors and warnings by code, sheet and row (never the value)."""
    problems = list(problems)
    for p in problems[:limit]:
        where = f"row {p.row}" if p.row is not None else "file"
        log.warning("problem %s %s %s (sheet %s, column %s)", p.severity.name, p.code, where, p.sheet, p.column)
    if len(problems) > limit:
        log.warning("problem ... and %d more", len(problems) - limit)


@contextmanager
def logged_run(kind: str, run_id: str | None = None, **facts):
    """Log a run's start, and its end with the time taken and the outcome.

    Yields a dict the caller fills with counts (``info["counts"] = ...``) and
    an ``outcome`` (default ``ok``); an exception logs ``failed`` with its
    type and traceback and is re-raised.
    """
    run_id = run_id or new_run_id()
    info: dict[str, object] = {"run_id": run_id, "outcome": "ok"}
    start = time.monotonic()
    extras = " ".join(f"{k}={v}" for k, v in facts.items() if v not in (None, "", [], ()))
    log.info("run %s %s start %s", run_id, kind, extras)
    try:
        yield info
    except BaseException as exc:
        outcome = "cancelled" if isinstance(exc, KeyboardInterrupt) or type(exc).__name__ == "Cancelled" else "failed"
        seconds = time.monotonic() - start
        if outcome == "failed":
            log.error("run %s %s failed after %.1f s: %s", run_id, kind, seconds, type(exc).__name__, exc_info=True)
        else:
            log.info("run %s %s cancelled after %.1f s", run_id, kind, seconds)
        raise
    seconds = time.monotonic() - start
    counts = info.get("counts") or {}
    text = " ".join(f"{k}={v}" for k, v in counts.items()) if isinstance(counts, dict) else str(counts)
    log.info("run %s %s %s in %.1f s %s", run_id, kind, info["outcome"], seconds, text)
