"""Member lists exported as CSV/TSV (members-workbook.md: every cell is text, rows are file lines)."""

from datetime import date
from pathlib import Path

import pytest

from print_engine.model import Reason
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.schema import RunProfile, SheetSettings
from print_engine.read.delimited import decode
from print_engine.read.workbook import WorkbookError, open_workbook

from .conftest import HEADERS

PROFILE = RunProfile()
LINE = ["001", "テスト商事", "", "0010", "000100", "00", "本人", "試験 太郎", "シケン タロウ", "2010/4/1", "",
        "1234"]
KEYS = ["employer", "name_e", "aff", "kigo", "bango", "edaban", "kubun", "name", "kana", "acquired", "lost", "mn"]


def csv_text(rows, delimiter=",", newline="\r\n") -> str:
    def field(v: str) -> str:
        if any(c in v for c in (delimiter, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    return "".join(delimiter.join(map(field, r)) + newline for r in rows)


@pytest.fixture
def write(tmp_path: Path):
    def make(content: str | bytes, name: str = "members.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path
    return make


def line(**changes) -> list[str]:
    r = list(LINE)
    for key, value in changes.items():
        r[KEYS.index(key)] = value
    return r


def load(path, profile=PROFILE):
    return load_members(path, profile)


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiter_is_found_from_the_header_line(write, delimiter):
    text = csv_text([["会員名簿 2024年8月1日 出力"], HEADERS, line(name="山田, 花子" if delimiter != "," else "山田 花子")],
                    delimiter)
    wb = load(write(text, "members.tsv" if delimiter == "\t" else "members.csv"))
    (m,) = wb.members
    assert (m.row, m.employer_code, m.kigo, m.bango) == (3, "001", "0010", "000100")


def test_every_cell_is_text_so_codes_keep_their_zeros_and_dates_their_form(write):
    rows = [HEADERS,
            line(bango="000101", acquired="令和元年5月1日"),
            line(bango="000101", edaban="01", kubun="家族", acquired="R6.6.30"),
            line(bango="000103", acquired="20240630", lost="2024-08-31")]
    wb = load(write(csv_text(rows)))
    assert [(m.bango, m.edaban, m.acquired) for m in wb.members] == [
        ("000101", "00", date(2019, 5, 1)), ("000101", "01", date(2024, 6, 30)), ("000103", "00", date(2024, 6, 30))]
    assert wb.members[2].lost == date(2024, 8, 31)
    assert wb.warnings == []  # all of employer 001's 番号 have six digits


def test_cp932_with_windows_characters_is_read_and_said_in_the_notes(write):
    rows = [HEADERS, line(name="髙橋 ①郎", name_e="㈱テスト")]
    path = write(csv_text(rows), encoding="cp932")
    data = open_workbook(path)
    assert data.members.rows[0][1][HEADERS.index("氏名")] == "髙橋 ①郎"
    assert any("Shift_JIS（CP932）と判定" in n for n in data.notes)
    assert load(path).members[0].employer_name == "㈱テスト"


@pytest.mark.parametrize("bom, encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"", "utf-8"), (b"", "utf-16")])
def test_utf8_with_or_without_bom_and_utf16_text(write, bom, encoding):
    rows = [HEADERS, line(name="髙橋 𠮷男")]
    path = write(bom + csv_text(rows, "\t" if encoding == "utf-16" else ",").encode(encoding))
    data = open_workbook(path)
    assert data.members.rows[0][1][HEADERS.index("氏名")] == "髙橋 𠮷男"
    assert not any("判定" in n for n in data.notes)


def test_profile_forces_the_encoding(write):
    # Short CP932 text can also be valid UTF-8: ﾃｽ is C3 BD in CP932, which UTF-8 reads as ý.
    assert decode("ﾃｽ".encode("cp932")) == ("\u00fd", "utf-8", False)
    assert decode("ﾃｽ".encode("cp932"), "cp932") == ("ﾃｽ", "cp932", False)
    assert decode(b"\xef\xbb\xbfabc", "cp932")[:2] == ("abc", "utf-8-sig")  # a BOM cannot be wrong
    wrong = write(csv_text([HEADERS, line(name="髙橋")]), "sjis.csv", encoding="cp932")
    with pytest.raises(WorkbookError, match="1行目が UTF-8"):
        load(wrong, RunProfile(sheet=SheetSettings(encoding="utf-8")))
    forced = load(wrong, RunProfile(sheet=SheetSettings(encoding="cp932")))
    assert forced.members[0].name == "髙橋"


def test_bytes_of_no_encoding_are_one_clear_error_naming_the_line(write):
    good = csv_text([HEADERS, line()]).encode("utf-8")
    with pytest.raises(WorkbookError) as info:
        load(write(good + b"001,\x80\xff\xfe,\r\n"))
    assert "文字コードを判定できません" in info.value.message and "3行目" in info.value.message


def test_header_below_title_lines_and_row_numbers_are_file_lines(write):
    rows = [["加入者台帳"], ["抽出日: 2024/08/07", ""], [], HEADERS,
            line(bango="1", name="改行\nのある 氏名"), line(bango="2", acquired="2024/2/30")]
    wb = load(write(csv_text(rows)))
    assert [m.row for m in wb.members] == [5, 7]  # the quoted line break makes record 5 two lines long
    (error,) = wb.members[1].errors
    assert (error.row, error.column, error.value) == (7, "資格取得年月日", "2024/2/30")
    assert error.sheet == "members"


def test_missing_required_column_names_the_header_line(write):
    headers = [h for h in HEADERS if h != "資格取得年月日"]
    r = line()
    del r[HEADERS.index("資格取得年月日")]
    with pytest.raises(WorkbookError) as info:
        load(write(csv_text([["タイトル\n2行の見出し"], headers, r])))
    assert "3行目の見出し行" in info.value.message and "資格取得年月日" in info.value.message


def test_more_fields_than_the_header_is_a_row_error_and_the_household_is_held(write):
    rows = [HEADERS, line(bango="7"), line(bango="7", edaban="01", kubun="家族") + ["余分"], line(bango="8")]
    text = csv_text(rows).replace("試験 太郎,シケン タロウ,2010/4/1,,1234,余分", "試験, 太郎,シケン タロウ,2010/4/1,,1234,余分")
    wb = load(write(text))
    plan = plan_run(wb, PROFILE, date(2024, 8, 7))
    assert [plan.reason_of(m) for m in wb.members] == [Reason.HELD, Reason.INVALID, None]
    codes = [p.code for p in wb.members[1].errors]
    assert codes[0] == "TOO_MANY_FIELDS" and wb.members[1].errors[0].row == 3
    assert "14 個" in wb.members[1].errors[0].message and "12 個" in wb.members[1].errors[0].message


def test_trailing_empty_fields_are_not_extra_fields(write):
    wb = load(write(csv_text([HEADERS + [""], line() + ["", ""]])))
    assert wb.members[0].errors == []


def test_excel_text_formula_keeps_its_zeros(write):
    text = csv_text([HEADERS]) + '001,テスト商事,,="0010","=""000100""",="00",本人,試験,シケン,2010/4/1,,1234\r\n'
    (m,) = load(write(text)).members
    assert (m.kigo, m.bango, m.edaban) == ("0010", "000100", "00")


@pytest.mark.parametrize("content, phrase", [
    (b"", "空です"),
    (b"\xef\xbb\xbf\r\n\r\n", "空です"),
    ("事業所コード,事業所名,記号\r\n001,\"テスト\r\n".encode(), "2行目で始まる引用符"),
    ("事業所コード,事業所名,記号\r\n001,\"テスト".encode(), "2行目で始まる引用符"),
    ("事業所コード,事業所名,記号\n\"a\n\"\"b\n".encode(), "2行目で始まる引用符"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    (b"\x00\x01\x02\x03binary\x00\x00" * 20, "バイナリ"),
    (b"PK\x03\x04" + b"\0" * 40, "壊れて"),
])
def test_bad_csv_is_one_clear_message(write, content, phrase):
    with pytest.raises(WorkbookError) as info:
        load(write(content))
    assert phrase in info.value.message


def test_csv_renamed_xlsx_and_xlsx_renamed_csv_say_what_they_are(write, make_book):
    csv_as_xlsx = write(csv_text([HEADERS, line()]), "members.xlsx")
    with pytest.raises(WorkbookError) as info:
        load(csv_as_xlsx)
    assert "中身はテキスト（CSV など）" in info.value.message and "「.csv」" in info.value.message
    xlsx_as_csv = write(make_book([[1] * 12]).read_bytes(), "book.csv")
    with pytest.raises(WorkbookError) as info:
        load(xlsx_as_csv)
    assert "Excel ブック" in info.value.message and "「.xlsx」" in info.value.message
    with pytest.raises(WorkbookError, match="読み込めません"):
        load(write(b"x", "members.pdf"))


def test_no_header_line_is_one_clear_error(write):
    with pytest.raises(WorkbookError, match="見出し行"):
        load(write("a,b,c\r\n1,2,3\r\n"))


@pytest.mark.parametrize("end", ["\r\n", ""])
def test_a_stray_quote_inside_an_unquoted_value_is_kept_as_excel_does(write, end):
    text = csv_text([HEADERS]) + '001,テスト"商事,,0010,000100,00,本人,試験,シケン,2010/4/1,,1234' + end
    (m,) = load(write(text)).members
    assert m.employer_name == 'テスト"商事' and m.errors == []


def test_a_my_number_shifted_into_a_text_column_is_neither_kept_nor_shown(write):
    """A shifted row puts twelve digits under 氏名: a row error, the value masked, never printed."""
    path = write(csv_text([HEADERS, line(), line(bango="000200", name="123456789012")]))
    loaded = load(path)
    shifted = loaded.members[1]
    assert shifted.name == "*" * 12
    assert [p.code for p in shifted.errors] == ["MYNUMBER_IN_TEXT"]
    assert shifted.errors[0].column == "氏名" and shifted.errors[0].row == 3
    plan = plan_run(loaded, PROFILE, date(2024, 8, 7))
    assert plan.reason_of(shifted) is Reason.INVALID and plan.reason_of(loaded.members[0]) is None
    assert "123456789012" not in "\n".join(str(p) for p in loaded.problems())
