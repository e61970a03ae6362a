"""The ledger's tables (SQLAlchemy Core, one definition for SQLite and PostgreSQL).

- ``ledger_version``: one row, the schema version of this ledger.
- ``runs``: one row per run (export, printer run, reissue, backfill).
- ``documents``: one row per notice or certificate issued. Cover letters and
  lists are counted on the run, not recorded one by one.

Nothing here holds a My Number digit (not even the last four). A new
version appends a step to :data:`MIGRATIONS` (the step that brings version
``n`` to ``n + 1``) and raises :data:`SCHEMA_VERSION`; opening an older
ledger runs the missing steps once, in one transaction.

Versions: 1, the first; 2, a PostgreSQL ledger has no foreign key from
``documents.run_id`` to ``runs``. PostgreSQL checks a foreign key row by row
(a trigger per inserted row): 0.7 s of the 2 s that recording 100,000
documents may take. The ledger's one write path keeps the relation instead:
documents are inserted only for a run row already committed
(:meth:`Ledger.add_documents` after :meth:`Ledger.begin_run`) or in the run's
own transaction (``import_run``), and ``purge`` deletes a run only once it
has no documents. A SQLite ledger keeps the key (its check is cheap).
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)
from sqlalchemy.engine import Connection

SCHEMA_VERSION = 2

# An integer id that autoincrements on both backends (SQLite needs INTEGER PRIMARY KEY).
Id = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData()

version_table = Table(
    "ledger_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),  # pending | committed | cancelled | failed
    Column("kind", String(16), nullable=False),  # export | printer | import
    Column("operator", String(128), nullable=False, default=""),
    Column("machine", String(128), nullable=False, default=""),
    Column("app_version", String(32), nullable=False, default=""),
    Column("workbook", Text, nullable=False, default=""),
    Column("workbook_sha256", String(64), nullable=False, default=""),
    Column("profile_text", Text, nullable=False, default=""),
    Column("profile_sha256", String(64), nullable=False, default=""),
    Column("variant", String(16), nullable=False, default=""),
    Column("selection", Text, nullable=False, default=""),  # JSON of the run's options
    Column("output", Text, nullable=False, default=""),  # folder, or printer name
    Column("manifest_sha256", String(64)),  # the run's manifest.csv once written
    Column("notices", Integer, nullable=False, default=0),
    Column("certificates", Integer, nullable=False, default=0),
    Column("covers", Integer, nullable=False, default=0),
    Column("lists", Integer, nullable=False, default=0),
    Column("envelopes", Integer, nullable=False, default=0),
    Column("employers", Integer, nullable=False, default=0),
    Column("note", Text, nullable=False, default=""),
    Index("ix_runs_manifest", "manifest_sha256"),
    Index("ix_runs_status", "status"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("run_id", Id, nullable=False),
    Column("kind", String(16), nullable=False),  # notice | certificate
    Column("member_key", String(64), nullable=False),  # 記号-番号-枝番, for the --unissued look-up
    Column("kigo", String(16), nullable=False),
    Column("bango", String(32), nullable=False),
    Column("edaban", String(8), nullable=False),
    Column("name", Text, nullable=False, default=""),
    Column("employer_code", String(32), nullable=False, default=""),
    Column("affiliation_code", String(32), nullable=False, default=""),
    Column("file", Text, nullable=False, default=""),  # PDF file name, or the print job
    Column("page", Integer),
    Column("flag", String(16), nullable=False, default=""),  # RETURN or empty
    Column("fingerprint", String(24), nullable=False),
    Column("status", String(16), nullable=False, default="issued"),  # issued | voided
    Column("note", String(32), nullable=False, default=""),  # e.g. interrupted
    # One index serves history (a member's key, or a household's key prefix) and --unissued.
    Index("ix_documents_key", "member_key", "kind", "status", "fingerprint", "run_id", "id"),
    Index("ix_documents_run", "run_id"),
    # On SQLite only: see the module's note on version 2.
    ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE").ddl_if(dialect="sqlite"),
)

Migration = Callable[[Connection], None]


def _v2_no_foreign_key_on_postgres(conn: Connection) -> None:
    """Version 1 → 2: drop the foreign key of ``documents.run_id`` on PostgreSQL (nothing on SQLite)."""
    if conn.dialect.name != "postgresql":
        return
    for key in inspect(conn).get_foreign_keys(documents.name):
        conn.execute(text(f'ALTER TABLE {documents.name} DROP CONSTRAINT "{key["name"]}"'))


MIGRATIONS: dict[int, Migration] = {1: _v2_no_foreign_key_on_postgres}
"""``MIGRATIONS[n]`` brings a version-``n`` ledger to version ``n + 1``."""
