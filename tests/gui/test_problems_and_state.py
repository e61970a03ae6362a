"""Jumping from a problem to its member; what the window remembers between sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui import create_main_window, settings

from .conftest import SAMPLE, SAMPLE_ERRORS, load


def test_double_clicking_a_problem_selects_its_member_even_behind_a_filter(qtbot, window):
    load(qtbot, window, SAMPLE_ERRORS)
    window.filters.employer.setEditText("503")  # hides the rows of the first errors
    view = window.problems.view
    first_error = next(i for i, p in enumerate(window.problems.model.problems) if p.is_error)
    problem = window.problems.model.problems[first_error]
    index = window.problems.model.index(first_error, 2)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert view.viewport().rect().contains(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    member = window.model.member(window.current_source_row())
    assert (member.sheet, member.row) == (problem.sheet, problem.row)
    assert window.filters.employer.currentText() == ""  # the filter that hid it was cleared
    assert window.table.hasFocus() or window.table.isVisible()


def test_problem_kind_filter(qtbot, window):
    load(qtbot, window, SAMPLE_ERRORS)
    panel = window.problems
    total = panel.model.rowCount()
    panel.kind.setCurrentIndex(panel.kind.findData("error"))
    errors = panel.model.rowCount()
    assert all(p.is_error for p in panel.model.problems)
    panel.kind.setCurrentIndex(panel.kind.findData("warning"))
    assert errors + panel.model.rowCount() == total
    assert not any(p.is_error for p in panel.model.problems)


def test_recent_files_and_geometry_are_kept(qtbot, window):
    load(qtbot, window, SAMPLE)
    assert settings.recent_files() == [str(SAMPLE.resolve())]
    recent = window.actions.recent_menu.actions()
    assert len(recent) == 1 and recent[0].data() == str(SAMPLE.resolve())
    window.resize(1500, 877)
    window.main_splitter.setSizes([330, 700, 470])
    sizes = window.main_splitter.sizes()
    size = window.size()
    assert (size.width(), size.height()) == (1500, 877)
    window.close()
    again = create_main_window()
    qtbot.addWidget(again)
    assert again.size() == size
    again.show()
    assert again.main_splitter.sizes() == sizes
    assert again.actions.recent_menu.isEnabled()
    with qtbot.waitSignal(again.session.workbook_loaded, timeout=30_000):
        again.actions.recent_menu.actions()[0].trigger()
    assert again.table.model().rowCount() == 201
    again.close()


def test_settings_reject_unknown_keys():
    import pytest

    with pytest.raises(KeyError):
        settings.write("window/nonsense", 1)
    with pytest.raises(KeyError):
        settings.read("window/nonsense")


def test_preview_zoom_and_outline_are_remembered(qtbot, window):
    window.preview.set_zoom("width")
    window.preview.set_outlines(True)
    window.close()
    assert settings.read("preview/zoom") == "width"
    assert settings.read("preview/show_window") is True
    again = create_main_window()
    qtbot.addWidget(again)
    assert again.preview.zoom.currentData() == "width"
    assert again.preview.outline.isChecked()
    again.close()


def test_a_broken_saved_profile_falls_back_to_the_default_with_a_message(qtbot, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[insurer]\nnumber = \"06134804\"\n", encoding="utf-8")
    settings.write("profile/path", str(broken))
    window = create_main_window()
    qtbot.addWidget(window)
    assert window.session.profile_path is None
    assert window.message_bar.kind == "warning"
    assert "insurer.number" in window.message_bar.message()


def test_busy_disables_the_run_actions_and_idle_enables_them(qtbot, sample_window):
    """set_busy(True) disables; set_busy(False) enables, unless a run is still going."""
    actions = sample_window.actions
    run_actions = (actions.print, actions.export_pdf, actions.reprint, actions.open, actions.settings)
    actions.set_busy(True)
    assert not any(a.isEnabled() for a in run_actions)
    actions.set_busy(False)
    assert all(a.isEnabled() for a in run_actions)

    class Running:
        busy = True

    class Loading:
        running = True

    saved, actions.runs = actions.runs, Running()
    try:
        actions.set_busy(False)  # a load ended while a print run goes on
        assert not any(a.isEnabled() for a in run_actions)
    finally:
        actions.runs = saved
    session = sample_window.session
    saved, session.job = session.job, Loading()
    try:
        actions.set_busy(False)  # a print run ended while a workbook loads
        assert not any(a.isEnabled() for a in run_actions)
    finally:
        session.job = saved
    actions.set_busy(False)
    assert actions.print.isEnabled()


def test_a_name_the_pages_would_cut_is_listed_in_the_problems_panel(qtbot, window, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["事業所コード", "事業所名", "記号", "番号", "枝番", "本人家族区分", "氏名", "資格取得年月日", "個人番号下4桁"])
    ws.append([1, "甲社", "10", "1", "00", "本人", "長" * 80, "2010/4/1", "1234"])
    ws.append([1, "甲社", "10", "2", "00", "本人", "短い 名前", "2010/4/1", "5678"])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    with qtbot.waitSignal(window.run_warnings.ready, timeout=30_000):
        load(qtbot, window, path)
    panel = window.problems
    cut = [p for p in panel.model.all_problems if p.code == "TEXT_OVERFLOW"]
    assert {(p.row, p.column) for p in cut} == {(2, "氏名")} and len(cut) == 2  # the notice and the list
    assert "警告 2 件" in panel.title.text()
    assert "枠に収まらず" in window.message_bar.message()
