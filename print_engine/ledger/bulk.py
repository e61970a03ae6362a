"""The two bulk operations of the ledger, done at the driver's speed.

Recording a run's documents and looking up the members of a run are the only
operations on 100,000 rows. SQLAlchemy's per-row parameter handling would
cost seconds there, so both go to the driver directly, inside the
SQLAlchemy transaction: PostgreSQL gets ``COPY`` and one ``= ANY(array)``
query; SQLite a prepared ``executemany`` and chunked ``IN`` lists. Every
other statement goes through SQLAlchemy Core as usual.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Iterator, NamedTuple

from sqlalchemy.engine import Connection

from .schema import documents

DOC_COLUMNS = ("run_id", "kind", "member_key", "kigo", "bango", "edaban", "name", "employer_code",
               "affiliation_code", "file", "page", "flag", "fingerprint", "status", "note")
SQLITE_CHUNK = 5_000  # member keys per IN list (SQLite allows 32,766 parameters)


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
    marks = ", ".join("?" * (len(DOC_COLUMNS) - 1))
    conn.exec_driver_sql(f"INSERT INTO {documents.name} ({cols}) VALUES ({int(run_id)}, {marks})", rows)


def issued_rows(conn: Connection, kind: str, keys: list[str], skip_runs: list[int]) -> Iterator[tuple[str, str, int]]:
    """(member key, fingerprint, latest run id) of the ``issued`` documents of ``kind`` for ``keys``.

    One row per key and fingerprint (a member's documents mostly share one),
    leaving out the runs ``skip_runs`` (those not committed).
    """
    select = (f"SELECT member_key, fingerprint, max(run_id) FROM {documents.name} "
              f"WHERE kind = {{p}} AND status = 'issued' AND member_key {{keys}}{{skip}} "
              f"GROUP BY member_key, fingerprint")
    cursor = conn.connection.driver_connection.cursor()
    try:
        if _is_postgres(conn):
            cursor.execute("SET LOCAL work_mem = '64MB'")  # the grouping of 100,000 keys stays in memory
            skip = " AND run_id <> ALL(%s)" if skip_runs else ""
            cursor.execute(select.format(p="%s", keys="= ANY(%s)", skip=skip),
                           (kind, keys, skip_runs) if skip_runs else (kind, keys))
            yield from cursor.fetchall()
            return
        skip = f" AND run_id NOT IN ({', '.join('?' * len(skip_runs))})" if skip_runs else ""
        for start in range(0, len(keys), SQLITE_CHUNK):
            chunk = keys[start:start + SQLITE_CHUNK]
            cursor.execute(select.format(p="?", keys=f"IN ({', '.join('?' * len(chunk))})", skip=skip),
                           (kind, *chunk, *skip_runs))
            yield from cursor.fetchall()
    finally:
        cursor.close()
