"""Japanese by default, the Qt way: tr(), a committed .ts, qtbase_ja for Qt's dialogs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from gui.app import i18n_dir, install_translators
from tools.update_ts import TS_FILE, collect, render


def test_the_committed_ts_file_is_complete_and_up_to_date():
    assert TS_FILE.read_text(encoding="utf-8") == render(collect()), "run: python -m tools.update_ts"
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "ja_JP"
    messages = root.findall(".//message")
    assert len(messages) > 200
    assert all((m.findtext("translation") or "").strip() for m in messages)
    assert not root.findall(".//translation[@type='unfinished']")


def test_every_module_with_widgets_translates_its_strings():
    contexts = collect()
    for name in ("MainWindow", "WindowActions", "PrintDialog", "SettingsDialog", "ProfileForm", "ReprintDialog",
                 "RunSummaryDialog", "PreviewPane", "FilterBar", "EmployerTree", "ProblemsPanel", "MemberStatus"):
        assert contexts.get(name), name


def test_qt_s_own_japanese_catalogue_is_installed(qapp):
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    probe = QTranslator()
    assert probe.load("qtbase_ja", folder)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() in ("キャンセル", "キャンセル(&C)")


def test_the_file_dialog_speaks_japanese(qtbot):
    dialog = QFileDialog(None, "開く")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [b.text() for b in dialog.findChildren(type(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Cancel)))]
    assert any("キャンセル" in text for text in labels)


def test_the_app_translation_builds_and_loads(tmp_path, qapp):
    from tools.build_qm import build

    shutil = pytest.importorskip("shutil")
    shutil.copy(TS_FILE, tmp_path / TS_FILE.name)
    (qm,) = build(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("WindowActions", "開く…") == "開く…"
    assert not translator.isEmpty()


def test_missing_qm_files_are_not_an_error(qapp, monkeypatch, tmp_path):
    import gui.app

    monkeypatch.setattr(gui.app, "i18n_dir", lambda: tmp_path)
    installed = install_translators(qapp)
    assert len(installed) >= 1  # qtbase_ja still comes from PySide6
    for t in installed:
        qapp.removeTranslator(t)
    assert i18n_dir().name == "i18n"


def test_the_main_window_is_japanese(window):
    assert window.actions.open.text() == "開く…"
    assert window.menuBar().actions()[0].text() == "ファイル(&F)"
    assert window.windowTitle() == "お知らせ印刷"
