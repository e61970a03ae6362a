"""``ledger import RUN_DIR``: enter a run written before the ledger existed.

The folder's ``manifest.csv`` gives the documents (one ``notice`` or
``certificate`` row per member) and ``profile.toml`` the variant and the issue
date. A manifest knows 記号・番号・枝番 and 氏名 only, so these documents get a
fingerprint of those fields (:func:`~print_engine.ledger.fingerprint.manifest_fingerprint`).
The run is recognised by the manifest's SHA-256: importing the same folder
again changes nothing. The run and its documents go in in one transaction.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from print_engine.output.records import read_manifest

from .bulk import DocumentRow
from .fingerprint import manifest_fingerprint, member_key
from .location import LedgerError
from .recording import DOCUMENT_KINDS, RunCounts, file_sha256, run_info
from .store import Ledger


@dataclass(slots=True)
class ImportResult:
    run_id: int
    documents: int
    already: bool  # the folder had been imported before (nothing done)


def _profile(folder: Path) -> tuple[str, str, date | None]:
    """(text, variant, issue date) of the run's profile.toml."""
    path = folder / "profile.toml"
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise LedgerError(f"{folder} に profile.toml がありません。実行フォルダを指定してください。") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LedgerError(f"{path} を読めません（{exc}）。") from None
    run = data.get("run", {}) if isinstance(data.get("run"), dict) else {}
    variant = str(run.get("variant", "initial"))
    issued = run.get("issue_date")
    return text, variant, issued if isinstance(issued, date) else None


def _issued_at(issue_date: date | None, manifest: Path) -> datetime:
    """When the imported documents count as issued: the profile's issue date, else the manifest's time."""
    if issue_date is not None:
        return datetime(issue_date.year, issue_date.month, issue_date.day).astimezone(timezone.utc)
    return datetime.fromtimestamp(manifest.stat().st_mtime, timezone.utc)


def _rows_and_counts(manifest_rows: list[dict[str, str]]) -> tuple[list[DocumentRow], RunCounts]:
    rows, counts = [], RunCounts()
    envelopes, employers = set(), set()
    for r in manifest_rows:
        doc = r["document"]
        employers.add(r["employer_code"])
        if doc == "cover":
            counts.covers += 1
        elif doc == "list":
            counts.lists += 1
        elif doc in DOCUMENT_KINDS:
            setattr(counts, doc + "s", getattr(counts, doc + "s") + 1)
            envelopes.add((r["employer_code"], r["kigo"], r["bango"]))
            rows.append(DocumentRow(
                doc, member_key(r["kigo"], r["bango"], r["edaban"]), r["kigo"], r["bango"], r["edaban"], r["name"],
                r["employer_code"], r["affiliation_code"], r["file"],
                int(r["first_page"]) if r["first_page"].isdigit() else None, r["flag"],
                manifest_fingerprint(doc, r["kigo"], r["bango"], r["edaban"], r["name"]), "issued", "imported"))
    counts.envelopes, counts.employers = len(envelopes), len(employers)
    return rows, counts


def import_run_folder(ledger: Ledger, folder: str | Path) -> ImportResult:
    """Import one run folder (idempotent by the manifest's SHA-256).

    Raises:
        LedgerError: the folder is not a run folder, or the ledger cannot be written.
    """
    folder = Path(folder)
    manifest = folder / "manifest.csv"
    if not manifest.is_file():
        raise LedgerError(f"{folder} に manifest.csv がありません。実行フォルダを指定してください。")
    try:
        sha = file_sha256(manifest)
        rows_in = read_manifest(manifest)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LedgerError(f"{manifest} を読めません（{exc}）。") from None
    known = ledger.run_by_manifest(sha)
    if known is not None:
        return ImportResult(known["id"], 0, True)
    text, variant, issue_date = _profile(folder)
    rows, counts = _rows_and_counts(rows_in)
    info = run_info("import", variant, profile_text=text, options={"imported_from": str(folder.absolute())},
                    output=str(folder.absolute()))
    info.workbook = ""
    info.started_at = _issued_at(issue_date, manifest)
    info.manifest_sha256 = sha
    run_id, added = ledger.import_run(info, rows, counts.values())
    return ImportResult(run_id, len(rows) if added else 0, not added)
