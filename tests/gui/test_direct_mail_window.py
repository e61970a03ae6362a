"""The window shows the mailed group: 「自宅送付」 in the tree, as a filter, and in the preview."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from print_engine import GROUP_CODE, BarCode

from .conftest import SAMPLES, load

EXPECTED = json.loads((SAMPLES / "sample-mail-expected.json").read_text(encoding="utf-8"))


def mail_window(qtbot, window):
    window.session.load_profile_file(SAMPLES / "sample-mail.toml")
    load(qtbot, window, SAMPLES / "sample-mail.xlsx")
    return window


def group_item(tree):
    root = tree.topLevelItem(0)
    return next(root.child(i) for i in range(root.childCount()) if root.child(i).text(0) == "自宅送付")


def test_tree_shows_the_group_last_with_its_counts(qtbot, window):
    win = mail_window(qtbot, window)
    root = win.tree.topLevelItem(0)
    item = group_item(win.tree)
    assert root.indexOfChild(item) == root.childCount() - 1
    assert (item.text(1), item.text(2), item.text(3)) == (
        str(EXPECTED["mailed_envelopes"]), str(EXPECTED["mailed_notices"]), "郵送")
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert root.text(1) == str(EXPECTED["envelopes"])  # the run's total includes the group
    full, _ = win.tree.checked_scope()
    assert GROUP_CODE not in full


def test_selecting_the_group_filters_the_table_to_mailed_members(qtbot, window):
    win = mail_window(qtbot, window)
    win.tree.setCurrentItem(group_item(win.tree))
    model = win.table.model()
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert len(shown) == EXPECTED["mailed_notices"]
    members = {str(m.row): m for m in win.session.loaded.members}
    households = {f"{members[r].kigo}-{members[r].bango}" for r in shown}
    assert households == set(EXPECTED["mailed_order"])


def test_preview_of_a_mailed_insured_shows_the_address_and_the_barcode(qtbot, window):
    win = mail_window(qtbot, window)
    session = win.session
    member = next(m for m in session.loaded.members if (m.kigo, m.bango, m.edaban) == ("11", "1003", "00"))
    envelope, shipment = session.placement(member)
    page = session.page_maker().notice(member, envelope, shipment)
    assert "〒100-0013" in page.text() and "高橋 三郎 様" in page.text()
    assert sum(isinstance(p, BarCode) for p in page.variable) == 1


def test_a_mailed_household_without_postal_code_is_in_the_problems_panel(qtbot, window, tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(SAMPLES / "sample-mail.xlsx")
    ws = wb.active
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if (row[header.index("記号")].value, row[header.index("番号")].value) == ("9000", "3"):
            row[header.index("郵便番号")].value = ""
    book = tmp_path / "book.xlsx"
    wb.save(book)
    window.session.load_profile_file(SAMPLES / "sample-mail.toml")
    load(qtbot, window, book)
    codes = [p.code for p in window._problems()]
    assert codes.count("MAIL_POSTAL_CODE") == 1
    assert group_item(window.tree).text(1) == str(EXPECTED["mailed_envelopes"] - 1)
