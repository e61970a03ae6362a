"""The window opens the member master in every format: the open dialog offers them, drops accept them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from .conftest import SAMPLES, load

FORMATS = SAMPLES / "formats"


def test_open_dialog_offers_every_format_and_opens_a_csv(qtbot, window, monkeypatch):
    seen = {}

    def fake_dialog(parent, title, start, filters):
        seen["filters"] = filters
        return str(FORMATS / "sample-members-cp932.csv"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_dialog))
    with qtbot.waitSignal(window.session.workbook_loaded, timeout=30_000):
        window.actions.open_dialog()
    first = seen["filters"].split(";;")[0]
    for pattern in ("*.xlsx", "*.xlsm", "*.xls", "*.xlsb", "*.ods", "*.csv", "*.tsv", "*.txt"):
        assert pattern in first.split("(", 1)[1].rstrip(")").split(), pattern
    assert window.table.model().rowCount() == 201
    assert "Shift_JIS（CP932）と判定" in window.message_bar.message()


@pytest.mark.parametrize("name", ["sample.ods", "sample.xls", "sample.xlsb", "sample-members-utf8.csv"])
def test_dropping_any_format_opens_it(qtbot, window, name):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FORMATS / name))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted(), name
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.session.workbook_loaded, timeout=30_000):
        window.dropEvent(drop)
    assert window.table.model().rowCount() == 201


def test_a_pdf_is_not_accepted_as_a_drop(window, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_a_pdf_renamed_csv_says_what_it_is_in_the_message_strip(qtbot, window, tmp_path):
    fake = tmp_path / "members.csv"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    load(qtbot, window, fake)
    assert window.message_bar.kind == "error"
    assert "中身は PDF ファイル" in window.message_bar.message()
    assert window.session.loaded is None


def test_settings_dialog_forces_the_csv_encoding(qtbot, sample_window, tmp_path):
    import shutil

    from gui.settings_dialog import SettingsDialog
    from print_engine.profile.loading import default_profile_path, load_profile

    profile_file = tmp_path / "profile.toml"
    shutil.copy(default_profile_path(), profile_file)
    sample_window.session.load_profile_file(profile_file)
    dialog = SettingsDialog(sample_window.session, sample_window)
    qtbot.addWidget(dialog)
    combo = dialog.form.fields["sheet.encoding"]
    assert combo.currentData() == "auto"
    combo.setCurrentIndex(combo.findData("cp932"))
    assert dialog.save() is True
    assert load_profile(profile_file).sheet.encoding == "cp932"
    assert 'encoding = "cp932"' in profile_file.read_text(encoding="utf-8")
