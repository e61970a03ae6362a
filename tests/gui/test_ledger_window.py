"""The ledger in the window: pending-run message, history pane, runs dialog, proof mode."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from print_engine.cli.main import main as cli_main
from print_engine.ledger.location import location_of
from print_engine.ledger.recording import RunRecorder, run_info
from print_engine.ledger.store import open_ledger

from .conftest import SAMPLE, load


def ledger():
    return open_ledger(location_of(os.environ["OSHIRASE_LEDGER"]))


def imported_sample(tmp_path: Path) -> Path:
    """The sample's run folder entered into the window's ledger (``ledger import``)."""
    out = tmp_path / "run"
    assert cli_main(["batch", str(SAMPLE), "--out", str(out), "--no-ledger", "--workers", "1"]) == 0
    assert cli_main(["ledger", "import", str(out)]) == 0
    return out


def test_a_pending_run_is_reported_at_start(qtbot, tmp_path):
    from gui import create_main_window

    with ledger() as led:
        interrupted = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "gone")))
        interrupted.start()
        interrupted.lock.release()  # as if its process had died
    win = create_main_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: "確定していない実行" in win.message_bar.message(), timeout=10_000)
    assert "発行履歴" in win.message_bar.message()
    win.close()


def test_history_pane_shows_the_selected_members_documents(qtbot, window, tmp_path):
    imported_sample(tmp_path)
    load(qtbot, window, SAMPLE)
    window.select_source_row(0)
    member = window.model.member(window.current_source_row())
    pane = window.ledger.pane
    with ledger() as led:
        expected = len(led.history(member.kigo, member.bango, member.edaban))
    qtbot.waitUntil(lambda: member.name in pane.title.text(), timeout=10_000)
    assert pane.table.rowCount() == expected
    if expected:
        assert pane.table.item(0, 4).text() == member.name


def test_runs_dialog_resolves_and_voids(qtbot, window, tmp_path, monkeypatch):
    imported_sample(tmp_path)
    with ledger() as led:
        pending = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "gone")))
        pending.start()
        pending.lock.release()  # as if its process had died
    dialog = window.ledger.open_runs_dialog()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert dialog.table.item(0, 2).text() == "未確定"
    dialog.select_run(pending.run_id)
    assert dialog.resolve_button.isEnabled()
    dialog.resolve_selected()
    qtbot.waitUntil(lambda: "取り消しました" in dialog.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "失敗", timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.select_run(1)
    dialog.void_selected()
    qtbot.waitUntil(lambda: "取り消しました" in dialog.status.text() and "件" in dialog.status.text(), timeout=10_000)
    with ledger() as led:
        assert {d["status"] for d in led.documents_between(None, None)} == {"voided"}
    dialog.close()


def test_runs_dialog_exports_and_purges(qtbot, window, tmp_path):
    out = imported_sample(tmp_path)
    dialog = window.ledger.open_runs_dialog()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    csv_path = tmp_path / "export.csv"
    dialog.export_to(str(csv_path))
    qtbot.waitUntil(lambda: "書き出しました" in dialog.status.text(), timeout=10_000)
    notices = sum(1 for line in (out / "manifest.csv").read_text(encoding="utf-8-sig").splitlines() if ",notice," in line)
    assert len(csv_path.read_text(encoding="utf-8-sig").splitlines()) == notices + 1
    from datetime import date

    dialog.purge_before(date(2024, 9, 1), confirm=lambda text: "削除します" in text)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
    assert f"書類 {notices} 件と実行 1 件" in dialog.status.text()
    dialog.close()


def test_proof_mode_records_nothing_and_is_not_remembered(qtbot, window):
    assert window.ledger.location() is not None
    window.ledger.proof_action.setChecked(True)
    assert window.ledger.location() is None
    assert "記録しません" in window.statusBar().currentMessage()
    names = [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]
    assert "ledgerRunsAction" in names and "proofAction" in names


def test_status_filter_by_ledger_state(qtbot, window, tmp_path):
    out = imported_sample(tmp_path)
    load(qtbot, window, SAMPLE)
    model = window.model
    qtbot.waitUntil(lambda: len(model.ledger_states) == len(model.members), timeout=15_000)
    issued = sum(1 for line in (out / "manifest.csv").read_text(encoding="utf-8-sig").splitlines() if ",notice," in line)
    assert model.ledger_states.count("issued") == issued
    window.proxy.set_filter(status="発行済")
    assert window.proxy.rowCount() == issued
    window.proxy.set_filter(status="未発行")
    assert window.proxy.rowCount() == len(model.members) - issued
    window.proxy.set_filter(status="前回から変更")
    assert window.proxy.rowCount() == 0


def test_export_and_printing_record_and_a_proof_does_not(qtbot, sample_window, monkeypatch, tmp_path):
    from .test_export import export
    from .test_print import print_run

    export(qtbot, sample_window, monkeypatch, tmp_path / "gui")
    notices = sum(1 for line in (tmp_path / "gui" / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()
                  if ",notice," in line)
    with ledger() as led:
        [run] = led.runs()
        assert (run["status"], run["kind"], run["notices"]) == ("committed", "export", notices)
        assert led.document_count(run["id"]) == notices
    qtbot.waitUntil(lambda: sample_window.model.ledger_states.count("issued") == notices, timeout=15_000)

    sample_window.ledger.proof_action.setChecked(True)
    export(qtbot, sample_window, monkeypatch, tmp_path / "proof")
    assert (tmp_path / "proof" / "manifest.csv").is_file()
    with ledger() as led:
        assert len(led.runs()) == 1  # the proof was not recorded

    sample_window.ledger.proof_action.setChecked(False)
    print_run(qtbot, sample_window, monkeypatch, tmp_path / "print.pdf")
    with ledger() as led:
        printed = led.runs()[0]
        assert (printed["status"], printed["kind"], printed["notices"]) == ("committed", "printer", notices)
        files = {d["file"] for d in led.documents_between(None, None) if d["run_id"] == printed["id"]}
        assert len(files) == 5  # one print job per employer
