"""Month by month with the ledger (both backends): initial run, new members and a changed name, a reissue.

Each month's ``batch`` must record exactly the documents it printed, and
``--unissued`` must print exactly who still needs one.
"""

from __future__ import annotations

import csv
from pathlib import Path

from print_engine.cli.main import main as cli_main
from print_engine.ledger.location import location_of
from print_engine.ledger.store import open_ledger

from ..conftest import row


def manifest_keys(out: Path) -> list[str]:
    with (out / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        return [f"{r['kigo']}-{r['bango']}-{r['edaban']}" for r in csv.DictReader(fh) if r["document"] == "notice"]


def excluded_reasons(out: Path) -> dict[str, str]:
    with (out / "excluded.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {f"{r['kigo']}-{r['bango']}-{r['edaban']}": r["reason_code"] for r in csv.DictReader(fh)}


def ledger_keys(url: str, run_id: int) -> list[str]:
    with open_ledger(location_of(url)) as led:
        docs = [d for d in led.documents_between(None, None) if d["run_id"] == run_id]
    return sorted(d["member_key"] for d in docs)


MONTH1 = [
    row(kigo="10", bango="100", edaban="00", name="試験 太郎"),
    row(kigo="10", bango="100", edaban="01", kubun="家族", name="試験 花子", kana="シケン ハナコ"),
    row(kigo="10", bango="101", edaban="00", name="見本 一郎", kana="ミホン イチロウ"),
    row(employer=2, name_e="見本工業", kigo="20", bango="200", edaban="00", name="例題 次郎", kana="レイダイ ジロウ"),
]
MONTH2 = [
    *MONTH1[:2],
    row(kigo="10", bango="101", edaban="00", name="見本 市郎", kana="ミホン イチロウ"),  # name changed
    MONTH1[3],
    row(kigo="10", bango="100", edaban="02", kubun="家族", name="試験 三郎", kana="シケン サブロウ"),  # new dependent
    row(employer=2, name_e="見本工業", kigo="20", bango="201", edaban="00", name="新規 四郎", kana="シンキ シロウ"),
]


def test_month_by_month(ledger_url, make_book, tmp_path, capsys):
    book1, book2 = make_book(MONTH1), make_book(MONTH2)
    out1, out2, out3 = tmp_path / "m1", tmp_path / "m2", tmp_path / "m3"

    assert cli_main(["batch", str(book1), "--out", str(out1), "--ledger", ledger_url, "--workers", "1"]) == 0
    first = sorted(manifest_keys(out1))
    assert first == ["10-100-00", "10-100-01", "10-101-00", "20-200-00"]
    assert ledger_keys(ledger_url, 1) == first
    capsys.readouterr()

    assert cli_main(["check", str(book2), "--ledger", ledger_url]) == 0
    summary = capsys.readouterr().out
    assert "発行台帳で発行済み: 3" in summary and "前回から変更: 1" in summary

    assert cli_main(["batch", str(book2), "--out", str(out2), "--ledger", ledger_url, "--unissued",
                     "--workers", "1"]) == 0
    second = sorted(manifest_keys(out2))
    assert second == ["10-100-02", "10-101-00", "20-201-00"]
    assert ledger_keys(ledger_url, 2) == second
    reasons = excluded_reasons(out2)
    assert reasons == {"10-100-00": "ALREADY_ISSUED", "10-100-01": "ALREADY_ISSUED", "20-200-00": "ALREADY_ISSUED"}
    summary = capsys.readouterr().out
    assert "前回から変更: 1" in summary and "除外 ALREADY_ISSUED: 3" in summary

    assert cli_main(["batch", str(book2), "--out", str(out3), "--ledger", ledger_url, "--variant", "reissue",
                     "--member", "10-100-01", "--workers", "1"]) == 0
    assert manifest_keys(out3) == ["10-100-01"]
    assert ledger_keys(ledger_url, 3) == ["10-100-01"]
    with open_ledger(location_of(ledger_url)) as led:
        history = led.history("10", "100", "01")
        assert [(d["run_id"], d["variant"]) for d in history] == [(3, "reissue"), (1, "initial")]
        assert [r["status"] for r in led.runs()] == ["committed"] * 3
    capsys.readouterr()

    # A fourth month with nothing new prints nothing; a reissue cannot be --unissued.
    out4 = tmp_path / "m4"
    assert cli_main(["batch", str(book2), "--out", str(out4), "--ledger", ledger_url, "--unissued",
                     "--workers", "1"]) == 0
    assert manifest_keys(out4) == []
    assert cli_main(["batch", str(book2), "--out", str(tmp_path / "m5"), "--ledger", ledger_url, "--unissued",
                     "--variant", "reissue", "--member", "10-100-01"]) == 2
    assert "reissue" in capsys.readouterr().err
    assert not (tmp_path / "m5").exists()


def test_a_ledger_fault_stops_the_batch_before_anything_is_written(make_book, tmp_path, capsys):
    book = make_book(MONTH1)
    bad = tmp_path / "corrupt.sqlite3"
    bad.write_bytes(b"not a ledger at all" * 100)
    for ledger in (str(bad), "postgresql://oshirase:x@127.0.0.1:1/none", r"\\server\share\ledger.sqlite3"):
        out = tmp_path / "out"
        assert cli_main(["batch", str(book), "--out", str(out), "--ledger", ledger]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "台帳" in err, err
        assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
    assert bad.read_bytes() == b"not a ledger at all" * 100
    assert cli_main(["batch", str(book), "--out", str(tmp_path / "x"), "--no-ledger", "--unissued"]) == 2
    assert "--no-ledger" in capsys.readouterr().err
