"""The bundled sample workbooks, checked as files (openpyxl only, no engine).

The engine is compared with ``sample-expected.json`` elsewhere; these tests
make sure the files say what the README and the expected JSON claim, that
they are in sync with their generator, and that ``tools.synth`` writes what
it is asked for.
"""

from __future__ import annotations

import json
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reportlab.pdfbase.ttfonts import TTFontFile

from tools.make_samples import make_samples
from tools.synth import write_large_workbook
from tools.synth_values import mynumber_check_digit

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
FONTS = ROOT / "resources" / "fonts"
KNOWN_HEADERS = {
    "事業所コード", "事業所番号", "事業所CD", "事業所名", "事業所名称", "所属コード", "所属", "所属CD",
    "所属番号", "記号", "被保険者記号", "番号", "被保険者番号", "枝番", "枝番号", "本人家族区分",
    "続柄区分", "被保険者区分", "区分", "氏名", "漢字氏名", "氏名(漢字)", "フリガナ", "カナ氏名",
    "氏名(カナ)", "生年月日", "資格取得年月日", "資格取得日", "取得年月日", "取得処理日",
    "資格取得処理日", "取得届受付日", "資格喪失年月日", "資格喪失日", "喪失年月日", "扶養削除日",
    "喪失処理日", "喪失届受付日", "喪失登録日", "個人番号下4桁", "マイナンバー下4桁", "個人番号",
    "負担割合", "郵便番号", "〒", "住所", "住所1",
}
SPEC_TEXT_DATES = {
    "2024/6/30", "2024-06-30", "2024.6.30", "20240630", "令和6年6月30日", "令和元年5月1日",
    "R6.6.30", "R06/06/30", "H10.8.1", "平成10年8月1日", "S60.1.1", "昭和60年1月1日",
}


def header_key(value: object) -> str:
    return "".join(unicodedata.normalize("NFKC", str(value)).split()) if value is not None else ""


def code_text(value: object) -> str:
    """What the spec makes of a code cell (enough for these checks)."""
    if isinstance(value, (int, float)):
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value or "")).strip()


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SAMPLES / "sample-expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def errors_expected() -> dict:
    return json.loads((SAMPLES / "sample-errors-expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def member_sheet(expected):
    wb = load_workbook(SAMPLES / "sample.xlsx")
    return wb[expected["member_sheet"]]


@pytest.fixture(scope="module")
def columns(member_sheet, expected) -> dict[str, int]:
    """Header text as written → column index of the member sheet."""
    row = expected["header_row"]
    return {c.value: c.column for c in member_sheet[row] if c.value is not None}


def test_every_sample_file_exists():
    for name in ("sample.xlsx", "sample-errors.xlsx", "sample-expected.json",
                 "sample-errors-expected.json", "README.md", "broken/not-excel.xlsx",
                 "broken/truncated.xlsx", "broken/missing-column.xlsx"):
        assert (SAMPLES / name).is_file(), name


def test_hidden_sheet_precedes_the_member_sheet_and_looks_like_a_header():
    wb = load_workbook(SAMPLES / "sample.xlsx")
    first, second = wb.worksheets[0], wb.worksheets[1]
    assert first.sheet_state == "hidden"
    assert second.sheet_state == "visible" and second.title == "加入者一覧"
    known = [c.value for row in first.iter_rows() for c in row if header_key(c.value) in KNOWN_HEADERS]
    assert len(known) >= 3, "the hidden sheet must be a trap: it has a header-like row"
    assert "事業所" in wb.sheetnames


def test_header_row_is_the_first_with_three_known_headers_and_not_in_column_a(member_sheet, expected):
    found = None
    for row in member_sheet.iter_rows(min_row=1, max_row=20):
        if sum(header_key(c.value) in KNOWN_HEADERS for c in row) >= 3:
            found = row[0].row
            break
    assert found == expected["header_row"] == 4
    header = [c for c in member_sheet[found] if c.value is not None]
    assert header[0].column_letter == expected["header_first_column"] == "B"
    assert all(member_sheet.cell(row=r, column=1).value is None for r in range(1, member_sheet.max_row + 1))
    assert {"被保険者記号", "氏名（カナ）", "資格取得日"} <= {c.value for c in header}


def test_expected_rows_are_exactly_the_non_empty_data_rows(member_sheet, expected, columns):
    fields = [col for text, col in columns.items() if text != "備考"]
    non_empty = {
        r for r in range(expected["header_row"] + 1, member_sheet.max_row + 1)
        if any(member_sheet.cell(row=r, column=c).value not in (None, "") for c in fields)
    }
    assert non_empty == {row["row"] for row in expected["rows"]}
    assert len(non_empty) == expected["members_rows"]
    for blank in expected["blank_rows"]:
        assert blank not in non_empty and expected["header_row"] < blank < member_sheet.max_row


def test_expected_keys_match_the_cells(member_sheet, expected, columns):
    for row in expected["rows"]:
        cell = lambda header: member_sheet.cell(row=row["row"], column=columns[header]).value  # noqa: E731
        assert code_text(cell("被保険者記号")) == row["kigo"]
        assert code_text(cell("番号")) == row["bango"]
        assert code_text(cell("事業所コード")) == row["employer"]
        assert code_text(cell("枝番")).zfill(2) == row["edaban"]


def test_totals_are_consistent(expected):
    assert sum(expected["notices_per_employer"].values()) == expected["included"]
    assert sum(expected["envelopes_per_employer"].values()) == expected["envelopes"]
    assert len(expected["containers"]) == expected["employers_with_envelope"] == 5
    assert sum(expected["reasons"].values()) + expected["included"] == expected["members_rows"]
    included = [r for r in expected["rows"] if r["reason"] is None]
    assert len(included) == expected["included"]
    assert sum(r["flag"] == "RETURN" for r in included) == expected["return_notices"]
    for code, n in expected["envelopes_per_employer"].items():
        assert expected["containers"][code] == ("段ボール" if n > 10 else "封筒")
    assert sorted(expected["containers"].values()).count("段ボール") == 1
    assert expected["envelopes_per_employer"]["101"] == 10, "the 封筒 boundary case"
    assert expected["errors"] == 0
    assert expected["warnings"]["count"] == len(expected["warnings"]["list"])


def test_every_rule_and_flag_is_exercised(expected):
    assert all(n > 0 for n in expected["reasons"].values())
    assert expected["return_envelopes"] > 0
    envelopes = [e for es in expected["envelope_order"].values() for e in es]
    assert any(e["fuyo_sakujo"] for e in envelopes)
    assert expected["new_members_candidates"]
    assert {w["kind"] for w in expected["warnings"]["list"]} == {
        "ERA_OUT_OF_SPAN", "NO_INSURED", "MYNUMBER_PADDED"}


def test_envelopes_hold_included_rows_of_one_household_insured_first(expected):
    rows = {r["row"]: r for r in expected["rows"]}
    seen: set[int] = set()
    for code, envelopes in expected["envelope_order"].items():
        for e in envelopes:
            members = [rows[n] for n in e["rows"]]
            assert all(m["reason"] is None and m["employer"] == code for m in members)
            assert {(m["kigo"], m["bango"]) for m in members} == {(e["kigo"], e["bango"])}
            assert [m["insured"] for m in members] == sorted((m["insured"] for m in members), reverse=True)
            assert e["return"] == all(m["flag"] == "RETURN" for m in members)
            seen.update(e["rows"])
    assert seen == {n for n, r in rows.items() if r["reason"] is None}
    assert sum(e["return"] for es in expected["envelope_order"].values() for e in es) == expected["return_envelopes"]


def test_affiliation_employer_groups_blank_last(expected):
    assert expected["pack_by_affiliation"] == ["10"]
    groups = [e["affiliation"] for e in expected["envelope_order"]["10"]]
    assert groups == ["1"] * groups.count("1") + ["2"] * groups.count("2") + ["10"] * groups.count("10") \
        + ["110"] * groups.count("110") + [""] * groups.count("")
    assert groups.count("") > 0
    wb = load_workbook(SAMPLES / "sample.xlsx")
    packing = {code_text(r[0]): r[2] for r in wb["事業所"].iter_rows(min_row=2, values_only=True)}
    assert packing == {"1": None, "2": None, "10": "○", "101": None, "2001": None}


def test_every_accepted_date_form_and_kubun_form_is_present(member_sheet, columns):
    date_cols = [columns[h] for h in ("生年月日", "資格取得日", "取得処理日", "資格喪失年月日", "喪失処理日")]
    values = [member_sheet.cell(row=r, column=c).value
              for r in range(5, member_sheet.max_row + 1) for c in date_cols]
    texts = {v for v in values if isinstance(v, str)}
    assert SPEC_TEXT_DATES <= texts
    assert any(any("０" <= ch <= "９" for ch in t) for t in texts), "full-width digits"
    assert "平成32年4月1日" in texts
    assert any(isinstance(v, int) and 10000 < v < 60000 for v in values), "serial numbers"
    kubun = {member_sheet.cell(row=r, column=columns["本人家族区分"]).value
             for r in range(5, member_sheet.max_row + 1)}
    assert {"本人", "被保険者", "1", 1, "家族", "被扶養者", "2", 2} <= kubun


def test_full_my_numbers_are_only_the_synthetic_ones(member_sheet, columns):
    col = columns["個人番号下4桁"]
    cells = [member_sheet.cell(row=r, column=col).value for r in range(5, member_sheet.max_row + 1)]
    long = sorted(code_text(v) for v in cells if v is not None and len(code_text(v)) > 4)
    assert long == ["111111111118", "123456789018"]
    assert all(mynumber_check_digit(n[:11]) == int(n[11]) for n in long)
    assert 123 in cells, "a number cell that lost its leading zero"


def _font_chars() -> set[int]:
    chars = None
    for name in ("ipaexg.ttf", "ipaexm.ttf"):
        cmap = set(TTFontFile(str(FONTS / name)).charToGlyph)
        chars = cmap if chars is None else chars & cmap
    return chars


def test_clean_names_are_drawable_and_errors_sample_has_one_gaiji(member_sheet, columns, errors_expected):
    drawable = _font_chars()
    for header in ("氏名", "氏名（カナ）", "事業所名"):
        for r in range(5, member_sheet.max_row + 1):
            value = member_sheet.cell(row=r, column=columns[header]).value or ""
            assert all(ord(ch) in drawable for ch in value), (r, value)
    ws = load_workbook(SAMPLES / "sample-errors.xlsx")[errors_expected["member_sheet"]]
    gaiji_rows = {c.row for row in ws.iter_rows(min_row=2) for c in row
                  if isinstance(c.value, str) and any(ord(ch) not in drawable for ch in c.value)
                  and c.data_type != "f"}
    expected_rows = {w["row"] for w in errors_expected["warnings"]["list"] if w["kind"] == "GAIJI"}
    assert gaiji_rows == expected_rows and len(expected_rows) == 1


def test_errors_sample_rows_and_held_households(errors_expected):
    ws = load_workbook(SAMPLES / "sample-errors.xlsx")[errors_expected["member_sheet"]]
    header = {c.value: c.column for c in ws[1]}
    error_rows = {e["row"] for e in errors_expected["errors"]}
    assert error_rows == set(errors_expected["invalid_rows"])
    assert all(e["column"] in header for e in errors_expected["errors"])
    households = defaultdict(set)
    for row in ws.iter_rows(min_row=2):
        households[(code_text(row[header["記号"] - 1].value), code_text(row[header["番号"] - 1].value))].add(row[0].row)
    held = {r for rows in households.values() if rows & error_rows for r in rows} - error_rows
    assert held == set(errors_expected["held_rows"])
    assert len(errors_expected["errors"]) > len(error_rows), "one row carries two errors"
    kinds = {e["kind"] for e in errors_expected["errors"]}
    assert {"INVALID_DATE", "INVALID_KUBUN", "INVALID_MYNUMBER", "DUPLICATE_KEY", "TWO_INSURED",
            "EMPLOYER_MISMATCH", "FORMULA_NO_VALUE", "REQUIRED_MISSING"} == kinds


def test_errors_sample_formula_has_no_cached_value(errors_expected):
    (formula,) = [e for e in errors_expected["errors"] if e["kind"] == "FORMULA_NO_VALUE"]
    path = SAMPLES / "sample-errors.xlsx"
    ws = load_workbook(path)[errors_expected["member_sheet"]]
    col = next(c.column for c in ws[1] if c.value == formula["column"])
    assert ws.cell(row=formula["row"], column=col).data_type == "f"
    cached = load_workbook(path, data_only=True)[errors_expected["member_sheet"]]
    assert cached.cell(row=formula["row"], column=col).value is None


def test_broken_files_are_broken_in_the_intended_way():
    broken = SAMPLES / "broken"
    assert not zipfile.is_zipfile(broken / "not-excel.xlsx")
    truncated = (broken / "truncated.xlsx").read_bytes()
    whole = (SAMPLES / "sample.xlsx").read_bytes()
    assert whole.startswith(truncated) and len(truncated) == len(whole) // 2
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(broken / "truncated.xlsx").testzip()
    header = {header_key(c.value) for c in load_workbook(broken / "missing-column.xlsx").active[1]}
    assert len(header & KNOWN_HEADERS) >= 3
    assert not header & {"資格取得年月日", "資格取得日", "取得年月日"}
    password = broken / "password.xlsx"
    if password.exists():
        assert password.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")


def _workbook_content(path: Path) -> list:
    """Sheets, their visibility and every cell value (not the zip bytes,
    which depend on the zlib and openpyxl builds)."""
    wb = load_workbook(path)
    return [(ws.title, ws.sheet_state, [tuple(r) for r in ws.iter_rows(values_only=True)])
            for ws in wb.worksheets]


def test_samples_are_in_sync_with_their_generator(tmp_path):
    make_samples(tmp_path)
    for name in ("sample-expected.json", "sample-errors-expected.json", "README.md",
                 "broken/not-excel.xlsx"):
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name
    for name in ("sample.xlsx", "sample-errors.xlsx", "broken/missing-column.xlsx"):
        assert _workbook_content(tmp_path / name) == _workbook_content(SAMPLES / name), name


def test_synth_writes_the_requested_counts(tmp_path):
    path = tmp_path / "big.xlsx"
    result = write_large_workbook(path, members=2000, employers=20, seed=3)
    wb = load_workbook(path, read_only=True)
    rows = list(wb["加入者一覧"].iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert len(data) == result["members"] == result["expected"]["members_rows"] == 2000
    assert len(header) == result["columns"] == 15
    col = {h: i for i, h in enumerate(header)}
    assert len({code_text(r[col["事業所コード"]]) for r in data}) == 20
    households = {(r[col["記号"]], code_text(r[col["番号"]])) for r in data}
    assert len(households) == result["households"]
    assert 2000 / 3 < result["households"] < 2000 / 2
    assert sum(1 for r in data if r[col["本人家族区分"]] in ("本人", "1")) == result["households"]
    assert len(list(wb["事業所"].iter_rows())) == 21
    exp = result["expected"]
    assert sum(exp["reasons"].values()) + exp["included"] == 2000
    assert all(n > 0 for n in exp["reasons"].values()) and exp["return_envelopes"] > 0
    wb.close()


def _read_rows(path: Path) -> list[tuple]:
    wb = load_workbook(path, read_only=True)
    try:
        return list(wb.active.iter_rows(values_only=True))
    finally:
        wb.close()


def test_synth_is_deterministic_and_can_drop_processing_dates(tmp_path):
    a = write_large_workbook(tmp_path / "a.xlsx", members=300, employers=5, seed=7)
    b = write_large_workbook(tmp_path / "b.xlsx", members=300, employers=5, seed=7,
                             processing_dates=False)
    rows_a, rows_b = _read_rows(tmp_path / "a.xlsx"), _read_rows(tmp_path / "b.xlsx")
    assert "取得処理日" in rows_a[0] and "取得処理日" not in rows_b[0] and len(rows_b[0]) == 13
    drop = [rows_a[0].index("取得処理日"), rows_a[0].index("喪失処理日")]
    assert [tuple(v for i, v in enumerate(r) if i not in drop) for r in rows_a] == rows_b
    assert a["households"] == b["households"]
