"""Large synthetic member workbooks, for benchmarks and scale tests.

Usage::

    python -m tools.synth OUT.xlsx --members 100000 --employers 500 --seed 1

writes one member sheet ``加入者一覧`` (header in row 1, column A, the columns
of a real export) and a ``事業所`` sheet, with a small share of rows excluded
by each rule. The workbook is clean (no row errors, no warnings). The same
seed gives the same rows. The returned dict says what was written and what
the default ``initial`` run must give (computed by ``tools.reference_rules``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from tools.reference_rules import RefRow, summarize
from tools.synth_values import SURNAMES, pick_name, render_date, to_half_width_kana

MEMBER_SHEET = "加入者一覧"
HEADERS = ("事業所コード", "事業所名", "所属コード", "記号", "番号", "枝番", "本人家族区分",
           "氏名", "フリガナ", "生年月日", "資格取得年月日", "取得処理日", "資格喪失年月日",
           "喪失処理日", "個人番号下4桁")
INDUSTRIES = ("電機", "精工", "電子", "物流", "設計", "商事", "工業", "運輸", "化学", "建設")
HOUSEHOLD_SIZES = ((1, 2, 3, 4, 5, 6), (30, 22, 20, 18, 8, 2))
TEXT_DATE_FORMS = (("slash", "era_kanji", "era_letter", "compact"), (6, 4, 3, 2))
# Household events: (upper bound of a uniform draw, name).
HOUSEHOLD_EVENTS = (
    (0.012, "new"), (0.016, "late_record"), (0.026, "lost_before"),
    (0.036, "lost_window"), (0.041, "return"), (0.047, "abroad"),
)
D = date


def _rand_date(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


class _Employer:
    __slots__ = ("code", "name", "kigo", "next_bango", "numeric_code", "affiliations")

    def __init__(self, i: int, code: str, by_affiliation: bool) -> None:
        self.code = code
        self.name = f"株式会社サンプル{INDUSTRIES[i % len(INDUSTRIES)]}{i + 1:04d}"
        self.kigo = str(10000 + i)
        self.next_bango = 100000
        self.numeric_code = i % 3 == 0
        self.affiliations = tuple(str(n) for n in (1, 2, 3, 10, 11, 20)) + ("",) if by_affiliation else ("",)


class _Generator:
    """Makes rows household by household; keeps the intended values."""

    def __init__(self, rng: random.Random, employers: list[_Employer]) -> None:
        self.rng = rng
        self.employers = employers
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(employers))]
        rng.shuffle(weights)
        self.cum_weights = [sum(weights[: i + 1]) for i in range(len(weights))]
        self.refs: list[RefRow] = []

    def _date_cell(self, d: date | None) -> object:
        if d is None:
            return None
        if self.rng.random() < 0.85:
            return d
        return render_date(d, self.rng.choices(*TEXT_DATE_FORMS)[0])

    def household(self, size: int, row: int) -> list[list[object]]:
        rng = self.rng
        emp = rng.choices(self.employers, cum_weights=self.cum_weights)[0]
        emp.next_bango += rng.randint(1, 3)
        bango = str(emp.next_bango)
        affiliation = rng.choice(emp.affiliations)
        surname = rng.choice(SURNAMES)
        draw = rng.random()
        event = next((name for bound, name in HOUSEHOLD_EVENTS if draw < bound), "")
        birth = _rand_date(rng, D(1960, 1, 1), D(2000, 12, 31))
        acquired = _rand_date(rng, max(birth.replace(year=birth.year + 22, day=1), D(1988, 4, 1)),
                              D(2024, 5, 31))
        lost = lost_rec = None
        if event == "new":
            acquired = _rand_date(rng, D(2024, 7, 1), D(2024, 10, 31))
        elif event == "late_record":
            acquired = _rand_date(rng, D(2024, 6, 1), D(2024, 6, 28))
        elif event == "lost_before":
            lost = _rand_date(rng, max(D(2024, 1, 1), acquired + timedelta(days=1)), D(2024, 6, 30))
            lost_rec = lost + timedelta(days=rng.randint(0, 5))
        elif event == "lost_window":
            lost = _rand_date(rng, D(2024, 7, 1), D(2024, 8, 7))
            lost_rec = min(lost + timedelta(days=rng.randint(0, 5)), D(2024, 8, 7))
        elif event == "return":
            lost = _rand_date(rng, D(2024, 7, 20), D(2024, 9, 30))
            lost_rec = max(lost, D(2024, 8, 8)) + timedelta(days=rng.randint(0, 5))
        rows = []
        for i in range(size):
            insured = i == 0
            mynumber = f"{rng.randrange(10000):04d}"
            m_acq, m_lost, m_lost_rec, m_birth = acquired, None, None, birth
            if insured:
                m_lost, m_lost_rec = lost, lost_rec
                if event == "abroad":
                    mynumber = ""
                female = rng.random() < 0.3
            else:
                female = rng.random() < 0.5
                if i == 1:
                    m_birth = _rand_date(rng, birth - timedelta(days=1461), birth + timedelta(days=1461))
                else:
                    m_birth = _rand_date(rng, D(2002, 1, 1), D(2024, 5, 31))
                if event not in ("new", "late_record"):
                    m_acq = _rand_date(rng, max(acquired, m_birth), D(2024, 5, 31))
                dep = rng.random()
                if dep < 0.02:
                    mynumber = ""
                elif dep < 0.03 and m_acq < D(2024, 6, 30):
                    m_lost = _rand_date(rng, max(D(2023, 4, 1), m_acq + timedelta(days=1)),
                                        D(2024, 6, 30))
                    m_lost_rec = m_lost + timedelta(days=rng.randint(0, 5))
                elif dep < 0.033:
                    m_lost = _rand_date(rng, D(2024, 8, 8), D(2024, 8, 31))
                    m_lost_rec = m_lost + timedelta(days=rng.randint(0, 3))
                elif dep < 0.038 and i > 1:
                    m_birth = m_acq = _rand_date(rng, D(2024, 7, 1), D(2024, 9, 30))
            m_acq_rec = m_acq + timedelta(days=rng.randint(0, 10))
            if event == "late_record":
                m_acq_rec = _rand_date(rng, D(2024, 7, 1), D(2024, 7, 20))
            edaban = f"{i:02d}"
            name, kana = pick_name(rng, surname, female)
            if rng.random() < 0.1:
                kana = to_half_width_kana(kana)
            self.refs.append(RefRow(
                row=row + i, employer=emp.code, kigo=emp.kigo, bango=bango, edaban=edaban,
                insured=insured, acquired=m_acq, affiliation=affiliation,
                acquired_recorded=m_acq_rec, lost=m_lost, loss_recorded=m_lost_rec,
                mynumber4=mynumber))
            rows.append([
                int(emp.code) if emp.numeric_code else emp.code, emp.name,
                (int(affiliation) if rng.random() < 0.3 else affiliation) if affiliation else None,
                emp.kigo, int(bango) if rng.random() < 0.3 else bango, edaban,
                rng.choice(("本人", "1")) if insured else rng.choice(("家族", "2")),
                name, kana, self._date_cell(m_birth), self._date_cell(m_acq),
                self._date_cell(m_acq_rec), self._date_cell(m_lost), self._date_cell(m_lost_rec),
                mynumber or None,
            ])
        return rows


def write_large_workbook(path: str | Path, members: int = 100_000, employers: int = 500,
                         seed: int = 1, processing_dates: bool = True) -> dict:
    """Write a clean member workbook of ``members`` rows.

    Args:
        path: the .xlsx to write.
        members: member rows (households ≈ members / 2.5).
        employers: employer count (at most 89,999); about 5 % pack by affiliation.
        seed: the same seed gives the same rows.
        processing_dates: include the 取得処理日 and 喪失処理日 columns.

    Returns:
        Counts of what was written (``members``, ``households``, ``employers``,
        ``columns``, ``seconds``) and ``expected``: the figures of the default
        ``initial`` run (see ``tools.reference_rules.summarize``).
    """
    if not 1 <= employers <= 89_999 or members < 1:
        raise ValueError("need 1..89999 employers and at least one member")
    started = time.perf_counter()
    rng = random.Random(seed)
    codes = sorted(rng.sample(range(1, 1_000_000), employers))
    by_aff = set(rng.sample(range(employers), max(1, employers // 20)))
    emps = [_Employer(i, str(code), i in by_aff) for i, code in enumerate(codes)]
    gen = _Generator(rng, emps)
    keep = [i for i, h in enumerate(HEADERS) if processing_dates or h not in ("取得処理日", "喪失処理日")]

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(MEMBER_SHEET)
    ws.append([HEADERS[i] for i in keep])
    written = households = 0
    while written < members:
        size = min(rng.choices(*HOUSEHOLD_SIZES)[0], members - written)
        for cells in gen.household(size, row=written + 2):
            ws.append(cells if processing_dates else [cells[i] for i in keep])
        written += size
        households += 1
    emp_ws = wb.create_sheet("事業所")
    emp_ws.append(["事業所コード", "事業所名", "所属別梱包"])
    for i, e in enumerate(emps):
        emp_ws.append([e.code, e.name, "○" if i in by_aff else None])
    wb.save(path)
    seconds = time.perf_counter() - started
    if not processing_dates:
        for r in gen.refs:
            r.acquired_recorded = None
            r.loss_recorded = None
    codes_by_aff = {emps[i].code for i in by_aff}
    expected = summarize(gen.refs, codes_by_aff, detail=False)
    expected["new_members_candidates"] = len(expected["new_members_candidates"])
    return {
        "path": str(path),
        "members": written,
        "households": households,
        "employers": employers,
        "employers_by_affiliation": len(codes_by_aff),
        "columns": len(keep),
        "seconds": round(seconds, 2),
        "expected": expected,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.synth", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the .xlsx to write")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--employers", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-processing-dates", action="store_true",
                        help="leave out the 取得処理日 and 喪失処理日 columns")
    args = parser.parse_args(argv)
    result = write_large_workbook(args.out, args.members, args.employers, args.seed,
                                  not args.no_processing_dates)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
