"""Recording a run in the ledger, atomically with its output (``ledger.md``).

An export (``batch``, 「PDF に出力」) goes:

1. :meth:`RunRecorder.start` — the run row, ``pending``, before anything is written;
2. the output is written into its temporary folder;
3. :meth:`RunRecorder.record` — every document, with the manifest's SHA-256,
   in one transaction (the run stays ``pending``);
4. the folder is moved into place;
5. :meth:`RunRecorder.commit` — the run becomes ``committed``.

A kill between 1 and 3 leaves a pending run with no documents, between 3 and
5 a pending run whose folder is there or not: :func:`resolve_run` commits it
when the folder's ``manifest.csv`` is the recorded one, else voids it. A
printer run records each job's documents when the job went to the spooler
(:meth:`RunRecorder.record` per job), so a pending printer run is committed
with the jobs it recorded. Documents of a pending run do not count as issued.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .bulk import DocumentRow
from .fingerprint import fingerprint, fingerprinter
from .location import LedgerError
from .store import Ledger, RunInfo

DOCUMENT_KINDS = ("notice", "certificate")


def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("oshirase")
    except Exception:  # noqa: BLE001 - a checkout without metadata
        return "0.0.0"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_info(kind: str, variant: str, *, workbook: Path | None = None, profile_text: str = "",
             options: dict | None = None, output: str = "") -> RunInfo:
    """What a run records about itself: who, where, which workbook and profile, which options."""
    try:
        operator = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        operator = ""
    return RunInfo(
        kind=kind,
        variant=variant,
        workbook=workbook.name if workbook else "",
        workbook_sha256=file_sha256(workbook) if workbook else "",
        profile_text=profile_text,
        profile_sha256=text_sha256(profile_text) if profile_text else "",
        selection=json.dumps(options or {}, ensure_ascii=False, sort_keys=True),
        output=output,
        operator=operator,
        machine=platform.node(),
        app_version=app_version(),
    )


def document_row(kind: str, member, employer_code: str, file: str, page: int | None, flag: str,
                 note: str = "") -> DocumentRow:
    """One ``documents`` row for a member's notice or certificate (no My Number digit)."""
    kigo, bango, edaban = member.kigo, member.bango, member.edaban
    return DocumentRow(kind, f"{kigo}-{bango}-{edaban}", kigo, bango, edaban, member.name, employer_code,
                       member.affiliation, file, page, flag, fingerprint(member, kind), "issued", note)


def document_rows(items, note: str = "") -> list[tuple]:
    """:func:`document_row` for many documents at once: ``items`` of (kind, member, employer, file, page, flag)."""
    fp = fingerprinter()
    out = []
    append = out.append
    for kind, m, employer, file, page, flag in items:
        k, b, e = m.kigo, m.bango, m.edaban
        append((kind, f"{k}-{b}-{e}", k, b, e, m.name, employer, m.affiliation, file, page, flag,
                fp(m, kind), "issued", note))
    return out


@dataclass(slots=True)
class RunCounts:
    notices: int = 0
    certificates: int = 0
    covers: int = 0
    lists: int = 0
    envelopes: int = 0
    employers: int = 0

    def values(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__slots__}


class RunRecorder:
    """One run's life in the ledger: pending → documents → committed (or cancelled/failed)."""

    def __init__(self, ledger: Ledger, info: RunInfo):
        self.ledger = ledger
        self.info = info
        self.run_id: int | None = None

    def start(self) -> int:
        self.run_id = self.ledger.begin_run(self.info, status="pending")
        return self.run_id

    def record(self, rows: list[DocumentRow], manifest_sha256: str | None = None,
               counts: RunCounts | None = None) -> None:
        values = counts.values() if counts else {}
        if manifest_sha256:
            values["manifest_sha256"] = manifest_sha256
        self.ledger.add_documents(self.run_id, rows, values)

    def commit(self, counts: RunCounts | None = None, note: str = "") -> None:
        values = counts.values() if counts else {}
        if note:
            values["note"] = note
        self.ledger.finish_run(self.run_id, "committed", **values)

    def give_up(self, status: str, note: str = "") -> None:
        """Cancelled or failed: the run's documents are voided. Never raises (best effort)."""
        if self.run_id is None:
            return
        try:
            self.ledger.void(self.run_id)
            self.ledger.finish_run(self.run_id, status, note=note)
        except LedgerError:
            pass  # the run stays pending; the next start reports it


def output_complete(run: dict) -> bool:
    """An export's folder is in place with the manifest the ledger recorded."""
    folder = Path(run["output"]) if run["output"] else None
    sha = run["manifest_sha256"]
    if folder is None or not sha:
        return False
    manifest = folder / "manifest.csv"
    try:
        return manifest.is_file() and file_sha256(manifest) == sha
    except OSError:
        return False


def resolve_run(ledger: Ledger, run_id: int) -> str:
    """Settle a pending run: ``committed`` if its output is complete, else ``failed`` (voided).

    Returns the run's status afterwards. A run that is not pending is left as it is.

    Raises:
        LedgerError: unknown run id, or the ledger cannot be written.
    """
    run = ledger.run(run_id)
    if run["status"] != "pending":
        return run["status"]
    if run["kind"] == "printer":
        complete = ledger.document_count(run_id) > 0
    else:
        complete = output_complete(run)
    if complete:
        ledger.finish_run(run_id, "committed", note="resolved")
        return "committed"
    ledger.void(run_id)
    ledger.finish_run(run_id, "failed", note="resolved: output incomplete")
    return "failed"


def pending_message(runs: Iterable[dict]) -> str:
    """The line a command or the window shows for pending runs ('' when none)."""
    ids = [str(r["id"]) for r in runs]
    if not ids:
        return ""
    return (f"発行台帳に確定していない実行があります（実行番号 {', '.join(ids)}）。中断された可能性があります。"
            f"「main.py ledger resolve 実行番号」で、出力が揃っていれば記録し、揃っていなければ取り消します。")
