"""Operator traps in the window (issue 9, item 10): what an operator would not expect must not happen."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui import settings
from gui.print_dialog import PrintDialog
from gui.settings_dialog import SettingsDialog

from .conftest import SAMPLE


def test_the_print_dialog_offers_no_variant_or_order_the_preview_did_not_show(qtbot, sample_window):
    profile = sample_window.session.profile
    dialog = PrintDialog(profile, "pdf", {"all": "177 人", "checked": "2 事業所"}, "/tmp/x", sample_window)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.documents), "variantCombo") is None
    assert dialog.findChild(type(dialog.documents), "orderCombo") is None
    assert "initial" in dialog.variant.text()
    request = dialog.request()
    assert (request.variant, request.order) == (profile.run.variant, profile.run.order)


def test_the_print_dialog_starts_on_the_scope_it_is_given_when_available(qtbot, sample_window):
    profile = sample_window.session.profile
    counts = {"all": "177 人", "checked": "2 事業所", "filtered": None}
    for scope, expected in (("checked", "checked"), ("filtered", "all"), ("all", "all")):
        dialog = PrintDialog(profile, "pdf", counts, "/tmp/x", sample_window, scope=scope)
        qtbot.addWidget(dialog)
        assert dialog.request().scope == expected, scope


def test_the_tree_says_when_its_check_boxes_leave_part_of_the_run_out(sample_window):
    tree = sample_window.tree
    assert not tree.selects_part()
    first = tree._root.child(0)
    first.setCheckState(0, Qt.CheckState.Unchecked)
    assert tree.selects_part()
    first.setCheckState(0, Qt.CheckState.Checked)
    assert not tree.selects_part()


class _Running:
    busy = True

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


def test_closing_during_a_print_run_asks_and_no_keeps_the_window(qtbot, sample_window, monkeypatch):
    asked = []
    answer = {"value": QMessageBox.StandardButton.No}

    def question(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return answer["value"]

    monkeypatch.setattr(QMessageBox, "question", question)
    run = _Running()
    sample_window.actions.runs = run
    sample_window.close()
    assert asked and "印刷" in asked[0]
    assert sample_window.isVisible() and not run.cancelled
    answer["value"] = QMessageBox.StandardButton.Yes
    sample_window.close()
    assert not sample_window.isVisible() and run.cancelled
    sample_window.actions.runs = None


def test_closing_without_a_run_does_not_ask(qtbot, sample_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    sample_window.close()
    assert not sample_window.isVisible()


def test_escape_in_the_settings_asks_before_discarding_edits(qtbot, sample_window, monkeypatch):
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog = SettingsDialog(sample_window.session, sample_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing edited: closes without asking
    assert not dialog.isVisible()

    dialog = SettingsDialog(sample_window.session, sample_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.fields["insurer.phone"].setText("03-1111-2222")
    answers.append(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.form.fields["insurer.phone"].text() == "03-1111-2222"
    answers.append(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert sample_window.session.profile.insurer.phone != "03-1111-2222"
    assert answers == []


def test_the_recent_files_menu_never_waits_for_an_offline_share(qtbot, window, monkeypatch, tmp_path):
    offline = str(tmp_path / "offline-share" / "台帳.xlsx")
    missing = str(tmp_path / "gone.xlsx")
    settings.write("files/recent", [offline, str(SAMPLE.resolve()), missing])
    real_is_file = Path.is_file

    def slow_is_file(self):
        if str(self) == offline:
            time.sleep(3.0)  # an SMB time-out
            return False
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", slow_is_file)
    actions = window.actions
    started = time.perf_counter()
    actions.update_recent_menu()
    assert time.perf_counter() - started < 0.5  # the menu is there at once
    entries = actions.recent_menu.actions()
    assert [a.data() for a in entries] == [offline, str(SAMPLE.resolve()), missing]
    assert all(a.isEnabled() for a in entries)
    qtbot.waitUntil(lambda: not entries[2].isEnabled(), timeout=10_000)  # checked in the background
    assert "見つかりません" in entries[2].text() and entries[1].isEnabled()
    assert not entries[0].isEnabled()  # the offline share answered "no" in the end


def test_re_planning_after_the_settings_change_runs_on_a_worker(qtbot, sample_window, monkeypatch):
    """The window stays responsive while a large run is re-planned; a superseded plan is dropped."""
    from dataclasses import replace

    import gui.session as session_module

    real = session_module.plan_for_view

    def slow(loaded, profile, issue_date):
        time.sleep(0.8)  # as 300,000 members would take
        return real(loaded, profile, issue_date)

    monkeypatch.setattr(session_module, "plan_for_view", slow)
    s = sample_window.session
    old_plan = s.plan
    started = time.perf_counter()
    first = replace(s.profile, run=replace(s.profile.run, variant="new-members"))
    s.set_profile(first)
    second = replace(s.profile, run=replace(s.profile.run, variant="initial", order="number"))
    with qtbot.waitSignal(s.plan_changed, timeout=30_000):
        s.set_profile(second)
        assert time.perf_counter() - started < 0.5  # the GUI thread did not plan
        assert s.plan is old_plan  # the view keeps the plan it shows until the new one is ready
    qtbot.waitUntil(lambda: s.replan_job is None or not s.replan_job.running, timeout=30_000)
    assert s.plan.profile is second and s.counts["NOT_IN_PERIOD"] == 0  # the first (new-members) was dropped


def test_the_print_dialog_opens_on_the_tree_s_checked_scope(qtbot, sample_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    seen = []

    def capture(self):
        seen.append(self.request().scope)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PrintDialog, "exec", capture)
    sample_window.actions.print.trigger()
    sample_window.tree._root.child(0).setCheckState(0, Qt.CheckState.Unchecked)
    sample_window.actions.export_pdf.trigger()
    assert seen == ["all", "checked"]


def test_a_run_disables_the_actions_until_it_ends(qtbot, sample_window, monkeypatch, tmp_path):
    from .dialogs import answer_print_dialog, controller

    answer_print_dialog(monkeypatch, "pdf", out_dir=tmp_path / "out")
    runs = controller(sample_window)
    actions = sample_window.actions
    with qtbot.waitSignal(runs.run_finished, timeout=120_000):
        actions.export_pdf.trigger()
        assert runs.busy and not actions.print.isEnabled() and not actions.settings.isEnabled()
    qtbot.waitUntil(lambda: actions.print.isEnabled(), timeout=10_000)
