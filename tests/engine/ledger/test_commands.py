"""``history``, ``runs`` and ``ledger import|void|resolve|export|purge`` as a user runs them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from print_engine.cli.main import main as cli_main
from print_engine.ledger.reports import EXPORT_COLUMNS, HISTORY_COLUMNS, RUNS_COLUMNS

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "samples" / "sample.xlsx"


@pytest.fixture(scope="session")
def old_run(tmp_path_factory) -> Path:
    """A run folder as written before the ledger existed (manifest.csv + profile.toml)."""
    out = tmp_path_factory.mktemp("old") / "run"
    assert cli_main(["batch", str(SAMPLE), "--out", str(out), "--no-ledger", "--workers", "1"]) == 0
    for pdf in out.glob("*.pdf"):
        pdf.unlink()  # only the records matter here
    return out


def run(capsysbinary, *argv, stdin: str | None = None, monkeypatch=None) -> tuple[int, bytes, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli_main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8")


def parse_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline="")))


def manifest_notices(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["document"] == "notice"]


def test_import_history_runs_and_a_second_import_changes_nothing(ledger_url, old_run, capsysbinary):
    notices = manifest_notices(old_run)
    code, out, _ = run(capsysbinary, "ledger", "import", str(old_run), "--ledger", ledger_url)
    assert code == 0 and f"書類 {len(notices)} 件".encode() in out
    code, out, _ = run(capsysbinary, "ledger", "import", str(old_run), "--ledger", ledger_url)
    assert code == 0 and "取り込み済み".encode() in out

    code, out, _ = run(capsysbinary, "runs", "--csv", "--ledger", ledger_url)
    rows = parse_csv(out)
    assert tuple(rows[0]) == RUNS_COLUMNS and len(rows) == 2
    run_row = dict(zip(RUNS_COLUMNS, rows[1]))
    assert run_row["status"] == "committed" and run_row["notices"] == str(len(notices))
    assert run_row["variant"] == "initial" and run_row["started_at"].startswith("2024-08-07")

    first = notices[0]
    key = f"{first['kigo']}-{first['bango']}-{first['edaban']}"
    code, out, _ = run(capsysbinary, "history", key, "--csv", "--ledger", ledger_url)
    rows = parse_csv(out)
    assert tuple(rows[0]) == HISTORY_COLUMNS
    doc = dict(zip(HISTORY_COLUMNS, rows[1]))
    assert (doc["kigo"], doc["bango"], doc["edaban"], doc["name"]) == (first["kigo"], first["bango"], first["edaban"], first["name"])
    assert (doc["document"], doc["file"], doc["page"], doc["status"]) == ("notice", first["file"], first["first_page"], "issued")
    code, out, _ = run(capsysbinary, "history", key, "--ledger", ledger_url)
    assert code == 0 and first["name"].encode() in out and "発行".encode() in out


def test_history_of_an_unknown_key_says_so_on_stderr(ledger_url, capsysbinary):
    code, out, err = run(capsysbinary, "history", "99-999999", "--ledger", ledger_url)
    assert (code, out) == (0, b"") and "ありません" in err
    code, out, err = run(capsysbinary, "history", "99", "--ledger", ledger_url)
    assert code == 2 and "記号-番号" in err


def test_void_a_member_and_an_unknown_run(ledger_url, old_run, capsysbinary):
    run(capsysbinary, "ledger", "import", str(old_run), "--ledger", ledger_url)
    first = manifest_notices(old_run)[0]
    key = f"{first['kigo']}-{first['bango']}-{first['edaban']}"
    code, out, _ = run(capsysbinary, "ledger", "void", "1", "--member", key, "--ledger", ledger_url)
    assert code == 0 and "1 件".encode() in out
    _, out, _ = run(capsysbinary, "history", key, "--csv", "--ledger", ledger_url)
    assert dict(zip(HISTORY_COLUMNS, parse_csv(out)[1]))["status"] == "voided"
    code, _, err = run(capsysbinary, "ledger", "void", "42", "--ledger", ledger_url)
    assert code == 2 and "実行番号 42" in err
    code, _, err = run(capsysbinary, "ledger", "resolve", "42", "--ledger", ledger_url)
    assert code == 2 and "実行番号 42" in err


def test_export_by_dates(ledger_url, old_run, capsysbinary, tmp_path):
    run(capsysbinary, "ledger", "import", str(old_run), "--ledger", ledger_url)
    out = tmp_path / "all.csv"
    assert run(capsysbinary, "ledger", "export", "--out", str(out), "--ledger", ledger_url)[0] == 0
    rows = parse_csv(out.read_bytes())
    assert tuple(rows[0]) == EXPORT_COLUMNS and len(rows) - 1 == len(manifest_notices(old_run))
    assert run(capsysbinary, "ledger", "export", "--out", str(out), "--from", "2024-08-08",
               "--ledger", ledger_url)[0] == 0
    assert len(parse_csv(out.read_bytes())) == 1
    assert run(capsysbinary, "ledger", "export", "--out", str(out), "--from", "2024-08-07", "--to", "2024-08-07",
               "--ledger", ledger_url)[0] == 0
    assert len(parse_csv(out.read_bytes())) - 1 == len(manifest_notices(old_run))
    code, _, err = run(capsysbinary, "ledger", "export", "--out", str(out), "--from", "8月", "--ledger", ledger_url)
    assert code == 2 and "YYYY-MM-DD" in err


def test_purge_asks_and_deletes_only_when_confirmed(ledger_url, old_run, capsysbinary, monkeypatch):
    run(capsysbinary, "ledger", "import", str(old_run), "--ledger", ledger_url)
    n = len(manifest_notices(old_run))
    code, out, _ = run(capsysbinary, "ledger", "purge", "--before", "2024-09-01", "--ledger", ledger_url,
                       stdin="n\n", monkeypatch=monkeypatch)
    assert code == 0 and f"書類 {n} 件".encode() in out and "削除しませんでした".encode() in out
    code, _, err = run(capsysbinary, "ledger", "purge", "--before", "2024-09-01", "--ledger", ledger_url,
                       stdin="", monkeypatch=monkeypatch)
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsysbinary, "ledger", "purge", "--before", "2024-08-07", "--yes", "--ledger", ledger_url)
    assert code == 0 and "何も削除していません".encode() in out  # issued on the 7th: not before it
    code, out, _ = run(capsysbinary, "ledger", "purge", "--before", "2024-09-01", "--ledger", ledger_url,
                       stdin="y\n", monkeypatch=monkeypatch)
    assert code == 0 and f"書類 {n} 件と実行 1 件を削除しました".encode() in out
    _, out, _ = run(capsysbinary, "runs", "--csv", "--ledger", ledger_url)
    assert len(parse_csv(out)) == 1


def test_a_folder_that_is_no_run_is_refused(ledger_url, tmp_path, capsysbinary):
    code, _, err = run(capsysbinary, "ledger", "import", str(tmp_path), "--ledger", ledger_url)
    assert code == 2 and "manifest.csv がありません" in err


def test_a_corrupt_ledger_file_gives_one_line_and_exit_2(tmp_path, capsysbinary):
    bad = tmp_path / "ledger.sqlite3"
    bad.write_bytes(b"not a database" * 200)
    code, out, err = run(capsysbinary, "runs", "--ledger", str(bad))
    assert code == 2 and out == b"" and err.count("\n") == 1 and "壊れている" in err


def test_a_newer_ledger_gives_one_line_and_exit_2_and_is_left_alone(ledger_url, make_book, tmp_path, capsysbinary):
    from print_engine.ledger import schema
    from print_engine.ledger.location import location_of
    from print_engine.ledger.store import open_ledger

    with open_ledger(location_of(ledger_url)) as led, led.writing() as conn:
        conn.execute(schema.version_table.update().values(version=schema.SCHEMA_VERSION + 1))
    code, out, err = run(capsysbinary, "runs", "--ledger", ledger_url)
    assert code == 2 and out == b"" and err.count("\n") == 1 and "新しい版" in err
    out_dir = tmp_path / "out"
    code, _, err = run(capsysbinary, "batch", str(SAMPLE), "--out", str(out_dir), "--ledger", ledger_url)
    assert code == 2 and "新しい版" in err and not out_dir.exists()
