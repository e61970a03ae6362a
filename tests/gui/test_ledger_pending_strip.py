"""An interrupted run found at start: the message strip says so and offers 「確定処理」 and 「発行履歴…」.

A pending run that is still at work (here: held by this process, as by a
second window) is not interrupted: it is not offered, 確定処理 leaves it
pending, and the runs dialog shows it as 実行中 and refuses to settle it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from gui.ledger_dialog import RunsDialog
from gui.message_bar import MessageBar
from print_engine.ledger.location import location_of
from print_engine.ledger.recording import RunRecorder, file_sha256, run_info
from print_engine.ledger.store import open_ledger


def ledger():
    return open_ledger(location_of(os.environ["OSHIRASE_LEDGER"]))


def interrupted(led, output, complete: bool) -> int:
    """A pending run whose process died (its lock is gone); its folder is complete or missing."""
    rec = RunRecorder(led, run_info("export", "initial", output=str(output)))
    rec.start()
    if complete:
        output.mkdir()
        (output / "manifest.csv").write_bytes(b"\xef\xbb\xbffile\r\n")
        rec.record([], manifest_sha256=file_sha256(output / "manifest.csv"))
    rec.lock.release()  # as if its process had been killed
    return rec.run_id


def started_window(qtbot):
    from gui import create_main_window

    win = create_main_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: "確定していない実行" in win.message_bar.message(), timeout=10_000)
    return win


def test_the_strips_resolve_settles_every_interrupted_run_and_says_what_happened(qtbot, tmp_path):
    with ledger() as led:
        done = interrupted(led, tmp_path / "done", complete=True)
        lost = interrupted(led, tmp_path / "lost", complete=False)
        running = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "running")))
        running.start()  # still at work: its lock is held
        try:
            win = started_window(qtbot)
            bar = win.message_bar
            text = bar.message()
            assert f"実行番号 {done}, {lost}）" in text and f"実行番号 {running.run_id} は実行中" in text
            resolve = bar.findChild(QPushButton, "pendingResolveButton")
            assert resolve is not None and resolve.text() == "確定処理"
            assert bar.findChild(QPushButton, "pendingRunsButton").text() == "発行履歴…"

            qtbot.mouseClick(resolve, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "記録しました" in bar.message(), timeout=10_000)
            assert bar.message() == (f"実行番号 {done} を記録しました。"
                                     f"実行番号 {lost} は出力が揃っていないため取り消しました。")
            assert bar.kind == "info" and bar.buttons == []
            assert led.run(done)["status"] == "committed"
            assert led.run(lost)["status"] == "failed"
            assert led.run(running.run_id)["status"] == "pending"  # not touched
        finally:
            running.give_up("cancelled")
    win.close()


def test_the_strips_history_button_opens_the_runs_dialog_on_the_first_interrupted_run(qtbot, tmp_path):
    with ledger() as led:
        first = interrupted(led, tmp_path / "a", complete=False)
        interrupted(led, tmp_path / "b", complete=False)
    win = started_window(qtbot)
    qtbot.mouseClick(win.message_bar.findChild(QPushButton, "pendingRunsButton"), Qt.MouseButton.LeftButton)
    dialog = win.findChild(RunsDialog, "runsDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.selected_run() is not None, timeout=10_000)
    assert dialog.selected_run()["id"] == first  # not the newest, on the list's first row
    assert dialog.resolve_button.isEnabled()
    dialog.close()
    win.close()


def test_the_runs_dialog_shows_a_live_run_as_running_and_will_not_settle_it(qtbot, window, tmp_path):
    with ledger() as led:
        running = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "running")))
        running.start()
        try:
            dialog = window.ledger.open_runs_dialog(select=running.run_id)
            qtbot.waitUntil(lambda: dialog.selected_run() is not None, timeout=10_000)
            assert dialog.table.item(0, 2).text() == "実行中"
            assert not dialog.resolve_button.isEnabled()
            dialog.resolve_selected()  # as if it had been clicked anyway
            qtbot.waitUntil(lambda: "まだ実行中です" in dialog.status.text(), timeout=10_000)
            assert led.run(running.run_id)["status"] == "pending"
            dialog.close()
        finally:
            running.give_up("cancelled")


def test_a_messages_buttons_go_with_it(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    clicked = []
    bar.show_message("ある知らせ", "warning", actions=[("やる", lambda: clicked.append(1), "doIt"), ("別", lambda: None)])
    assert [b.text() for b in bar.buttons] == ["やる", "別"]
    qtbot.mouseClick(bar.findChild(QPushButton, "doIt"), Qt.MouseButton.LeftButton)
    assert clicked == [1]
    bar.show_message("次の知らせ", "info")
    assert bar.buttons == []
    bar.show_message("また", "warning", actions=[("やる", lambda: None, "doIt")])
    bar.clear()
    assert bar.buttons == [] and bar.message() == ""
