"""Recording a run in the ledger, atomically with its output (``ledger.md``).

An export (``batch``, 「PDF に出力」) goes:

1. :meth:`RunRecorder.start` — the run row, ``pending``, before anything is written;
2. the output is written into its temporary folder;
3. :meth:`RunRecorder.record` — every document, with the manifest's SHA-256,
   in one transaction (the run stays ``pending``); ``run_batch`` does it as
   soon as the manifest is written, while the workers still draw the PDFs;
4. the folder, complete, is moved into place;
5. :meth:`RunRecorder.commit` — the run becomes ``committed``.

A kill between 1 and 3 leaves a pending run with no documents, between 3 and
5 a pending run whose folder is there or not: :func:`resolve_run` commits it
when the folder's ``manifest.csv`` is the recorded one, else voids it. A
printer run records each job's documents when the job went to the spooler
(:meth:`RunRecorder.record` per job), so a pending printer run is committed
with the jobs it recorded. Documents of a pending run do not count as issued.

A pending run whose process is still alive (it holds its :mod:`liveness`
lock from 1 until 5 or the give-up) is in progress, not interrupted: it is
neither reported nor resolved.
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
from .fingerprint import RunFingerprints, fingerprint
from .liveness import RunLock, alive_runs
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


def document_rows(items, note: str = "", fingerprints=None) -> list[tuple]:
    """:func:`document_row` for many documents at once: ``items`` of (kind, member, employer, file, page, flag).

    ``fingerprints``: the run's :class:`~.fingerprint.RunFingerprints`, when its
    look-up made them; else they are made here, a list at a time.
    """
    items = list(items)
    fp = fingerprints or RunFingerprints()
    kinds = {item[0] for item in items}
    for kind in kinds:
        fp.compute([item[1] for item in items if len(kinds) == 1 or item[0] == kind], kind)
    return [(kind, f"{m.kigo}-{m.bango}-{m.edaban}", m.kigo, m.bango, m.edaban, m.name, employer, m.affiliation,
             file, page, flag, fp(m, kind), "issued", note) for kind, m, employer, file, page, flag in items]


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
        self.lock = RunLock(ledger.location)

    def start(self) -> int:
        """The pending run row, with the lock that says the run is alive (held until commit or give-up)."""
        try:
            self.run_id = self.ledger.begin_run(self.info, status="pending", hold=self.lock.hold)
        except BaseException:
            self.lock.release()
            raise
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
        try:
            self.ledger.finish_run(self.run_id, "committed", **values)
        finally:
            self.lock.release()  # committed, or left pending for resolve: this process is done with it

    def give_up(self, status: str, note: str = "") -> None:
        """Cancelled or failed: the run's documents are voided. Never raises (best effort)."""
        if self.run_id is None:
            return
        try:
            self.ledger.void(self.run_id)
            self.ledger.finish_run(self.run_id, status, note=note)
        except LedgerError:
            pass  # the run stays pending; the next start reports it
        finally:
            self.lock.release()


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


class RunInProgress(LedgerError):
    """``ledger resolve`` or ``void`` of a pending run whose process is still running (nothing is changed)."""

    def __init__(self, run: dict, action: str = "確定処理"):
        super().__init__(
            f"実行番号 {run['id']} はまだ実行中です（端末 {run['machine'] or '不明'}、担当者 {run['operator'] or '不明'}）。"
            f"終われば自動的に確定するため、{action}はできません。発行台帳は変更していません。")
        self.run_id = run["id"]


def void_run(ledger: Ledger, run_id: int, employers: Iterable[str] = (), members: Iterable[str] = ()) -> int:
    """:meth:`Ledger.void`, refused for a run still in progress (its documents are about to be committed).

    Raises:
        RunInProgress: the run is pending and its process still running.
        LedgerError: unknown run id, or the ledger cannot be written.
    """
    run = ledger.run(run_id)
    if run["status"] == "pending" and alive_runs(ledger, [run_id]):
        raise RunInProgress(run, "取り消し")
    return ledger.void(run_id, employers, members)


def resolve_run(ledger: Ledger, run_id: int) -> str:
    """Settle a pending run: ``committed`` if its output is complete, else ``failed`` (voided).

    Returns the run's status afterwards. A run that is not pending is left as it is.

    Raises:
        RunInProgress: the run's process is still running (:mod:`liveness`).
        LedgerError: unknown run id, or the ledger cannot be written.
    """
    run = ledger.run(run_id)
    if run["status"] != "pending":
        return run["status"]
    if alive_runs(ledger, [run_id]):
        raise RunInProgress(run)
    run = ledger.run(run_id)  # again: it may have ended between the two looks (its lock goes last)
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


def interrupted_runs(ledger: Ledger) -> tuple[list[dict], list[dict]]:
    """The pending runs, as (interrupted, running): whose process is gone, and whose is still at work."""
    pending = ledger.pending_runs()
    alive = alive_runs(ledger, [r["id"] for r in pending])
    return [r for r in pending if r["id"] not in alive], [r for r in pending if r["id"] in alive]


def resolve_interrupted(ledger: Ledger) -> list[tuple[int, str]]:
    """:func:`resolve_run` for every interrupted run, oldest first: [(run id, status afterwards)]."""
    done = []
    for run in sorted(interrupted_runs(ledger)[0], key=lambda r: r["id"]):
        try:
            done.append((run["id"], resolve_run(ledger, run["id"])))
        except RunInProgress:
            continue
    return done


def pending_message(runs: Iterable[dict], running: Iterable[dict] = ()) -> str:
    """The line a command or the window shows for interrupted runs ('' when none).

    ``running``: pending runs still in progress, mentioned (as 実行中) only beside interrupted ones.
    """
    ids = [str(i) for i in sorted(r["id"] for r in runs)]
    if not ids:
        return ""
    busy = [str(i) for i in sorted(r["id"] for r in running)]
    note = f"（実行番号 {', '.join(busy)} は実行中のため対象外です）" if busy else ""
    return (f"発行台帳に確定していない実行があります（実行番号 {', '.join(ids)}）。中断された可能性があります。"
            f"「main.py ledger resolve 実行番号」で、出力が揃っていれば記録し、揃っていなければ取り消します。{note}")


def pending_report(ledger: Ledger) -> str:
    """:func:`pending_message` for this ledger's interrupted runs (runs in progress are not interrupted)."""
    return pending_message(*interrupted_runs(ledger))
