"""Reading the member workbook as it really arrives (members-workbook.md)."""

from datetime import date
from pathlib import Path

import pytest

from print_engine.model import Reason
from print_engine.plan.run import Cancelled, load_members, plan_run
from print_engine.profile.schema import RunProfile, SheetSettings
from print_engine.read.workbook import WorkbookError

from .conftest import HEADERS, row

PROFILE = RunProfile()


def load(path, profile=PROFILE, **kw):
    return load_members(path, profile, **kw)


def test_header_below_title_lines_and_not_in_column_a(make_book):
    path = make_book([row()], above=[["加入者台帳 出力"], ["2024/07/01 作成"], []], col_offset=2)
    wb = load(path)
    (m,) = wb.members
    assert (m.row, m.kigo, m.bango, m.edaban, m.name) == (5, "10", "100", "00", "試験 太郎")


def test_header_aliases_after_nfkc_and_spaces(make_book):
    headers = ["事業所番号", "事業所名称", "所属", "被保険者記号", "被保険者番号", "枝番号", "続柄区分",
               "氏 名", "氏名(カナ)", "資格取得日", "扶養削除日", "マイナンバー下4桁"]
    wb = load(make_book([row()], headers=headers))
    assert wb.members[0].name == "試験 太郎"
    assert wb.labels["name"] == "氏 名"


def test_missing_required_column_is_one_clear_error(make_book):
    headers = [h for h in HEADERS if h != "資格取得年月日"]
    r = row()
    del r[9]
    with pytest.raises(WorkbookError) as info:
        load(make_book([r], headers=headers))
    msg = info.value.message
    assert "資格取得年月日" in msg and "資格取得日" in msg and "取得年月日" in msg
    assert "1行目" in msg


def test_hidden_sheet_is_skipped_unless_named(make_book):
    hidden = [HEADERS, row(name="隠し 行")]
    path = make_book([row()], extra_sheets=[("隠し", "hidden", hidden)])
    assert load(path).members[0].name == "試験 太郎"
    named = RunProfile(sheet=SheetSettings(name="隠し"))
    assert load(path, named).members[0].name == "隠し 行"


def test_named_sheet_that_does_not_exist(make_book):
    with pytest.raises(WorkbookError, match="シート「なし」がありません"):
        load(make_book([row()]), RunProfile(sheet=SheetSettings(name="なし")))


def test_codes_stored_as_numbers_fullwidth_and_edaban_padding(make_book):
    wb = load(make_book([row(employer=12.0, kigo=1234.0, bango="１２３４５６７８ ", edaban=1)]))
    m = wb.members[0]
    assert (m.employer_code, m.kigo, m.bango, m.edaban) == ("12", "1234", "12345678", "01")


def test_profile_widths_restore_lost_zeros(make_book):
    profile = RunProfile(sheet=SheetSettings(widths={"bango": 8}))
    wb = load(make_book([row(bango=345.0)]), profile)
    assert wb.members[0].bango == "00000345"


def test_inconsistent_widths_warn_once_per_employer_and_field(make_book):
    rows = [row(bango="00000100"), row(bango="101"), row(bango="102")]
    wb = load(make_book(rows))
    width = [w for w in wb.warnings if w.code == "WIDTH_MISMATCH"]
    assert len(width) == 1 and width[0].column == "番号"


def test_blank_rows_are_skipped_and_row_numbers_stay_excel_rows(make_book):
    wb = load(make_book([row(bango="1"), None, [None] * 12, row(bango="2")]))
    assert [m.row for m in wb.members] == [2, 5]


def test_half_width_kana_is_folded_and_names_are_kept_exactly(make_book):
    wb = load(make_book([row(name="髙橋 ﾀﾛｳ", kana="ﾀｶﾊｼ ﾀﾛｳ")]))
    m = wb.members[0]
    assert m.name == "髙橋 ﾀﾛｳ"
    assert m.kana == "タカハシ タロウ"


def test_row_errors_name_sheet_row_column_and_value(make_book):
    wb = load(make_book([row(acquired="令和6年2月30日", kubun="同居人")]))
    errors = {p.column: p for p in wb.members[0].errors}
    assert set(errors) == {"資格取得年月日", "本人家族区分"}
    assert errors["資格取得年月日"].row == 2 and errors["資格取得年月日"].value == "令和6年2月30日"
    assert errors["本人家族区分"].sheet == "加入者"


def test_required_value_blank_is_an_error(make_book):
    wb = load(make_book([row(name=None)]))
    assert [p.code for p in wb.members[0].errors] == ["REQUIRED"]


def test_duplicates_two_insured_and_employer_mismatch(make_book):
    rows = [row(bango="1"), row(bango="1"),                         # duplicate key, two insured
            row(bango="2"), row(bango="2", edaban="01", kubun="家族", employer=2)]
    wb = load(make_book(rows))
    codes = [sorted(p.code for p in m.errors) for m in wb.members]
    assert codes == [["DUPLICATE", "TWO_INSURED"], ["DUPLICATE", "TWO_INSURED"], [], ["EMPLOYER_MISMATCH"]]
    plan = plan_run(wb, PROFILE, date(2024, 8, 7))
    assert [plan.reason_of(m) for m in wb.members] == [Reason.INVALID, Reason.INVALID, Reason.HELD, Reason.INVALID]
    assert plan.shipments == []


def test_household_without_insured_is_a_warning_and_still_printed(make_book):
    wb = load(make_book([row(kubun="家族", edaban="01")]))
    assert [w.code for w in wb.warnings] == ["NO_INSURED"]
    plan = plan_run(wb, PROFILE, date(2024, 8, 7))
    assert plan.counts()["included"] == 1


def test_employer_sheet_gives_names_and_affiliation_packing(make_book):
    employers = [["事業所コード", "事業所名", "所属別梱包", "担当者"], [1, "正式名 株式会社", "○", "総務 太郎"]]
    wb = load(make_book([row(name_e="略称")], employers=employers))
    emp = wb.employers["1"]
    assert (emp.name, emp.pack_by_affiliation, emp.contact) == ("正式名 株式会社", True, "総務 太郎")
    assert wb.members[0].employer_name == "正式名 株式会社"


def test_different_employer_names_in_rows_warn_and_first_wins(make_book):
    wb = load(make_book([row(bango="1", name_e="甲社"), row(bango="2", name_e="乙社")]))
    assert [w.code for w in wb.warnings] == ["EMPLOYER_NAME_MISMATCH"]
    assert wb.employers["1"].name == "甲社"


def test_formula_without_cached_value_is_a_row_error_not_a_blank(make_book):
    # openpyxl writes formulas without cached values, as a broken export would.
    wb = load(make_book([row(lost="=TODAY()", mn="=\"1234\"")]))
    errors = wb.members[0].errors
    assert {p.code for p in errors} == {"FORMULA_NO_VALUE"}
    assert {p.column for p in errors} == {"資格喪失年月日", "個人番号下4桁"}


def test_loss_recorded_without_loss_is_warned_and_ignored(make_book):
    headers = HEADERS + ["喪失処理日"]
    wb = load(make_book([row() + ["2024/8/1"]], headers=headers))
    assert wb.members[0].loss_recorded is None
    assert [w.code for w in wb.warnings] == ["LOSS_RECORDED_WITHOUT_LOSS"]


@pytest.mark.parametrize("content, expected", [
    (b"this is not excel", "Excel ファイル"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "パスワード"),
    (b"PK\x03\x04garbage", "壊れて"),
])
def test_broken_files_give_one_clear_message(tmp_path: Path, content, expected):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookError) as info:
        load(path)
    assert expected in info.value.message


def test_truncated_workbook(make_book, tmp_path):
    good = make_book([row()] * 50).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(WorkbookError, match="壊れて"):
        load(path)


def test_missing_file(tmp_path):
    with pytest.raises(WorkbookError, match="見つかりません"):
        load(tmp_path / "nope.xlsx")


def test_no_member_sheet(make_book):
    path = make_book([], headers=["何か", "別の", "表"])
    with pytest.raises(WorkbookError, match="加入者のシートが見つかりません"):
        load(path)


def test_progress_is_reported_and_cancel_stops(make_book):
    path = make_book([row(bango=str(i)) for i in range(5000)])
    seen = []
    load(path, progress=lambda done, total, stage: seen.append((done, total)))
    assert seen[-1] == (5000, 5000)
    with pytest.raises(Cancelled):
        load(path, cancelled=lambda: True)


def test_file_is_not_modified(make_book):
    path = make_book([row()])
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_employer_sheet_codes_get_the_profile_width_too(make_book):
    employers = [["事業所コード", "事業所名", "所属別梱包"], [123, "正式名", "○"]]
    profile = RunProfile(sheet=SheetSettings(widths={"employer_code": 6}))
    wb = load(make_book([row(employer=123)], employers=employers), profile)
    assert list(wb.employers) == ["000123"]
    assert wb.employers["000123"].pack_by_affiliation and wb.members[0].employer_name == "正式名"


def test_employer_name_warning_names_the_header_as_written(make_book):
    headers = [h if h != "事業所名" else "事業所名称" for h in HEADERS]
    wb = load(make_book([row(bango="1", name_e="甲社"), row(bango="2", name_e="乙社")], headers=headers))
    (warning,) = wb.warnings
    assert (warning.code, warning.column) == ("EMPLOYER_NAME_MISMATCH", "事業所名称")


def test_each_memo_warning_has_its_own_code(make_book):
    """A date outside its era is DATE_OUT_OF_ERA; another field's warning is not labelled as a date's."""
    from print_engine.read.rows import RowParser, _Memo
    from print_engine.read.workbook import kept_rows, open_workbook

    wb = load(make_book([row(acquired="昭和65年1月1日")]))
    assert [(w.code, w.column) for w in wb.warnings] == [("DATE_OUT_OF_ERA", "資格取得年月日")]

    sheet = open_workbook(make_book([row(kana="シケン")])).members
    warnings = []
    parser = RowParser(sheet.name, sheet.header, {}, set(), warnings.append)
    parser.memos["burden_ratio"] = _Memo(lambda v: (v, "注意"), "BAD_RATIO", empty="")
    parser.memos["kubun"] = _Memo(lambda v: (True, "区分の注意"), "BAD_KUBUN")
    parser.parse_all(kept_rows(sheet))
    assert [w.code for w in warnings] == ["KUBUN_WARNING"]  # no 負担割合 column: nothing parsed there


def test_a_variant_no_font_has_is_warned_once_naming_row_and_base_character(make_book):
    from print_engine.layout.fonts import FontSet

    rows = [row(bango="1", name="辻\U000E01EF本 太郎"), row(bango="2", name="葛\U000E0100城 花子"),
            row(bango="3", name="さくら\ufe0f 一郎")]
    wb = load(make_book(rows), uncovered=FontSet.load().missing_chars)
    (warning,) = wb.warnings  # 葛 + U+E0100 is in IPAex (Adobe-Japan1); a selector after kana asks nothing
    assert (warning.code, warning.row, warning.column) == ("VARIANT_NOT_DRAWN", 2, "氏名")
    assert "「辻」の異体字（U+8FBB U+E01EF）" in warning.message and "外字" not in warning.message


def test_an_employer_sheet_formula_without_a_saved_value_is_a_row_error_and_holds_the_employer(make_book):
    employers = [["事業所コード", "事業所名", "所属別梱包"], [1, "=\"正式名\"", "○"], [2, "乙社", "=1"],
                 ["=\"3\"", "丙社", ""]]
    wb = load(make_book([row(bango="1"), row(employer=2, bango="2"), row(employer=4, bango="4")],
                        employers=employers))
    errors = [p for p in wb.row_errors() if p.sheet == "事業所"]
    assert [(p.code, p.row, p.column) for p in errors] == [
        ("FORMULA_NO_VALUE", 2, "事業所名"), ("FORMULA_NO_VALUE", 3, "所属別梱包"), ("FORMULA_NO_VALUE", 4, "事業所コード")]
    assert all(p.is_error and p.value == "（数式）" for p in errors)
    plan = plan_run(wb, PROFILE, date(2024, 8, 7))
    # employers 1 and 2 are held (their letter and packing would be wrong); 4 is not on the sheet's broken rows
    assert [plan.reason_of(m) for m in wb.members] == [Reason.HELD, Reason.HELD, None]
    assert plan.counts()["errors"] == 3
