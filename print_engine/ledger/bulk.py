"""The two bulk operations of the ledger, done at the driver's speed.

Recording a run's documents and looking up the members of a run are the only
operations on 100,000 rows. SQLAlchemy's per-row parameter handling would
cost seconds there, so both go to the driver directly, inside the
SQLAlchemy transaction: PostgreSQL gets ``COPY`` and one statement that
lists the runs and probes the key index once per member (a lateral join
over the keys); SQLite multi-row ``INSERT … VALUES`` and chunked ``IN``
lists. Every other statement goes through SQLAlchemy Core as usual.

Few steps, few objects. A driver lets go of the GIL while it waits (psycopg)
or steps (Python's ``sqlite3``: each row of an ``executemany``, each row
fetched) and must take it back after; while another thread of the process
computes (the rules, the batch's hand-out of files to its workers, the
window), each take back waits for that thread's switch interval: 10,000
rows took 20-80 s on SQLite, not 0.15 s, beside a busy thread. So an insert
binds about 2,000 rows per statement, and a look-up's rows come back as one
string per statement, split here into a few column lists (making a row
object per document cost 0.3-0.4 s for 100,000 keys, in the driver or in
the garbage collector).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Iterator, NamedTuple

from sqlalchemy.engine import Connection

from .schema import documents, runs

DOC_COLUMNS = ("run_id", "kind", "member_key", "kigo", "bango", "edaban", "name", "employer_code",
               "affiliation_code", "file", "page", "flag", "fingerprint", "status", "note")
SQLITE_CHUNK = 5_000  # member keys per IN list (SQLite allows 32,766 parameters)
SQLITE_INSERT_ROWS = 2_000  # rows per INSERT: 14 parameters each (the run id is written in)
_FIELD, _ROW = "\x1f", "\x1e"  # a look-up's rows joined in one string (no key, kind or fingerprint holds them)


class DocumentRow(NamedTuple):
    """One ``documents`` row without its run id (the order of :data:`DOC_COLUMNS`)."""

    kind: str
    member_key: str
    kigo: str
    bango: str
    edaban: str
    name: str
    employer_code: str
    affiliation_code: str
    file: str
    page: int | None
    flag: str
    fingerprint: str
    status: str = "issued"
    note: str = ""


def _is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


_by_key = itemgetter(1)  # DocumentRow.member_key


def insert_documents(conn: Connection, run_id: int, rows: list[tuple]) -> None:
    """Insert a run's documents in the connection's transaction."""
    if not rows:
        return
    rows = sorted(rows, key=_by_key)  # in index order: each insert lands next to the last
    cols = ", ".join(DOC_COLUMNS)
    if _is_postgres(conn):
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {documents.name} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((run_id, *row))
        return
    one = f"({int(run_id)}, {', '.join('?' * (len(DOC_COLUMNS) - 1))})"
    for start in range(0, len(rows), SQLITE_INSERT_ROWS):  # through SQLAlchemy: its errors are the ledger's faults
        chunk = rows[start:start + SQLITE_INSERT_ROWS]
        conn.exec_driver_sql(f"INSERT INTO {documents.name} ({cols}) VALUES {', '.join([one] * len(chunk))}",
                             tuple(chain.from_iterable(chunk)))


def issued_rows(conn: Connection, keys: list[str],
                kind: str | None = None) -> tuple[list[tuple[int, str]], Iterator[tuple[str, str, str, int]]]:
    """The runs and the ``issued`` documents of ``keys``, as one instant of the ledger saw them.

    Returns the runs (id, status), oldest first by the time they were issued
    (finished, else started, then id), and an iterator of (member key, kind,
    fingerprint, latest run id): one row per key, kind and fingerprint (a
    member's documents mostly share one), of committed runs only; ``kind``
    limits the rows to one document kind. On PostgreSQL both come from one
    statement (one snapshot, one round trip); on SQLite from the
    connection's transaction, whose snapshot the reads share. The iterator
    must be used up inside that transaction.
    """
    cursor = conn.connection.driver_connection.cursor()
    if _is_postgres(conn):
        try:
            return _issued_rows_postgres(cursor, keys, kind)
        finally:
            cursor.close()
    listed = _runs_sqlite(cursor)
    return listed, _issued_rows_sqlite(cursor, keys, listed, kind)


def _columns(joined: str | None, width: int) -> list[list[str]]:
    """The ``width`` columns of rows joined in one string: a few lists, not one list per row.

    (100,000 lists made one by one wake the garbage collector, which walks
    every object of the run's members each time: 0.4 s, not 0.05 s.)
    """
    if not joined:
        return [[] for _ in range(width)]
    flat = joined.replace(_ROW, _FIELD).split(_FIELD)
    return [flat[i::width] for i in range(width)]


def _joined(keys: list[str]) -> str | None:
    """The keys joined by the row separator, or None when a key holds a separator (a code cell
    with a control character): then the keys are sent as they are."""
    joined = _ROW.join(keys)
    return joined if keys and _FIELD not in joined and joined.count(_ROW) == len(keys) - 1 else None


_ISSUED_ORDER = "coalesce(r.finished_at, r.started_at), r.id"


def _issued_rows_postgres(cursor, keys: list[str], kind: str | None):
    # One statement: the runs, and one index-only probe per key (a hashed ANY() or a merge join would
    # scan every document) for the documents of committed runs. The keys go as one string (or, when
    # one holds a separator, as an array), sorted by the server in the index's collation; the rows come
    # back joined in one string, each naming its key by position (psycopg's making of 100,000 rows
    # of four values cost 0.3 s of the client's time, with the GIL held, beside the rules).
    joined = _joined(keys)
    given = "%s::text[]" if joined is None else "string_to_array(%s, chr(30))"
    only = " AND d.kind = %s" if kind else ""
    # Its estimated cost crosses the server's JIT thresholds: compiling it took 0.2 s, running it 0.5 s
    # (JIT came with PostgreSQL 11; an older server knows no such setting).
    if cursor.connection.info.server_version >= 110000:
        cursor.execute("SET LOCAL jit = off")
    cursor.execute(
        f"SELECT (SELECT string_agg(r.id || chr(31) || r.status, chr(30) ORDER BY {_ISSUED_ORDER}) FROM {runs.name} r), "
        f"(SELECT string_agg(k.n || chr(31) || x.kind || chr(31) || x.fingerprint || chr(31) || x.latest, chr(30)) "
        f"FROM (SELECT u.key, u.n FROM unnest({given}) WITH ORDINALITY AS u(key, n) ORDER BY u.key) AS k "
        f"CROSS JOIN LATERAL (SELECT d.kind, d.fingerprint, max(d.run_id) AS latest FROM {documents.name} d "
        f"WHERE d.member_key = k.key AND d.status = 'issued'{only} "
        f"AND d.run_id <> ALL(ARRAY(SELECT id FROM {runs.name} WHERE status <> 'committed')) "
        f"GROUP BY d.kind, d.fingerprint) AS x)",
        [keys if joined is None else joined, *([kind] if kind else [])])
    (listed, rows), = cursor.fetchall()
    run_ids, statuses = _columns(listed, 2)
    positions, kinds, prints, latest = _columns(rows, 4)
    return (list(zip(map(int, run_ids), statuses)),
            zip([keys[int(n) - 1] for n in positions], kinds, prints, map(int, latest)))


def _runs_sqlite(cursor) -> list[tuple[int, str]]:
    cursor.execute(f"SELECT r.id, r.status FROM {runs.name} r ORDER BY {_ISSUED_ORDER}")
    return cursor.fetchall()


def _issued_rows_sqlite(cursor, keys: list[str], listed: list[tuple[int, str]],
                        kind: str | None) -> Iterator[tuple[str, str, str, int]]:
    # The rows of committed runs as one string per chunk of keys (see the module's note); keys that hold
    # a separator (a code cell with a control character) are asked for row by row instead. The runs not
    # committed are named (an IN subquery of the committed ones led SQLite's planner off the key index).
    plain = _joined(keys) is not None
    skip = [run_id for run_id, status in listed if status != "committed"]
    where = (" AND kind = ?" if kind else "") + (f" AND run_id NOT IN ({', '.join('?' * len(skip))})" if skip else "")
    grouped = (f"SELECT member_key, kind, fingerprint, max(run_id) AS latest FROM {documents.name} "
               f"WHERE member_key IN ({{marks}}) AND status = 'issued'{where} GROUP BY member_key, kind, fingerprint")
    select = (f"SELECT group_concat(member_key || '{_FIELD}' || kind || '{_FIELD}' || fingerprint || '{_FIELD}' "
              f"|| latest, '{_ROW}') FROM ({grouped})") if plain else grouped
    tail = ([kind] if kind else []) + skip
    try:
        for start in range(0, len(keys), SQLITE_CHUNK):
            chunk = keys[start:start + SQLITE_CHUNK]
            cursor.execute(select.format(marks=", ".join("?" * len(chunk))), (*chunk, *tail))
            if not plain:
                yield from cursor.fetchall()
                continue
            (rows,), = cursor.fetchall()
            found, kinds, prints, latest = _columns(rows, 4)
            yield from zip(found, kinds, prints, map(int, latest))
    finally:
        cursor.close()
