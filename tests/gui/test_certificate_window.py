"""The window on the monthly sample: the member table says which document, the preview shows a certificate."""

from __future__ import annotations

import json

import pytest

from .conftest import load

SAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "resources" / "samples"
EXPECTED = json.loads((SAMPLES / "monthly-expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def monthly_window(qtbot):
    from gui import create_main_window, settings

    settings.write("profile/path", str(SAMPLES / "monthly.toml"))
    win = create_main_window()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    load(qtbot, win, SAMPLES / "monthly.xlsx")
    assert win.session.profile.issue.kind == "by-registration"
    yield win
    win.close()


def row_of(win, excel_row: int) -> int:
    return next(i for i, m in enumerate(win.model.members) if m.row == excel_row)


def first_row(document: str) -> int:
    return next(int(r) for r, o in EXPECTED["rows"].items() if o["reason"] is None and o["document"] == document)


def test_the_member_table_shows_each_members_document(monthly_window):
    win = monthly_window
    column = win.model.COLUMNS.index("document")
    assert win.model.headerData(column, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "書類"
    for excel_row, outcome in EXPECTED["rows"].items():
        text = win.model.data(win.model.index(row_of(win, int(excel_row)), column))
        want = "" if outcome["reason"] else {"notice": "お知らせ", "certificate": "資格確認書"}[outcome["document"]]
        assert text == want, excel_row


def test_the_preview_shows_the_certificate_front_and_back(monthly_window):
    win = monthly_window
    win.select_source_row(row_of(win, first_row("certificate")))
    pane = win.preview
    page = pane.current_page()
    assert page.kind == "certificate" and "資格確認書" in pane.page_label.text()
    member = win.model.member(win.current_source_row())
    assert member.number_label in page.text() and "有効期限" in page.text()
    pane.next_page()
    assert pane.current_page().kind == "certificate-back"
    assert "臓器提供に関する意思表示欄" in pane.current_page().text()
