"""The ledger store: open (create, migrate, refuse newer), write runs and documents, query.

One code path for SQLite and PostgreSQL (SQLAlchemy Core, no ORM sessions).
Every write is one transaction; on SQLite a write transaction starts with
``BEGIN IMMEDIATE`` and waits up to 30 s for another process's, so two
instances recording at once both get their rows in. Every database fault
becomes one :class:`LedgerError` with a Japanese message (:mod:`faults`).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable, Iterator

from sqlalchemy import create_engine, delete, event, func, insert, inspect, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from .bulk import insert_documents, issued_rows
from .faults import fault_message
from .fingerprint import member_key
from .location import LedgerError, LedgerLocation, default_ledger_path
from .schema import MIGRATIONS, SCHEMA_VERSION, documents, metadata, runs, version_table

SQLITE_BUSY_MS = 30_000
SQLITE_CACHE_KB = 65_536
PARALLEL_LOOK_UP_KEYS = 20_000  # from this many keys, two PostgreSQL connections look up half each
RUN_STATUSES = ("pending", "committed", "cancelled", "failed")


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def aware(value: datetime | None) -> datetime | None:
    """A stored time as UTC-aware (SQLite gives them back naive)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)


@dataclass(slots=True)
class RunInfo:
    """What a run records about itself when it starts (``ledger.md``, "What is recorded")."""

    kind: str  # export | printer | import
    variant: str
    workbook: str = ""
    workbook_sha256: str = ""
    profile_text: str = ""
    profile_sha256: str = ""
    selection: str = ""
    output: str = ""
    operator: str = ""
    machine: str = ""
    app_version: str = ""
    started_at: datetime = field(default_factory=now_utc)
    manifest_sha256: str | None = None


def _sqlite_engine(location: LedgerLocation) -> Engine:
    engine = create_engine(location.url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (pysqlite would not for DDL)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")  # the key index of millions of documents
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get("ledger_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def make_engine(location: LedgerLocation) -> Engine:
    if location.is_sqlite:
        return _sqlite_engine(location)
    return create_engine(location.url, connect_args={"connect_timeout": 10}, pool_pre_ping=False)


class Ledger:
    """An open ledger. Use :func:`open_ledger`; close with :meth:`close` (or ``with``)."""

    def __init__(self, location: LedgerLocation, engine: Engine):
        self.location = location
        self.engine = engine
        self._threads: list[threading.Thread] = []

    def in_background(self, target, *args, name: str) -> threading.Thread:
        """Run ``target(*args)`` on a thread of its own, which :meth:`close` waits for."""
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return thread

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close, once the look-ups still running on threads (:meth:`in_background`) have ended."""
        for thread in self._threads:
            thread.join()
        self._threads = []
        self.engine.dispose()

    # --- transactions ------------------------------------------------------

    # The bulk operations (:mod:`bulk`) use the driver's cursor: its own errors are faults too.
    @property
    def _faults(self) -> tuple[type[BaseException], ...]:
        return SQLAlchemyError, self.engine.dialect.loaded_dbapi.Error

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except self._faults as exc:
            raise LedgerError(fault_message(exc, self.location)) from None

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction: everything in it is kept, or nothing."""
        try:
            with self.engine.connect().execution_options(ledger_write=True) as conn, conn.begin():
                yield conn
        except self._faults as exc:
            raise LedgerError(fault_message(exc, self.location)) from None

    # --- runs --------------------------------------------------------------

    def begin_run(self, info: RunInfo, status: str = "pending", hold=None) -> int:
        """Insert the run row (``pending`` until the output is in place); returns its id.

        ``hold(run_id)`` is called before the row is committed (the run's
        liveness lock, :mod:`liveness`): no one sees the pending run before it holds it.
        """
        values = {k: getattr(info, k) for k in RunInfo.__slots__}
        with self.writing() as conn:
            run_id = conn.execute(insert(runs).values(status=status, **values).returning(runs.c.id)).scalar_one()
            if hold is not None:
                hold(run_id)
            return run_id

    def add_documents(self, run_id: int, rows: list, run_values: dict | None = None) -> None:
        """Record documents of a run (and update the run's columns) in one transaction."""
        with self.writing() as conn:
            insert_documents(conn, run_id, rows)
            if run_values:
                conn.execute(update(runs).where(runs.c.id == run_id).values(**run_values))

    def import_run(self, info: RunInfo, rows: list, counts: dict) -> tuple[int, bool]:
        """A finished run and its documents in one transaction; (run id, added).

        A run with the same manifest SHA-256 already there is returned as it is
        (``added`` False): checked under the write lock, so two imports of one
        folder at once add it once.
        """
        values = {k: getattr(info, k) for k in RunInfo.__slots__}
        with self.writing() as conn:
            known = conn.execute(select(runs.c.id).where(runs.c.manifest_sha256 == info.manifest_sha256)).scalar()
            if known is not None:
                return known, False
            run_id = conn.execute(insert(runs).values(status="committed", finished_at=info.started_at,
                                                      **values, **counts).returning(runs.c.id)).scalar_one()
            insert_documents(conn, run_id, rows)
            return run_id, True

    def finish_run(self, run_id: int, status: str, **values) -> None:
        values.setdefault("finished_at", now_utc())
        with self.writing() as conn:
            conn.execute(update(runs).where(runs.c.id == run_id).values(status=status, **values))

    def run(self, run_id: int) -> dict:
        """The run row; :class:`LedgerError` for an unknown id."""
        with self.reading() as conn:
            row = conn.execute(select(runs).where(runs.c.id == run_id)).mappings().first()
        if row is None:
            raise LedgerError(f"発行台帳に実行番号 {run_id} の実行はありません（{self.location.label}）。")
        return dict(row)

    def runs(self, limit: int | None = None, status: str | None = None) -> list[dict]:
        """Runs, newest first."""
        q = select(runs).order_by(runs.c.id.desc())
        if status:
            q = q.where(runs.c.status == status)
        if limit:
            q = q.limit(limit)
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def pending_runs(self) -> list[dict]:
        return self.runs(status="pending")

    def run_by_manifest(self, sha256: str) -> dict | None:
        with self.reading() as conn:
            row = conn.execute(select(runs).where(runs.c.manifest_sha256 == sha256)).mappings().first()
        return dict(row) if row else None

    def document_count(self, run_id: int | None = None) -> int:
        q = select(func.count()).select_from(documents)
        if run_id is not None:
            q = q.where(documents.c.run_id == run_id)
        with self.reading() as conn:
            return conn.execute(q).scalar_one()

    # --- documents ---------------------------------------------------------

    def history(self, kigo: str, bango: str, edaban: str | None = None) -> list[dict]:
        """Every document of a member (or household), newest first, with its run."""
        if edaban is not None:
            cond = documents.c.member_key == member_key(kigo, bango, edaban)
        else:  # the household's keys share the prefix "記号-番号-" (codes hold no "-")
            prefix = f"{kigo}-{bango}-"
            cond = (documents.c.member_key >= prefix) & (documents.c.member_key < prefix + "\uffff")
        return self._documents(cond, newest_first=True)

    def documents_between(self, start: datetime | None, end: datetime | None) -> list[dict]:
        """Documents issued in ``[start, end)``, oldest first (``ledger export``)."""
        issued = func.coalesce(runs.c.finished_at, runs.c.started_at)
        cond = documents.c.id.is_not(None)
        if start is not None:
            cond &= issued >= start
        if end is not None:
            cond &= issued < end
        return self._documents(cond, newest_first=False)

    def _documents(self, cond, newest_first: bool) -> list[dict]:
        issued = func.coalesce(runs.c.finished_at, runs.c.started_at).label("issued_at")
        order = (issued.desc(), documents.c.id.desc()) if newest_first else (issued, documents.c.id)
        q = (select(documents, issued, runs.c.variant, runs.c.status.label("run_status"))
             .join(runs, runs.c.id == documents.c.run_id).where(cond).order_by(*order))
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def latest_fingerprints(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """For each member key, the fingerprint of its latest ``issued`` document of ``kind``."""
        return self.latest_by_kind(keys, kind).get(kind, {})

    def latest_by_kind(self, keys: Iterable[str], kind: str | None = None) -> dict[str, dict[str, str]]:
        """For each document kind and member key, the fingerprint of the latest ``issued`` document.

        Only documents of runs committed at the instant the look-up reads
        count; "latest" is by the run's time (an old run imported today is
        still older). ``kind`` limits the answer to one kind. On PostgreSQL
        many keys are looked up in two halves at once, on two connections
        (the server works on both cores; psycopg waits without the GIL), each
        half as its own instant. On SQLite one connection does it all: its
        work is done in this process, on the cores the rules need.
        """
        keys = list(set(keys))
        if self.location.is_sqlite:
            keys.sort()  # in index order: the chunks walk the index forwards (PostgreSQL sorts them itself)
        if self.location.is_sqlite or len(keys) < PARALLEL_LOOK_UP_KEYS:
            return self._latest(keys, kind)
        half = len(keys) // 2
        with ThreadPoolExecutor(2, thread_name_prefix="ledger-look-up") as pool:
            parts = [pool.submit(self._latest, part, kind) for part in (keys[:half], keys[half:])]
            first, second = (f.result() for f in parts)
        for doc_kind, found in second.items():  # the halves hold different keys
            first.setdefault(doc_kind, {}).update(found)
        return first

    def _latest(self, keys: list[str], kind: str | None) -> dict:
        latest: dict[str, dict[str, str]] = {}
        ranks: dict[str, dict[str, int]] = {}  # per kind and key, the rank of the run that gave its fingerprint
        with self.reading() as conn:
            listed, rows = issued_rows(conn, keys, kind)
            # the rows are of committed runs only, read at the same instant as the list
            rank = {run_id: n for n, (run_id, status) in enumerate(listed, start=1) if status == "committed"}
            for key, doc_kind, fp, run_id in rows:  # mostly one row per key
                r = rank[run_id]
                of_kind = latest.get(doc_kind)
                if of_kind is None:
                    of_kind, ranks[doc_kind] = latest.setdefault(doc_kind, {}), {}
                seen = ranks[doc_kind]
                if seen.get(key, -1) < r:
                    seen[key] = r
                    of_kind[key] = fp
        return latest

    def void(self, run_id: int, employers: Iterable[str] = (), members: Iterable[str] = ()) -> int:
        """Void a run's issued documents (all, or those of the employers / member keys); returns how many."""
        self.run(run_id)
        cond = (documents.c.run_id == run_id) & (documents.c.status == "issued")
        employers, members = list(employers), list(members)
        if employers:
            cond &= documents.c.employer_code.in_(employers)
        if members:
            cond &= documents.c.member_key.in_(members)
        with self.writing() as conn:
            return conn.execute(update(documents).where(cond).values(status="voided")).rowcount

    def purge_counts(self, before: datetime) -> tuple[int, int]:
        """(documents, runs) that :meth:`purge` would delete."""
        old_runs = self._old_runs(before)
        with self.reading() as conn:
            docs = conn.execute(select(func.count()).select_from(documents)
                                .where(documents.c.run_id.in_(old_runs))).scalar_one()
            count = conn.execute(select(func.count()).select_from(runs).where(runs.c.id.in_(old_runs))).scalar_one()
        return docs, count

    def purge(self, before: datetime) -> tuple[int, int]:
        """Delete documents issued before ``before`` and the runs left empty; returns (documents, runs).

        A document counts as issued when its run finished; pending runs are kept.
        """
        old_runs = self._old_runs(before)
        with self.writing() as conn:
            docs = conn.execute(delete(documents).where(documents.c.run_id.in_(old_runs))).rowcount
            left = select(documents.c.run_id).where(documents.c.run_id == runs.c.id).exists()
            count = conn.execute(delete(runs).where(runs.c.id.in_(old_runs) & ~left)).rowcount
        return docs, count

    @staticmethod
    def _old_runs(before: datetime):
        issued = func.coalesce(runs.c.finished_at, runs.c.started_at)
        return select(runs.c.id).where((runs.c.status != "pending") & (issued < before)).scalar_subquery()


def _ledger_version(conn: Connection) -> int | None:
    """The ledger's schema version, None for an empty database."""
    names = set(inspect(conn).get_table_names())
    if version_table.name not in names:
        if names & {runs.name, documents.name}:
            raise LedgerError("発行台帳の版を示す表がありません。台帳が壊れているか、別のアプリのデータベースです。")
        return None
    return conn.execute(select(func.max(version_table.c.version))).scalar()


def _prepare(ledger: Ledger) -> None:
    """Create the schema, or migrate it in one transaction, or refuse a newer one."""
    with ledger.reading() as conn:
        version = _ledger_version(conn)
    if version == SCHEMA_VERSION:
        return
    _refuse_newer(version, ledger.location)
    with ledger.writing() as conn:
        version = _ledger_version(conn)  # again, under the write lock: another process may have done it
        _refuse_newer(version, ledger.location)
        if version is None:
            metadata.create_all(conn)
            conn.execute(insert(version_table).values(version=SCHEMA_VERSION))
            return
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](conn)
        conn.execute(delete(version_table))
        conn.execute(insert(version_table).values(version=SCHEMA_VERSION))


def _refuse_newer(version: int | None, location: LedgerLocation) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise LedgerError(
            f"発行台帳 {location.label} は新しい版のアプリで作られています（台帳の版 {version}、"
            f"このアプリが扱えるのは版 {SCHEMA_VERSION} まで）。アプリを更新してください。台帳は変更していません。"
        )


def open_ledger(location: LedgerLocation) -> Ledger:
    """Open (and on first use create) the ledger at ``location``.

    Raises:
        LedgerError: unreachable, wrong password, not a ledger, corrupt, newer, read-only on creation.
    """
    if location.is_sqlite and location.path == default_ledger_path():
        try:
            location.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerError(f"発行台帳のフォルダ {location.path.parent} を作れません（{exc.strerror or exc}）。") from None
    ledger = Ledger(location, make_engine(location))
    try:
        _prepare(ledger)
    except BaseException:
        ledger.close()
        raise
    return ledger
