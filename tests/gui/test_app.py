"""Starting the app: ``python main.py [WORKBOOK]`` goes through gui.app.run_app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

import gui

from .conftest import ROOT, SAMPLE


def test_main_py_opens_the_workbook_named_on_the_command_line(qtbot, monkeypatch):
    created = []
    real = gui.create_main_window

    def spy(workbook=None):
        window = real(workbook)
        qtbot.addWidget(window)
        created.append(window)
        return window

    monkeypatch.setattr(gui, "create_main_window", spy)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    sys.path.insert(0, str(ROOT))
    try:
        import main
    finally:
        sys.path.remove(str(ROOT))
    assert main.main([str(SAMPLE)]) == 0
    (window,) = created
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.session.loaded is not None, timeout=30_000)
    assert window.table.model().rowCount() == 201
    assert QApplication.instance().applicationName() == "Oshirase"
    window.close()


def test_the_factory_without_a_workbook_shows_an_empty_window(qtbot):
    window = gui.create_main_window()
    qtbot.addWidget(window)
    assert window.session.loaded is None
    assert window.table.model().rowCount() == 0
    assert "開いてください" in window.counts_label.text()
    assert not window.actions.print.isEnabled() and not window.actions.export_pdf.isEnabled()
