"""The bundled samples in every format the app reads give the run of the .xlsx.

``resources/samples/formats/`` holds ``sample.xlsx`` saved by LibreOffice as
.xls and .ods, written as .xlsb, and its member sheet alone as .xlsx and as
CSV in UTF-8 with BOM, UTF-8 and CP932 (``tools/make_format_samples.py``).
Each must give the same members, reasons, flags, envelopes, errors and
warnings as its .xlsx, apart from what the format itself cannot carry
(listed per case below and in the README).
"""

from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from print_engine.layout.fonts import FontSet
from print_engine.plan.run import load_members, plan_run
from print_engine.profile.loading import load_profile
from print_engine.read.file_kind import check_kind
from print_engine.read.workbook import WorkbookError, open_workbook
from tools.make_format_samples import CSV_VARIANTS, _sheet_records, write_csv

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
FORMATS = SAMPLES / "formats"
MEMBERS_CSV = [f"sample-members-{suffix}.csv" for suffix, *_ in CSV_VARIANTS]
# A My Number written as the number 123 lost its zero in Excel (a warning); a CSV holds the text 0123.
PADDED_187 = ("WARNING", "MYNUMBER_PADDED", 187, "個人番号下4桁")
FORMULA_28 = ("ERROR", "FORMULA_NO_VALUE", 28, "氏名")
CASES = [  # (base, other, problems only in base, problems only in other, rows whose result differs)
    ("sample.xlsx", "sample.xls", (), (), ()),
    ("sample.xlsx", "sample.ods", (), (), ()),
    ("sample.xlsx", "sample.xlsb", (), (), ()),
    *[("formats/sample-members.xlsx", name, (PADDED_187,), (), ()) for name in MEMBERS_CSV],
    ("sample-errors.xlsx", "sample-errors.ods", (), (), ()),
    # .xls always stores a formula's result: LibreOffice computed =A1&"" when it saved the file.
    ("sample-errors.xlsx", "sample-errors.xls", (FORMULA_28,), (), (28, 29)),
    # A CSV has no formulas: the cell is simply empty.
    *[("sample-errors.xlsx", f"sample-errors-{s}.csv", (FORMULA_28,), (("ERROR", "REQUIRED", 28, "氏名"),), ())
      for s in ("utf8-bom", "utf8")],
]
_cache: dict[str, tuple] = {}


def run_of(name: str):
    """(counts, problems without the sheet name, row → (reason, flag), envelope rows) of a sample."""
    if name not in _cache:
        path = SAMPLES / name if "/" in name or name.endswith(".xlsx") else FORMATS / name
        profile = load_profile()
        loaded = load_members(path, profile, uncovered=FontSet.load().missing_chars)
        plan = plan_run(loaded, profile, date(2024, 8, 7))
        problems = {(p.severity.name, p.code, p.row, p.column, p.value) for p in loaded.problems()}
        results = {m.row: (plan.reason_of(m), plan.flag_of(m), m.mynumber4, m.name, m.acquired)
                   for m in loaded.members}
        envelopes = [(s.employer.code, s.employer.name, s.container, [[m.row for m in e.members] for e in s.envelopes])
                     for s in plan.shipments]
        _cache[name] = (plan.counts(), problems, results, envelopes, loaded)
    return _cache[name]


@pytest.mark.parametrize("base, other, only_base, only_other, changed", CASES, ids=[c[1] for c in CASES])
def test_each_format_gives_the_run_of_its_xlsx(base, other, only_base, only_other, changed):
    b_counts, b_problems, b_rows, b_envelopes, _ = run_of(base)
    o_counts, o_problems, o_rows, o_envelopes, _ = run_of(other)
    assert {p[:4] for p in b_problems - o_problems} == set(only_base)
    assert {p[:4] for p in o_problems - b_problems} == set(only_other)
    assert b_rows.keys() == o_rows.keys()
    assert sorted(r for r in b_rows if b_rows[r] != o_rows[r]) == sorted(changed)
    if not changed:
        assert o_envelopes == b_envelopes
        expected = dict(b_counts, warnings=b_counts["warnings"] - sum(p[0] == "WARNING" for p in only_base))
        assert o_counts == expected


def test_the_member_sheet_alone_is_the_sample_without_its_other_sheets():
    def cells(path, sheet):
        return list(CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).iter_rows())
    members = FORMATS / "sample-members.xlsx"
    assert [s.name for s in CalamineWorkbook.from_path(str(members)).sheets_metadata] == ["加入者一覧"]
    assert cells(members, "加入者一覧") == cells(SAMPLES / "sample.xlsx", "加入者一覧")
    # without the 事業所 sheet, employer 10 packs by number and names come from the rows
    assert run_of("formats/sample-members.xlsx")[4].employers["10"].pack_by_affiliation is False
    assert run_of("sample.xlsx")[4].employers["10"].pack_by_affiliation is True


def test_spreadsheet_formats_keep_the_hidden_sheet_hidden_and_read_the_employer_sheet():
    for name in ("sample.xls", "sample.ods", "sample.xlsb"):
        data = open_workbook(FORMATS / name)
        assert data.members.name == "加入者一覧", name
        assert data.employers is not None and data.employers.name == "事業所", name


def test_ods_formula_without_a_saved_value_is_found():
    data = open_workbook(FORMATS / "sample-errors.ods")
    assert data.members.uncached == {(28, 7)}


@pytest.mark.parametrize("name, kind", [
    ("sample.xls", "xls"), ("sample.ods", "ods"), ("sample.xlsb", "xlsb"), ("sample-members.xlsx", "xlsx"),
    *[(n, "text") for n in MEMBERS_CSV],
])
def test_fixtures_are_the_format_their_name_says(name, kind):
    assert check_kind(FORMATS / name) == kind


def test_csv_encodings_are_what_their_names_say():
    raw = {n: (FORMATS / n).read_bytes() for n in MEMBERS_CSV}
    assert raw["sample-members-utf8-bom.csv"].startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in raw["sample-members-utf8.csv"]
    with pytest.raises(UnicodeDecodeError):
        raw["sample-members-cp932.csv"].decode("utf-8")
    assert raw["sample-members-cp932.csv"].startswith('"","加入者台帳'.encode("cp932"))  # every field quoted
    rows = {n: open_workbook(FORMATS / n).members.rows for n in MEMBERS_CSV}
    assert rows["sample-members-cp932.csv"] == rows["sample-members-utf8.csv"] == rows["sample-members-utf8-bom.csv"]
    notes = {n: " ".join(open_workbook(FORMATS / n).notes) for n in MEMBERS_CSV}
    assert "Shift_JIS（CP932）と判定" in notes["sample-members-cp932.csv"]
    assert "UTF-8（BOM 付き）" in notes["sample-members-utf8-bom.csv"]


def test_csv_fixtures_are_in_sync_with_their_generator(tmp_path):
    for source, stem, sheet in ((FORMATS / "sample-members.xlsx", "sample-members", "加入者一覧"),
                                (SAMPLES / "sample-errors.xlsx", "sample-errors", None)):
        records = _sheet_records(source, sheet)
        for suffix, encoding, newline, quoting in CSV_VARIANTS:
            target = FORMATS / f"{stem}-{suffix}.csv"
            if not target.exists():
                continue
            write_csv(records, tmp_path / target.name, encoding, newline, quoting)
            assert (tmp_path / target.name).read_bytes() == target.read_bytes(), target.name


@pytest.mark.parametrize("name, renamed, phrase", [
    ("sample.xls", "book.xlsx", "古い Excel 形式のブック（.xls）"),
    ("sample.ods", "book.xlsx", "OpenDocument スプレッドシート"),
    ("sample.xlsb", "book.xls", "Excel バイナリブック"),
    ("sample-members-cp932.csv", "book.ods", "テキスト（CSV など）"),
])
def test_a_format_under_another_extension_says_what_it_is(tmp_path, name, renamed, phrase):
    path = tmp_path / renamed
    path.write_bytes((FORMATS / name).read_bytes())
    with pytest.raises(WorkbookError) as info:
        open_workbook(path)
    assert phrase in info.value.message and "拡張子" in info.value.message


@pytest.mark.parametrize("name", ["sample.xls", "sample.ods", "sample.xlsb"])
def test_a_named_hidden_sheet_is_read_with_its_own_row_numbers(name):
    # 設定 is hidden, with a header-like row 3: named in the profile, it is the member sheet.
    with pytest.raises(WorkbookError, match="シート「設定」3行目の見出し行"):
        open_workbook(FORMATS / name, "設定")
    with pytest.raises(WorkbookError, match="シート「なし」がありません"):
        open_workbook(FORMATS / name, "なし")
