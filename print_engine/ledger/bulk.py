"""The two bulk operations of the ledger, done at the driver's speed.

Recording a run's documents and looking up the members of a run are the only
operations on 100,000 rows. SQLAlchemy's per-row parameter handling would
cost seconds there, so both go to the driver directly, inside the
SQLAlchemy transaction: PostgreSQL gets ``COPY`` and one query that probes
the key index once per member (a lateral join over an array of the keys);
SQLite multi-row ``INSERT … VALUES`` and chunked ``IN`` lists. Every other
statement goes through SQLAlchemy Core as usual.

On SQLite, few statements and few steps: Python's ``sqlite3`` lets go of the
GIL for every step (each row of an ``executemany``, each row fetched) and
must take it back after. While another thread of the process computes (the
rules, the batch's hand-out of files to its workers, the window), each take
back waits for that thread's switch interval: 10,000 rows took 20-80 s,
not 0.15 s, beside a busy thread. So an insert binds about 2,000 rows per
statement, and a look-up returns its rows as one string per chunk of keys
(``group_concat``), split here: one step each, at the same speed alone.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Iterator, NamedTuple

from sqlalchemy.engine import Connection

from .schema import documents

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
                             tuple(value for row in chunk for value in row))


def issued_rows(conn: Connection, keys: list[str], skip_runs: list[int],
                kind: str | None = None) -> Iterator[tuple[str, str, str, int]]:
    """(member key, kind, fingerprint, latest run id) of the ``issued`` documents for ``keys``.

    One row per key, kind and fingerprint (a member's documents mostly share
    one), leaving out the runs ``skip_runs`` (those not committed); ``kind``
    limits the rows to one document kind.
    """
    cursor = conn.connection.driver_connection.cursor()
    try:
        if _is_postgres(conn):
            # One index-only probe per key (a hashed ANY() would scan every document), keys
            # and rows in binary: 0.6-0.75 s for 100,000 keys at 1,000,000 documents, against 1.0-1.1 s.
            where = (" AND d.kind = %s" if kind else "") + (" AND d.run_id <> ALL(%s)" if skip_runs else "")
            params = [keys] + ([kind] if kind else []) + ([skip_runs] if skip_runs else [])
            cursor.execute(
                "SELECT k.key, x.kind, x.fingerprint, x.latest FROM unnest(%s::text[]) AS k(key) CROSS JOIN LATERAL "
                f"(SELECT d.kind, d.fingerprint, max(d.run_id) AS latest FROM {documents.name} d "
                f"WHERE d.member_key = k.key AND d.status = 'issued'{where} GROUP BY d.kind, d.fingerprint) AS x",
                params, binary=True)
            yield from cursor.fetchall()
            return
        where = (" AND kind = ?" if kind else "") + (f" AND run_id NOT IN ({', '.join('?' * len(skip_runs))})"
                                                     if skip_runs else "")
        select = (f"SELECT group_concat(member_key || '{_FIELD}' || kind || '{_FIELD}' || fingerprint || '{_FIELD}' "
                  f"|| latest, '{_ROW}') FROM (SELECT member_key, kind, fingerprint, max(run_id) AS latest "
                  f"FROM {documents.name} WHERE member_key IN ({{marks}}) AND status = 'issued'{where} "
                  f"GROUP BY member_key, kind, fingerprint)")
        tail = ([kind] if kind else []) + list(skip_runs)
        for start in range(0, len(keys), SQLITE_CHUNK):
            chunk = keys[start:start + SQLITE_CHUNK]
            cursor.execute(select.format(marks=", ".join("?" * len(chunk))), (*chunk, *tail))
            (joined,), = cursor.fetchall()
            for row in joined.split(_ROW) if joined else ():
                key, doc_kind, fp, latest = row.split(_FIELD)
                yield key, doc_kind, fp, int(latest)
    finally:
        cursor.close()
