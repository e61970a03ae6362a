"""The support log: what happened, for whoever diagnoses a failed run.

A rotating file ``oshirase.log`` in :func:`print_engine.user_data.logs_dir`
(``%LOCALAPPDATA%\\Oshirase\\logs`` on Windows), at most :data:`MAX_BYTES`
per file and :data:`BACKUPS` old files. It holds the start of each program
(version, frozen or not, platform), each run (its id, counts, timings and
outcome), the engine's problems by code, sheet and row, Python warnings, and
every uncaught exception with its traceback (``sys.excepthook``,
``threading.excepthook``; Qt slots reach ``sys.excepthook``). Hard crashes
(a segfault in Qt) are written by :mod:`faulthandler` to ``crash.log``
beside it.

What a run logs is in :mod:`print_engine.run_log` (the engine's own
logger, ``oshirase.engine``); this module decides where it goes.

It never holds personal data. Callers log codes, row numbers and counts,
never a cell's value, a name, an address or a path under the user's home.
As a second line of defence :class:`ScrubFormatter` removes any run of twelve
or more digits from every record, and the text of an exception (which may
quote a cell) keeps only its ASCII words with no digit run of four or more:
the frames of the traceback (file, line, function, source line) are kept.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import re
import sys
import threading
import traceback
from pathlib import Path

from oshirase import app_version
from print_engine.user_data import logs_dir

LOG_NAME = "oshirase.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"

log = logging.getLogger("oshirase")

_LONG_DIGITS = re.compile(r"\d(?:[\s\-]?\d){11,}")  # a My Number, also written 1234 5678 9012
_DIGITS = re.compile(r"\d{4,}")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")

_state: dict[str, object] = {}


def scrub(text: str) -> str:
    """``text`` without any run of twelve or more digits."""
    return _LONG_DIGITS.sub("<digits>", text)


def scrub_exception_text(text: str) -> str:
    """An exception's message reduced to what cannot be a member's data."""
    text = _NOT_ASCII.sub("…", text)
    return _DIGITS.sub("<digits>", text)


def format_exception(exc_info) -> str:
    """The traceback with its frames as they are and each exception's text scrubbed."""
    lines = []
    for chunk in traceback.format_exception(*exc_info):
        for line in chunk.splitlines():
            if line.startswith((" ", "\t")) or line.startswith("Traceback (most recent call last)"):
                lines.append(line)  # frames and source lines: the program, not the data
            elif line.startswith(("During handling of", "The above exception was")):
                lines.append(line)
            else:
                lines.append(scrub_exception_text(line))
    return "\n".join(lines)


class ScrubFormatter(logging.Formatter):
    """Formats each record without long digit runs, and tracebacks with their text scrubbed.

    A formatter, not a filter: the record itself is left alone for any other
    handler.
    """

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        return format_exception(ei)

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # formatted by this formatter, never a cached raw one
        text = super().format(record)
        record.exc_text = None
        return scrub(text)


def log_path() -> Path | None:
    """The log file in use, or ``None`` before :func:`setup` (or if it failed)."""
    return _state.get("path")  # type: ignore[return-value]


def setup(program: str, folder: Path | None = None) -> Path | None:
    """Start logging for this process; returns the log file, or ``None`` if unwritable.

    ``program`` says which front door started (``window``, ``check``, …).
    Calling it again only logs another start line.
    """
    if "path" in _state:
        log.info("start %s (again)", program)
        return log_path()
    folder = Path(folder) if folder else logs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        crash = open(folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept open for faulthandler
    except OSError:
        return None
    handler.setFormatter(ScrubFormatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    log.setLevel(logging.INFO)
    logging.captureWarnings(True)
    faulthandler.enable(file=crash, all_threads=True)
    _state.update(path=folder / LOG_NAME, handler=handler, crash=crash)
    _install_hooks()
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    log.info(
        "start %s: Oshirase %s (%s), Python %s, %s %s",
        program, app_version(), frozen, platform.python_version(), sys.platform, platform.release(),
    )
    return log_path()


def shutdown() -> None:
    """Detach the log (tests); the hooks fall back to Python's own."""
    handler = _state.pop("handler", None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
    crash = _state.pop("crash", None)
    if crash is not None:
        faulthandler.disable()
        crash.close()
    _state.pop("path", None)
    for name in ("excepthook", "threading_excepthook"):
        previous = _state.pop(name, None)
        if previous is not None:
            setattr(sys if name == "excepthook" else threading, "excepthook", previous)
    logging.captureWarnings(False)


def _install_hooks() -> None:
    previous = sys.excepthook
    previous_thread = threading.excepthook

    def excepthook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        previous(exc_type, exc, tb)

    def thread_excepthook(args):
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread else "?"
            log.critical("uncaught exception in thread %s", name,
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        previous_thread(args)

    _state.update(excepthook=previous, threading_excepthook=previous_thread)
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
