"""The clean sample's workbook layout, row order and expected figures.

Layout of ``sample.xlsx`` (what a real export plus a person with Excel make):

- sheet 1 ``設定`` — hidden; it has a header-like row (five known headers) so
  it would be picked, and fail, if hidden sheets were not skipped;
- sheet 2 ``加入者一覧`` — the member sheet: a title line (B1, merged), a
  date line (B2), an empty row 3, the header row 4 starting in column B,
  data from row 5, one blank row and one row with only a 備考 note;
- sheet 3 ``事業所`` — one row per employer, 所属別梱包 ○ for 10.
"""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tools.reference_rules import summarize
from tools.sample_clean import CleanSample
from tools.sample_rows import FIELDS, CellRenderer, SampleRow

MEMBER_SHEET = "加入者一覧"
HIDDEN_SHEET = "設定"
EMPLOYER_SHEET = "事業所"
HEADER_ROW = 4
FIRST_COLUMN = 2  # B
HEADERS = {
    "employer": "事業所コード", "employer_name": "事業所名", "affiliation": "所属コード",
    "kigo": "被保険者記号", "bango": "番号", "edaban": "枝番", "kubun": "本人家族区分",
    "name": "氏名", "kana": "氏名（カナ）", "birth": "生年月日", "acquired": "資格取得日",
    "acquired_recorded": "取得処理日", "lost": "資格喪失年月日", "loss_recorded": "喪失処理日",
    "mynumber": "個人番号下4桁", "burden": "負担割合", "remark": "備考",
}
EMPLOYER_HEADERS = ("事業所コード", "事業所名", "所属別梱包", "送付先郵便番号", "送付先住所", "担当者")
EMPLOYER_CODE_CELLS = {"1": 1, "2": "2", "10": 10, "101": "101", "2001": "2001"}
BLANK, REMARK_ONLY = "blank", "remark-only"


def order_rows(sample: CleanSample, seed: int) -> list[SampleRow | str]:
    """Sheet order: employers in text order (1, 10, 101, 2, 2001), households
    shuffled, one household written dependents-first, one dependent placed at
    the end of its employer's block, a blank row and a 備考-only row."""
    rng = random.Random(seed)
    by_emp: dict[str, list[list[SampleRow]]] = {}
    for h in sample.households:
        by_emp.setdefault(h[0].ref.employer, []).append(h)
    out: list[SampleRow | str] = []
    reversed_done = moved_done = False
    for code in sorted(by_emp):
        households = by_emp[code]
        rng.shuffle(households)
        tail: list[SampleRow] = []
        for h in households:
            h = sorted(h, key=lambda r: (not r.ref.insured, r.ref.edaban))
            plain = len(h) >= 3 and not any(r.notes for r in h)
            if code == "2" and plain and not reversed_done:
                h.reverse()
                h[-1].notes.append("世帯の行が家族→被保険者の逆順（封筒では被保険者が先頭）")
                reversed_done = True
            elif code == "10" and plain and not moved_done:
                moved = h.pop()
                moved.notes.append("家族行が被保険者行から離れて事業所ブロックの末尾にある（世帯は記号+番号）")
                tail.append(moved)
                moved_done = True
            out.extend(h)
        out.extend(tail)
    out.insert(len(out) * 2 // 5, BLANK)
    out.insert(len(out) * 3 // 4, REMARK_ONLY)
    return out


def number_rows(ordered: list[SampleRow | str]) -> dict[str, int]:
    """Set every RefRow.row to its Excel row; return the rows of the specials."""
    special: dict[str, int] = {}
    for i, item in enumerate(ordered):
        excel_row = HEADER_ROW + 1 + i
        if isinstance(item, str):
            special[item] = excel_row
        else:
            item.ref.row = excel_row
    return special


def _set(ws, row: int, col: int, value: object) -> None:
    if value is None:
        return
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, datetime):
        cell.number_format = "yyyy/m/d h:mm"
    elif isinstance(value, date):
        cell.number_format = "yyyy/m/d"


def write_clean_workbook(path: Path, sample: CleanSample, ordered: list[SampleRow | str],
                         special: dict[str, int], seed: int) -> None:
    """Write ``sample.xlsx`` (normal openpyxl mode: hidden sheet, merges)."""
    wb = Workbook()
    hidden = wb.active
    hidden.title = HIDDEN_SHEET
    hidden["A1"] = "出力設定（システム用・編集しないこと）"
    for col, text in enumerate(("事業所コード", "記号", "番号", "氏名", "資格取得年月日"), 1):
        hidden.cell(row=3, column=col, value=text)
    for col, value in enumerate(("999", "9999", "1", "設定用ダミー", "2024/1/1"), 1):
        hidden.cell(row=4, column=col, value=value)
    hidden.sheet_state = "hidden"

    ws = wb.create_sheet(MEMBER_SHEET)
    last_col = FIRST_COLUMN + len(FIELDS) - 1
    ws.cell(row=1, column=FIRST_COLUMN, value="加入者台帳　資格情報のお知らせ（令和6年8月送付分）")
    ws.merge_cells(start_row=1, start_column=FIRST_COLUMN, end_row=1, end_column=FIRST_COLUMN + 6)
    ws.cell(row=2, column=FIRST_COLUMN, value="抽出日：令和6年8月7日　抽出条件：全事業所")
    for i, fld in enumerate(FIELDS):
        ws.cell(row=HEADER_ROW, column=FIRST_COLUMN + i, value=HEADERS[fld])
    renderer = CellRenderer(random.Random(seed), sample.employers)
    for item in ordered:
        if item == BLANK:
            continue
        if item == REMARK_ONLY:
            ws.cell(row=special[REMARK_ONLY], column=last_col, value="※以下は人事システムからの追加分")
            continue
        cells = renderer.render(item)
        for i, fld in enumerate(FIELDS):
            _set(ws, item.ref.row, FIRST_COLUMN + i, cells[fld])
    ws.auto_filter.ref = f"{get_column_letter(FIRST_COLUMN)}{HEADER_ROW}:{get_column_letter(last_col)}{HEADER_ROW}"
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=FIRST_COLUMN)

    emp_ws = wb.create_sheet(EMPLOYER_SHEET)
    emp_ws.append(list(EMPLOYER_HEADERS))
    for code, e in sample.employers.items():
        emp_ws.append([EMPLOYER_CODE_CELLS[code], e.name, "○" if e.by_affiliation else None,
                       e.postal_code, e.address, e.contact])
    wb.active = 1
    wb.save(path)


def expected_figures(sample: CleanSample, ordered: list[SampleRow | str],
                     special: dict[str, int]) -> dict:
    """``sample-expected.json``: the figures of the default ``initial`` run."""
    rows = [item for item in ordered if not isinstance(item, str)]
    by_aff = {code for code, e in sample.employers.items() if e.by_affiliation}
    result = summarize([r.ref for r in rows], by_aff)
    warnings = [
        {"sheet": MEMBER_SHEET, "row": r.ref.row, "column": HEADERS.get(fld, ""), "kind": kind}
        for r in rows for fld, kind in r.warnings
    ]
    households: dict[tuple[str, str], list[SampleRow]] = {}
    for r in rows:
        households.setdefault(r.ref.household, []).append(r)
    for members in households.values():
        if not any(r.ref.insured for r in members):
            first = min(r.ref.row for r in members)
            warnings.append({"sheet": MEMBER_SHEET, "row": first, "column": "", "kind": "NO_INSURED"})
    warnings.sort(key=lambda w: w["row"])
    return {
        "workbook": "sample.xlsx",
        "profile": "bundled default (initial, as_of 2024-06-30, freeze 2024-08-07)",
        "member_sheet": MEMBER_SHEET,
        "header_row": HEADER_ROW,
        "header_first_column": get_column_letter(FIRST_COLUMN),
        "blank_rows": [special[BLANK], special[REMARK_ONLY]],
        **{k: v for k, v in result.items() if k != "rows"},
        "pack_by_affiliation": sorted(by_aff),
        "errors": 0,
        "warnings": {"count": len(warnings), "list": warnings},
        "rows": result["rows"],
    }
