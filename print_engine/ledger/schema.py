"""The ledger's tables (SQLAlchemy Core, one definition for SQLite and PostgreSQL).

- ``ledger_version``: one row, the schema version of this ledger.
- ``runs``: one row per run (export, printer run, reissue, backfill).
- ``documents``: one row per notice or certificate issued. Cover letters and
  lists are counted on the run, not recorded one by one.

Nothing here holds a My Number digit (not even the last four). A new
version appends a step to :data:`MIGRATIONS` (the step that brings version
``n`` to ``n + 1``) and raises :data:`SCHEMA_VERSION`; opening an older
ledger runs the missing steps once, in one transaction.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Connection

SCHEMA_VERSION = 1

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
    Column("run_id", Id, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
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
)

Migration = Callable[[Connection], None]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` brings a version-``n`` ledger to version ``n + 1``."""
