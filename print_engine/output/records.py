"""The run's CSV files: manifest, exclusions and packing (``batch-cli.md``).

All are UTF-8 with BOM (Excel opens them), comma-separated, CRLF line ends,
quoted only where needed. No My Number ever appears in them.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from print_engine.mail.grouping import is_mail_shipment
from print_engine.mail.mail_csv import MAIL_CSV, write_direct_mail_csv
from print_engine.model import Member, Reason, Shipment
from print_engine.output.stream import FileSpec
from print_engine.plan.reasons import reason_text as reason_wording
from print_engine.profile.loading import dump_profile, resolve_today
from print_engine.profile.schema import DEFAULT_LEAFLETS, Leaflet

if TYPE_CHECKING:
    from print_engine.plan.run import RunPlan

MANIFEST_COLUMNS = ("file", "first_page", "last_page", "employer_code", "affiliation_code",
                    "document", "kigo", "bango", "edaban", "name", "flag")
EXCLUDED_COLUMNS = ("sheet", "row", "employer_code", "kigo", "bango", "edaban", "name",
                    "reason_code", "reason")
PACKING_COLUMNS = ("employer_code", "employer_name", "container", "envelopes", "notices", "certificates",
                   "green_leaflets", "blue_leaflets", "return_envelopes")  # with the default profile's leaflets
MEMBER_DOCUMENTS = ("notice", "certificate")


def _write(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)  # excel dialect: CRLF, minimal quoting
        writer.writerow(header)
        writer.writerows(rows)


def manifest_rows(files: list[FileSpec]) -> list[tuple]:
    rows = []
    for spec in files:
        for e in spec.entries:
            mailed = is_mail_shipment(e.shipment)
            code = "" if mailed else e.shipment.employer.code  # the mailed group is no employer
            if e.document in MEMBER_DOCUMENTS:
                m = e.member
                if mailed:
                    code = m.employer_code  # a mailed member keeps its own employer code
                rows.append((spec.name, e.first_page, e.last_page, code, m.affiliation, e.document,
                             m.kigo, m.bango, m.edaban, m.name, e.envelope.flag_of(m)))
            else:
                rows.append((spec.name, e.first_page, e.last_page, code, "", e.document, "", "", "", "", ""))
    return rows


def write_manifest(path: Path, files: list[FileSpec]) -> None:
    _write(path, MANIFEST_COLUMNS, manifest_rows(files))


def reason_text(m: Member, reason: Reason, run_errors: Iterable = ()) -> str:
    if reason is Reason.INVALID:
        return "; ".join(p.message for p in [*m.errors, *(p for p in run_errors
                                                           if (p.sheet, p.row) == (m.sheet, m.row))])
    return reason_wording(reason)


def write_excluded(path: Path, plan: RunPlan) -> None:
    """One row per member printed nothing, in workbook order, with the plan's reason."""
    reasons = plan.reasons
    rows = (
        (m.sheet, m.row, m.employer_code, m.kigo, m.bango, m.edaban, m.name, r.value,
         reason_text(m, r, plan.run_errors))
        for m in plan.excluded()
        for r in (reasons[m],)
    )
    _write(path, EXCLUDED_COLUMNS, rows)


def packing_columns(leaflets: tuple[Leaflet, ...] = DEFAULT_LEAFLETS) -> tuple[str, ...]:
    """The header of packing.csv: a ``{name}_leaflets`` column per profile leaflet."""
    return (*PACKING_COLUMNS[:6], *(f"{leaflet.name}_leaflets" for leaflet in leaflets), "return_envelopes")


def _leaflet_count(shipment: Shipment, leaflet: Leaflet) -> int:
    """Envelopes holding at least one document of a kind that gets the leaflet."""
    kinds = set(leaflet.documents)
    if kinds == {"notice"} and not shipment.certificate_count:
        return len(shipment.envelopes)
    return sum(1 for e in shipment.envelopes if any(e.document_of(m) in kinds for m in e.members))


def packing_rows(shipments: list[Shipment], leaflets: tuple[Leaflet, ...] = DEFAULT_LEAFLETS) -> list[tuple]:
    """One row per shipment: counts of envelopes, notices, certificates, leaflets and RETURN envelopes."""
    rows = []
    for s in shipments:
        n = len(s.envelopes)
        counts = [_leaflet_count(s, leaflet) for leaflet in leaflets]
        rows.append(("" if is_mail_shipment(s) else s.employer.code, s.employer.name, s.container, n, s.notice_count,
                     s.certificate_count, *counts, s.return_envelopes))
    return rows


def write_packing(path: Path, shipments: list[Shipment], leaflets: tuple[Leaflet, ...] = DEFAULT_LEAFLETS) -> None:
    _write(path, packing_columns(leaflets), packing_rows(shipments, leaflets))


def read_manifest(path: Path) -> list[dict[str, str]]:
    """The rows of an earlier run's manifest (for reprints)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != MANIFEST_COLUMNS:
            raise ValueError(f"{Path(path).name} は manifest.csv の形式ではありません")
        return list(reader)


def write_run_records(folder: Path, plan: RunPlan, files: list[FileSpec]) -> None:
    """Everything a run records beside its pages, PDF run or printer run alike.

    ``manifest.csv``, ``excluded.csv``, ``packing.csv`` and the run's
    ``profile.toml`` with "today" resolved, so the run can be repeated exactly.
    """
    write_manifest(folder / "manifest.csv", files)
    write_excluded(folder / "excluded.csv", plan)
    write_packing(folder / "packing.csv", plan.shipments, plan.profile.packing.leaflets)
    for group in (s for s in plan.shipments if is_mail_shipment(s)):
        write_direct_mail_csv(folder / MAIL_CSV, group)
    resolved = resolve_today(plan.profile, plan.issue_date)
    (folder / "profile.toml").write_text(dump_profile(resolved, complete=True), encoding="utf-8")
