"""Each filter narrows the member table to exactly the right members."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from .conftest import SAMPLES

EXPECTED = json.loads((SAMPLES / "sample-expected.json").read_text(encoding="utf-8"))
ROWS = EXPECTED["rows"]


def shown_rows(win) -> list[int]:
    """Excel rows of the members the table shows, in display order."""
    model = win.table.model()
    return [int(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_employer_filter_typed_as_a_code(qtbot, sample_window):
    qtbot.keyClicks(sample_window.filters.employer.lineEdit(), "10")
    assert sorted(shown_rows(sample_window)) == sorted(r["row"] for r in ROWS if r["employer"] == "10")
    sample_window.filters.employer.setEditText("2001")
    assert sorted(shown_rows(sample_window)) == sorted(r["row"] for r in ROWS if r["employer"] == "2001")
    sample_window.filters.employer.setEditText("999")
    assert shown_rows(sample_window) == []


def test_affiliation_filter(sample_window):
    members = sample_window.session.loaded.members
    sample_window.filters.affiliation.setEditText("2")
    expected = sorted(m.row for m in members if m.affiliation == "2")
    assert expected and sorted(shown_rows(sample_window)) == expected
    sample_window.filters.employer.setEditText("10")
    assert sorted(shown_rows(sample_window)) == sorted(
        m.row for m in members if m.affiliation == "2" and m.employer_code == "10")


def test_status_filter_each_reason(sample_window):
    status = sample_window.filters.status
    for code in EXPECTED["reasons"]:
        status.setEditText(code)
        assert sorted(shown_rows(sample_window)) == sorted(r["row"] for r in ROWS if r["reason"] == code), code
    status.setEditText("RETURN")
    assert sorted(shown_rows(sample_window)) == sorted(r["row"] for r in ROWS if r["flag"] == "RETURN")
    status.setEditText("included")
    assert sorted(shown_rows(sample_window)) == sorted(r["row"] for r in ROWS if r["reason"] is None)
    status.setEditText("warning")
    assert sorted(shown_rows(sample_window)) == [w["row"] for w in EXPECTED["warnings"]["list"]]
    status.setEditText("error")
    assert shown_rows(sample_window) == []
    status.setEditText("対象外：個人番号なし")  # the Japanese label works as well as the code
    assert len(shown_rows(sample_window)) == EXPECTED["reasons"]["NO_MYNUMBER"]


def test_status_combo_items_are_codes_with_japanese_labels(sample_window):
    status = sample_window.filters.status
    codes = [status.itemText(i) for i in range(status.count())]
    assert {"included", "RETURN", "NO_MYNUMBER", "error", "warning"} <= set(codes)
    index = codes.index("NO_MYNUMBER")
    assert status.model().index(index, 1).data() == "対象外：個人番号なし"


def test_search_by_name_kana_and_number(qtbot, sample_window):
    members = {m.row: m for m in sample_window.session.loaded.members}
    target = members[15]  # 11-1010-00
    box = sample_window.filters.search
    box.insert(target.name.split("\u3000")[0])  # as an input method commits it (keyClicks is ASCII only)
    assert 15 in shown_rows(sample_window)
    assert all(target.name.split("\u3000")[0] in members[r].name for r in shown_rows(sample_window))
    box.clear()
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in target.kana.split()[0])
    box.setText(hiragana)  # typed in hiragana, found in katakana
    assert 15 in shown_rows(sample_window)
    box.setText("11-1010")
    household = sorted(r["row"] for r in ROWS if (r["kigo"], r["bango"]) == ("11", "1010"))
    assert sorted(shown_rows(sample_window)) == household
    box.setText("11-1010-00")
    assert shown_rows(sample_window) == [15]


def test_filters_combine_and_clear(sample_window):
    f = sample_window.filters
    f.employer.setEditText("10")
    f.status.setEditText("LOST_IN_WINDOW")
    expected = sorted(r["row"] for r in ROWS if r["employer"] == "10" and r["reason"] == "LOST_IN_WINDOW")
    assert sorted(shown_rows(sample_window)) == expected
    assert f"表示中 {len(expected)} 行" in sample_window.counts_label.text()
    f.clear()
    assert len(shown_rows(sample_window)) == 201


def test_clicking_an_employer_in_the_tree_filters_the_table(sample_window):
    root = sample_window.tree.topLevelItem(0)
    employer_10 = next(root.child(i) for i in range(root.childCount()) if root.child(i).text(0).startswith("10 "))
    sample_window.tree.setCurrentItem(employer_10)
    assert sample_window.filters.employer.currentText() == "10"
    assert sorted(shown_rows(sample_window)) == sorted(r["row"] for r in ROWS if r["employer"] == "10")
    sample_window.tree.setCurrentItem(root)
    assert len(shown_rows(sample_window)) == 201


def test_sorting_by_employer_is_numeric_aware_and_keeps_the_selection(sample_window):
    win = sample_window
    win.select_source_row(40)
    chosen = win.model.member(40).key
    win.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    codes = [win.table.model().index(r, 2).data() for r in range(win.table.model().rowCount())]
    order = ["1", "2", "10", "101", "2001"]
    assert sorted(codes, key=order.index) == codes
    assert win.model.member(win.current_source_row()).key == chosen
    win.filters.search.setText(win.model.member(40).name)
    assert win.model.member(win.current_source_row()).key == chosen  # still current after filtering


def test_reload_keeps_the_filters_and_the_selected_member(qtbot, sample_window):
    win = sample_window
    win.filters.employer.setEditText("101")
    before = shown_rows(win)
    win.select_source_row(win.proxy.source_rows()[2])
    chosen = win.model.member(win.current_source_row()).key
    with qtbot.waitSignal(win.session.workbook_loaded, timeout=30_000):
        win.actions.reload.trigger()
    assert win.filters.employer.currentText() == "101"
    assert shown_rows(win) == before
    assert win.model.member(win.current_source_row()).key == chosen
