"""Helpers to write small member workbooks for engine tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

HEADERS = ["事業所コード", "事業所名", "所属コード", "記号", "番号", "枝番", "本人家族区分",
           "氏名", "フリガナ", "資格取得年月日", "資格喪失年月日", "個人番号下4桁"]


def row(employer=1, name_e="テスト商事", aff="", kigo="10", bango="100", edaban="00", kubun="本人",
        name="試験 太郎", kana="シケン タロウ", acquired="2010/4/1", lost=None, mn="1234"):
    return [employer, name_e, aff, kigo, bango, edaban, kubun, name, kana, acquired, lost, mn]


@pytest.fixture
def make_book(tmp_path: Path):
    """make_book(rows, headers=HEADERS, above=[], sheets={...}) → path."""
    counter = {"n": 0}

    def make(rows, headers=HEADERS, above=(), col_offset=0, extra_sheets=(), employers=None, title="加入者"):
        counter["n"] += 1
        wb = openpyxl.Workbook()
        ws = wb.active
        for name, state, content in extra_sheets:
            other = wb.create_sheet(name, 0)
            other.sheet_state = state
            for r in content:
                other.append(r)
        ws.title = title
        for line in above:
            ws.append(line)
        pad = [None] * col_offset
        ws.append(pad + list(headers))
        for r in rows:
            ws.append(pad + list(r) if r is not None else [])
        if employers is not None:
            es = wb.create_sheet("事業所")
            for r in employers:
                es.append(r)
        path = tmp_path / f"book{counter['n']}.xlsx"
        wb.save(path)
        return path

    return make
