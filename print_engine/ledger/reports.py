"""The ledger's CSVs and tables: ``history``, ``runs`` and ``ledger export`` (``ledger.md``).

The CSVs are written like every CSV of the app: UTF-8 with BOM, comma-separated,
CRLF line ends, quoted only where needed. Times are local time, ISO 8601 with
the offset (``2026-12-01T09:30:00+09:00``). ``ledger export`` has the columns
of ``history --csv``, oldest first.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timezone
from typing import IO, Iterable

from .store import aware

HISTORY_COLUMNS = ("run_id", "issued_at", "variant", "document", "kigo", "bango", "edaban", "name",
                   "employer_code", "file", "page", "status")
RUNS_COLUMNS = ("run_id", "started_at", "finished_at", "status", "variant", "workbook", "workbook_sha256",
                "output", "notices", "certificates", "envelopes", "employers", "operator")
EXPORT_COLUMNS = HISTORY_COLUMNS

STATUS_TEXT = {"issued": "発行", "voided": "取消", "pending": "未確定", "committed": "確定",
               "cancelled": "中止", "failed": "失敗"}
DOCUMENT_TEXT = {"notice": "お知らせ", "certificate": "資格確認書"}
LEDGER_STATUS_TEXT, LEDGER_DOCUMENT_TEXT = STATUS_TEXT, DOCUMENT_TEXT  # the names the facade offers


def local_midnight(d: date) -> datetime:
    """The start of a local calendar day, in UTC (``--from``, ``--to``, ``--before``)."""
    return datetime.combine(d, time()).astimezone().astimezone(timezone.utc)


def local_time(value: datetime | None) -> str:
    value = aware(value)
    return value.astimezone().isoformat(timespec="seconds") if value else ""


def _document_status(doc: dict) -> str:
    """A document's status; one of a run not (yet) committed shows the run's status."""
    if doc["status"] == "issued" and doc.get("run_status") not in (None, "committed"):
        return doc["run_status"]
    return doc["status"]


def history_rows(docs: Iterable[dict]) -> list[tuple]:
    return [(d["run_id"], local_time(d["issued_at"]), d["variant"], d["kind"], d["kigo"], d["bango"], d["edaban"],
             d["name"], d["employer_code"], d["file"], "" if d["page"] is None else d["page"], _document_status(d))
            for d in docs]


def runs_rows(runs: Iterable[dict]) -> list[tuple]:
    return [(r["id"], local_time(r["started_at"]), local_time(r["finished_at"]), r["status"], r["variant"],
             r["workbook"], r["workbook_sha256"], r["output"], r["notices"], r["certificates"], r["envelopes"],
             r["employers"], r["operator"]) for r in runs]


def write_csv(stream: IO[str], header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    """Rows as the app's CSV (the stream is opened with ``newline=''``; BOM written here)."""
    stream.write("\ufeff")
    writer = csv.writer(stream)  # excel dialect: CRLF, minimal quoting
    writer.writerow(header)
    writer.writerows(rows)


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable[object]]) -> bytes:
    buf = io.StringIO(newline="")
    write_csv(buf, header, rows)
    return buf.getvalue().encode("utf-8")


def export_csv_bytes(docs: list[dict]) -> bytes:
    """The ``ledger export`` file of these documents."""
    return csv_bytes(EXPORT_COLUMNS, history_rows(docs))


def _table(header: list[str], rows: list[tuple]) -> list[str]:
    cells = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    return ["  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip() for row in cells]


def _width(text: str) -> int:
    """Columns on a terminal: East Asian wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def history_table(docs: list[dict]) -> list[str]:
    rows = [(r[0], r[1].replace("T", " ")[:16], r[2], DOCUMENT_TEXT.get(r[3], r[3]), f"{r[4]}-{r[5]}-{r[6]}", r[7],
             r[8], r[9], r[10], STATUS_TEXT.get(r[11], r[11])) for r in history_rows(docs)]
    return _table(["実行", "発行日時", "種類", "書類", "記号-番号-枝番", "氏名", "事業所", "ファイル", "頁", "状態"], rows)


def runs_table(runs: list[dict]) -> list[str]:
    rows = [(r[0], r[1].replace("T", " ")[:16], r[2].replace("T", " ")[:16], STATUS_TEXT.get(r[3], r[3]), r[4],
             r[5], r[8], r[9], r[10], r[11], r[12], r[7]) for r in runs_rows(runs)]
    return _table(["実行", "開始", "終了", "状態", "種類", "ワークブック", "お知らせ", "確認書", "封筒", "事業所",
                   "担当者", "出力"], rows)
