"""Is a pending run still running? A lock its process holds, which the OS or the server drops when it dies.

A ``pending`` run is either in progress (its documents are about to be
committed) or interrupted (its process died; ``ledger resolve`` settles it).
Only the second may be reported as interrupted or resolved. So, from
:meth:`RunRecorder.start` until commit or give-up, the run's process holds a
lock that disappears with the process, ``kill -9`` included:

- **PostgreSQL**: a session-level advisory lock ``pg_advisory_lock(KEY, run_id)``
  on a connection of its own (autocommit, no pool), so the server releases it
  when that connection ends. Others read ``pg_locks`` (one query for all runs).
- **SQLite** (always a local file): an OS file lock (:mod:`filelock`, ``flock``
  or ``LockFileEx``) on ``<ledger>-runs/<run_id>.lock`` beside the ledger file.
  Others try the lock without waiting: a missing file, or one they can lock (a
  dead run's stale file, removed then), means the run is not alive.

The lock is taken inside the transaction that inserts the run row
(:meth:`Ledger.begin_run`'s ``hold``), so no other process ever sees a
pending run whose lock is not yet held. It is released after the run's final
status is written, so a checker that finds the lock free and then re-reads
the run sees it settled, or dead.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from collections.abc import Iterable

from filelock import FileLock, Timeout
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from .faults import fault_message
from .location import LedgerError, LedgerLocation

PG_LOCK_KEY = 0x4F534852  # "OSHR": the advisory lock's first key; the second is the run id


def lock_folder(location: LedgerLocation) -> Path:
    """``ledger.sqlite3-runs`` beside a SQLite ledger: one lock file per running run."""
    return location.path.with_name(location.path.name + "-runs")


def _file_lock(path: Path) -> FileLock:
    # no soft fallback: a soft lock (a marker file) would outlive a killed process
    return FileLock(path, timeout=0, thread_local=False, fallback_to_soft=False)


class RunLock:
    """The lock one running run holds (:meth:`hold` at start, :meth:`release` at the end)."""

    def __init__(self, location: LedgerLocation):
        self.location = location
        self.run_id: int | None = None
        self._file: FileLock | None = None
        self._engine = None
        self._conn = None

    def hold(self, run_id: int) -> None:
        """Take the run's lock (called inside the run row's transaction).

        Raises:
            LedgerError: the lock cannot be taken (the run must then not start).
        """
        self.run_id = run_id
        if self.location.is_sqlite:
            self._hold_file(run_id)
        else:
            self._hold_advisory(run_id)

    def _hold_file(self, run_id: int) -> None:
        folder = lock_folder(self.location)
        try:
            folder.mkdir(exist_ok=True)
            lock = _file_lock(folder / f"{run_id}.lock")
            lock.acquire()
        except (OSError, Timeout) as exc:
            reason = getattr(exc, "strerror", None) or "別の実行が使用中"
            raise LedgerError(f"発行台帳の実行中の印 {folder} を作れません（{reason}）。台帳は変更していません。") from None
        self._file = lock

    def _hold_advisory(self, run_id: int) -> None:
        try:
            self._engine = create_engine(self.location.url, poolclass=NullPool,
                                         connect_args={"connect_timeout": 10})
            self._conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            self._conn.execute(text("SELECT pg_advisory_lock(:key, CAST(:run AS integer))"),
                               {"key": PG_LOCK_KEY, "run": run_id})
        except SQLAlchemyError as exc:
            self.release()
            raise LedgerError(fault_message(exc, self.location)) from None

    def release(self) -> None:
        """Drop the lock (the run has ended, or never started). Never raises."""
        if self._file is not None:
            _unlock_and_remove(self._file)
            with contextlib.suppress(OSError):
                lock_folder(self.location).rmdir()  # only when no other run is in progress
            self._file = None
        if self._conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                # unlocked now: closing alone would leave the lock to the server's session end, a moment later
                self._conn.execute(text("SELECT pg_advisory_unlock(:key, CAST(:run AS integer))"),
                                   {"key": PG_LOCK_KEY, "run": self.run_id})
            with contextlib.suppress(SQLAlchemyError):
                self._conn.close()  # the session ends: the server drops the advisory lock (if still held)
            self._conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __del__(self) -> None:
        # dropped without an end (its recorder is gone): no one will finish the run, so it is not running
        try:
            self.release()
        except Exception:  # noqa: BLE001 - at interpreter exit
            pass


def alive_runs(ledger, run_ids: Iterable[int]) -> set[int]:
    """Of these (pending) runs, those whose process still holds its lock.

    Raises:
        LedgerError: a PostgreSQL ledger that cannot be read.
    """
    ids = set(run_ids)
    if not ids:
        return set()
    if ledger.location.is_sqlite:
        return {run_id for run_id in ids if _file_alive(lock_folder(ledger.location) / f"{run_id}.lock")}
    query = text(f"SELECT l.objid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                 f"WHERE l.locktype = 'advisory' AND l.classid = {PG_LOCK_KEY} AND l.objsubid = 2 "
                 f"AND l.granted AND d.datname = current_database()")
    with ledger.reading() as conn:
        held = {int(r[0]) for r in conn.execute(query)}
    return ids & held


def _file_alive(path: Path) -> bool:
    if not path.exists():
        return False  # never locked (or already cleaned up): nobody runs it
    lock = _file_lock(path)
    try:
        lock.acquire()
    except Timeout:
        return True  # its process holds it
    except OSError:
        return True  # cannot tell (no permission): never settle what may be running
    _unlock_and_remove(lock)  # a dead run's stale file: gone now
    return False


def _unlock_and_remove(lock: FileLock) -> None:
    """Remove the lock file while still holding it, then unlock (never raises)."""
    with contextlib.suppress(OSError):
        Path(lock.lock_file).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        lock.release(force=True)
