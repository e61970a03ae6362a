"""Building blocks of the sample workbooks: employers, households, cell rendering.

A :class:`SampleRow` holds the intended (parsed) values of one member row as
a :class:`~tools.reference_rules.RefRow` plus what the sheet shows; cells
are rendered from the intended values in one of the accepted forms, or taken
literally from ``SampleRow.cells`` where a row tests one particular form.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from tools.reference_rules import RefRow
from tools.synth_values import (
    SURNAMES,
    pick_name,
    render_date,
    to_full_width_digits,
    to_half_width_kana,
)

LAST_ORDINARY_ACQUISITION = date(2024, 5, 31)

FIELDS = (
    "employer", "employer_name", "affiliation", "kigo", "bango", "edaban", "kubun",
    "name", "kana", "birth", "acquired", "acquired_recorded", "lost", "loss_recorded",
    "mynumber", "burden", "remark",
)


@dataclass(slots=True)
class Emp:
    """One employer of a sample and how its codes are stored in the sheet.

    ``*_cells`` are functions of the canonical code giving the stored cell
    value; one is chosen per row at random (seeded).
    """

    code: str
    name: str
    kigo: tuple[str, ...]
    bango_start: int
    bango_width: int
    code_cells: tuple
    kigo_cells: tuple
    bango_cells: tuple
    affiliations: tuple[str, ...] = ("",)
    by_affiliation: bool = False
    postal_code: str = ""
    address: str = ""
    contact: str = ""
    _next: int = 0

    def next_number(self, rng: random.Random) -> tuple[str, str]:
        """The next (記号, 番号) of this employer, with small gaps."""
        self._next = (self._next or self.bango_start) + rng.randint(1, 4)
        return rng.choice(self.kigo), f"{self._next:0{self.bango_width}d}"


@dataclass(slots=True)
class SampleRow:
    """One member row: intended values, literal cell overrides, README notes."""

    ref: RefRow
    employer_name: str
    name: str
    kana: str
    birth: date
    burden: str = "3割"
    cells: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (field, kind)
    ordinary: bool = True  # free for form-coverage overrides
    remark: str = ""


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def years_after(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


class HouseholdFactory:
    """Makes ordinary (included) households; callers then alter them.

    Args:
        rng: the seeded random source; every call consumes it in a fixed order.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._ids = 0

    def _row(self, emp: Emp, kigo: str, bango: str, edaban: str, insured: bool,
             affiliation: str, name: tuple[str, str], birth: date, acquired: date) -> SampleRow:
        rng = self.rng
        self._ids += 1
        recorded = acquired + timedelta(days=rng.randint(0, 14)) if rng.random() < 0.8 else None
        ref = RefRow(row=self._ids, employer=emp.code, kigo=kigo, bango=bango, edaban=edaban,
                     insured=insured, acquired=acquired, affiliation=affiliation,
                     acquired_recorded=recorded, mynumber4=f"{rng.randrange(10000):04d}")
        age = (date(2024, 6, 30) - birth).days // 365
        return SampleRow(ref=ref, employer_name=emp.name, name=name[0], kana=name[1],
                         birth=birth, burden="2割" if age < 6 else "3割")

    def household(self, emp: Emp, size: int | None = None, surname: tuple[str, str] | None = None,
                  insured: bool = True) -> list[SampleRow]:
        """An included household of ``size`` members (insured first)."""
        rng = self.rng
        size = size or rng.choices((1, 2, 3, 4, 5), (35, 25, 20, 15, 5))[0]
        kigo, bango = emp.next_number(rng)
        surname = surname or rng.choice(SURNAMES)
        affiliation = rng.choice(emp.affiliations)
        male = rng.random() < 0.7
        birth = rand_date(rng, date(1960, 1, 1), date(1998, 12, 31))
        acquired = rand_date(rng, max(years_after(birth, 22), date(1988, 4, 1)),
                             LAST_ORDINARY_ACQUISITION)
        rows = [self._row(emp, kigo, bango, "00", True, affiliation,
                          pick_name(rng, surname, not male), birth, acquired)]
        for i in range(1, size):
            if i == 1:
                spouse_birth = rand_date(rng, years_after(birth, -4), years_after(birth, 4))
                person = pick_name(rng, surname, male), spouse_birth
            else:
                lo = max(years_after(birth, 24), date(2002, 7, 1))
                person = pick_name(rng, surname, rng.random() < 0.5), rand_date(
                    rng, lo, LAST_ORDINARY_ACQUISITION)
            dep_acquired = rand_date(rng, max(acquired, person[1]), LAST_ORDINARY_ACQUISITION)
            rows.append(self._row(emp, kigo, bango, f"{i:02d}", False, affiliation,
                                  person[0], person[1], dep_acquired))
        if not insured:
            rows = rows[1:]
        return rows


class CellRenderer:
    """Renders a :class:`SampleRow` into sheet cells in a realistic mix of forms."""

    DATE_FORMS = ("date", "datetime", "serial", "slash", "era_kanji", "era_letter")
    DATE_WEIGHTS = (75, 5, 5, 7, 4, 4)

    def __init__(self, rng: random.Random, employers: dict[str, Emp]) -> None:
        self.rng = rng
        self.employers = employers

    def _date(self, d: date | None) -> object:
        if d is None:
            return None
        return render_date(d, self.rng.choices(self.DATE_FORMS, self.DATE_WEIGHTS)[0])

    def render(self, s: SampleRow) -> dict[str, object]:
        """Cell value per field (``None`` = empty cell)."""
        rng, r = self.rng, s.ref
        emp = self.employers[r.employer]
        if r.insured:
            kubun = rng.choices(("本人", "1", 1, "被保険者"), (60, 20, 10, 10))[0]
        else:
            kubun = rng.choices(("家族", "2", 2, "被扶養者"), (60, 20, 10, 10))[0]
        edaban = rng.choices((r.edaban, int(r.edaban)), (70, 30))[0]
        affiliation: object = r.affiliation or None
        if r.affiliation.isdigit() and rng.random() < 0.4:
            affiliation = int(r.affiliation)
        cells = {
            "employer": rng.choice(emp.code_cells)(r.employer),
            "employer_name": s.employer_name,
            "affiliation": affiliation,
            "kigo": rng.choice(emp.kigo_cells)(r.kigo),
            "bango": rng.choice(emp.bango_cells)(r.bango),
            "edaban": edaban,
            "kubun": kubun,
            "name": s.name,
            "kana": to_half_width_kana(s.kana) if rng.random() < 0.15 else s.kana,
            "birth": self._date(s.birth),
            "acquired": self._date(r.acquired),
            "acquired_recorded": self._date(r.acquired_recorded),
            "lost": self._date(r.lost),
            "loss_recorded": self._date(r.loss_recorded),
            "mynumber": r.mynumber4 or None,
            "burden": s.burden,
            "remark": s.remark or None,
        }
        cells.update(s.cells)
        return cells


# Ways a code is stored (used in Emp.*_cells).
def as_text(code: str) -> object:
    return code


def as_number(code: str) -> object:
    return int(code)


def as_float(code: str) -> object:
    return float(code)


def as_full_width(code: str) -> object:
    return to_full_width_digits(code)


def as_padded_text(code: str) -> object:
    return f" {code} "
