"""The clean sample (``resources/samples/sample.xlsx``): its households.

About 200 members across five employers. Ordinary households are random but
seeded; the deliberate cases (one per rule and per accepted form) are built
here by altering households, and each carries a note for the README. The
sheet layout is in ``tools.sample_clean_sheet``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime

from tools.reference_rules import evaluate
from tools.sample_rows import (
    Emp,
    HouseholdFactory,
    SampleRow,
    as_float,
    as_full_width,
    as_number,
    as_padded_text,
    as_text,
)
from tools.synth_values import excel_serial, synthetic_mynumber

D = date
TARGET_ROWS = 200
# Envelopes wanted per employer (10 → 封筒 at the boundary); "10" is filled up.
ENVELOPE_TARGETS = {"1": 7, "2": 9, "101": 10, "2001": 5}


def make_employers() -> dict[str, Emp]:
    """The five employers, in the order of the 事業所 sheet."""
    emps = [
        Emp("1", "株式会社サンプル電機", ("11",), 1000, 4,
            (as_number, as_float), (as_number, as_text), (as_number, as_text),
            postal_code="100-0001", address="東京都千代田区サンプル町1-1", contact="総務課 見本"),
        Emp("2", "サンプル精工株式会社", ("2020", "2021"), 20000, 5,
            (as_text, as_full_width), (as_text,), (as_text,), affiliations=("1", "2"),
            postal_code="105-0002", address="東京都港区サンプル台2-2", contact="人事部 見本"),
        Emp("10", "東京サンプル電子株式会社", ("3100",), 310000, 6,
            (as_number,), (as_number, as_text, as_full_width), (as_number, as_number, as_text),
            affiliations=("1", "2", "10", "110", ""), by_affiliation=True,
            postal_code="113-0003", address="東京都文京区サンプル3-3", contact="総務部 見本"),
        Emp("101", "サンプル物流株式会社", ("4100",), 400, 3,
            (as_text, as_padded_text), (as_text,), (as_text, as_number),
            postal_code="130-0004", address="東京都墨田区サンプル4-4", contact="管理課 見本"),
        Emp("2001", "合同会社サンプル設計", ("5200",), 100, 4,
            (as_text, as_full_width, as_number), (as_number, as_text), (as_text, as_full_width),
            postal_code="160-0005", address="東京都新宿区サンプル5-5", contact="代表 見本"),
    ]
    return {e.code: e for e in emps}


@dataclass(slots=True)
class CleanSample:
    employers: dict[str, Emp]
    households: list[list[SampleRow]]


def _lose(row: SampleRow, lost: date, recorded: date | None) -> None:
    row.ref.lost, row.ref.loss_recorded = lost, recorded


def _enrol(row: SampleRow, acquired: date, recorded: date | None) -> None:
    row.ref.acquired, row.ref.acquired_recorded = acquired, recorded


def _note(rows: list[SampleRow], text: str) -> list[SampleRow]:
    for r in rows:
        r.notes.append(text)
        r.ordinary = False
    return rows


def specials(f: HouseholdFactory, e: dict[str, Emp]) -> list[list[SampleRow]]:
    """The deliberate rule cases, as households."""
    out: list[list[SampleRow]] = []
    add = out.append

    h = f.household(e["1"], 2)
    for r in h:
        _enrol(r, D(2024, 7, 1), D(2024, 7, 3))
    add(_note(h, "世帯ごと 2024-07-01 取得（処理 7/3）: NOT_ENROLLED、新規加入者の候補"))
    h = f.household(e["1"], 3)
    _lose(h[0], D(2024, 6, 30), D(2024, 6, 25))
    add(_note(h, "被保険者 6/30 喪失（境界）、家族は喪失日なしで継承: LOST_BEFORE_ASOF"))
    h = f.household(e["1"], 3)
    _lose(h[2], D(2024, 8, 10), D(2024, 8, 13))
    _note(h[2:], "家族のみ 8/10 扶養削除（処理 8/13, 凍結後）: RETURN フラグ、封筒は返送でなく備考「扶養削除」")
    add(h)
    h = f.household(e["1"], 2)
    h[0].cells["mynumber"] = synthetic_mynumber("12345678901")
    h[0].ref.mynumber4 = "9018"
    add(_note(h[:1], "個人番号に12桁（合成番号・正しい検査用数字、文字列）: 下4桁 9018 に縮約") + h[1:])

    h = f.household(e["2"], 1)
    _enrol(h[0], D(2024, 6, 17), D(2024, 7, 2))
    add(_note(h, "6/17 取得だが処理 7/2（6/28 より後）: NOT_ENROLLED、新規加入者の候補"))
    h = f.household(e["2"], 1)
    _enrol(h[0], D(2024, 6, 29), D(2024, 6, 29))
    add(_note(h, "6/29 取得・処理 6/29: NOT_ENROLLED（どちらの回にも入らない境界）"))
    h = f.household(e["2"], 3)
    _lose(h[0], D(2024, 7, 16), D(2024, 7, 22))
    add(_note(h, "被保険者 7/16 喪失（処理 7/22）、家族は継承: LOST_IN_WINDOW ×3"))
    h = f.household(e["2"], 3)
    _lose(h[0], D(2024, 8, 16), D(2024, 8, 19))
    add(_note(h, "被保険者 8/16 喪失（処理 8/19, 凍結後）、家族は継承: 全員 RETURN、返送封筒"))
    h = f.household(e["2"], 3)
    h[2].ref.mynumber4 = ""
    _note(h[2:], "家族1人だけ個人番号なし: NO_MYNUMBER（世帯の他は同封）")
    add(h)
    h = f.household(e["2"], 1)
    h[0].cells["mynumber"] = 123
    h[0].ref.mynumber4 = "0123"
    h[0].warnings.append(("mynumber", "MYNUMBER_PADDED"))
    add(_note(h, "個人番号下4桁が数値セル 123（先頭0落ち）: 0123 に補って警告"))

    h = f.household(e["10"], 3)
    h[0].ref.affiliation = "110"
    h[0].ref.mynumber4 = ""
    for r in h[1:]:
        r.ref.affiliation = ""
    _note(h[:1], "海外赴任の被保険者（所属110）、個人番号なし: NO_MYNUMBER")
    _note(h[1:], "海外赴任者の家族（所属空欄）: 家族だけの封筒、封筒の所属は先頭の家族の空欄 → 空欄グループ（最後）")
    add(h)
    h = f.household(e["10"], 3, insured=False)
    for r in h:
        r.ref.affiliation = "2"
    add(_note(h, "被保険者行のない世帯（家族2人, 所属2）: 家族だけの封筒と警告"))
    h = f.household(e["10"], 1)
    _lose(h[0], D(2024, 7, 31), D(2024, 8, 8))
    add(_note(h, "7/31 喪失、処理 8/8（凍結翌日の境界）: RETURN、返送封筒"))
    h = f.household(e["10"], 3)
    _lose(h[0], D(2024, 9, 1), D(2024, 8, 20))
    _lose(h[1], D(2024, 7, 10), D(2024, 7, 12))
    _note(h[:1], "被保険者 9/1 喪失（処理 8/20）: RETURN")
    _note(h[1:2], "家族自身の 7/10 喪失（処理 7/12）が被保険者の喪失より早い: LOST_IN_WINDOW")
    _note(h[2:], "喪失日なしの家族、被保険者から継承: RETURN（封筒は 00+02 で返送）")
    add(h)
    h = f.household(e["10"], 3)
    baby = f.household(e["10"], 2)[1]  # a spare person for the newborn
    baby.ref.kigo, baby.ref.bango, baby.ref.edaban = h[0].ref.kigo, h[0].ref.bango, "03"
    baby.ref.affiliation, baby.ref.insured = h[0].ref.affiliation, False
    baby.name = h[0].name.split("\u3000")[0] + "\u3000" + baby.name.split("\u3000")[1]
    baby.kana = h[0].kana.split("\u3000")[0] + "\u3000" + baby.kana.split("\u3000")[1]
    baby.birth, baby.burden = D(2024, 7, 5), "2割"
    _enrol(baby, D(2024, 7, 5), D(2024, 7, 10))
    _note([baby], "7/5 出生の家族（処理 7/10）: NOT_ENROLLED、世帯の他は同封、新規加入者の候補")
    add(h + [baby])
    h = f.household(e["10"], 1)
    h[0].ref.acquired, h[0].ref.acquired_recorded = D(2020, 4, 1), None
    h[0].cells["acquired"] = "平成32年4月1日"
    h[0].warnings.append(("acquired", "ERA_OUT_OF_SPAN"))
    add(_note(h, "資格取得日「平成32年4月1日」（元号の範囲外）: 2020-04-01 として受理し警告"))
    h = f.household(e["10"], 2)
    h[0].cells["mynumber"], h[0].ref.mynumber4 = 4821, "4821"
    add(_note(h[:1], "個人番号下4桁が4桁の数値セル 4821: そのまま") + h[1:])
    h = f.household(e["10"], 2)
    h[1].cells["mynumber"] = int(synthetic_mynumber("11111111111"))
    h[1].ref.mynumber4 = "1118"
    add(h[:1] + _note(h[1:], "個人番号が12桁の数値セル（合成番号）: 下4桁 1118 に縮約"))
    h = f.household(e["10"], 2)
    _lose(h[1], D(2024, 7, 20), None)
    _note(h[1:], "家族 7/20 喪失、喪失処理日なし（喪失日で判定）: LOST_IN_WINDOW")
    add(h)

    h = f.household(e["101"], 2)
    _lose(h[1], D(2024, 4, 1), D(2024, 4, 3))
    _note(h[1:], "家族 4/1 扶養削除: LOST_BEFORE_ASOF（被保険者は送付）")
    add(h)
    h = f.household(e["101"], 1)
    _lose(h[0], D(2024, 7, 1), D(2024, 8, 7))
    add(_note(h, "7/1 喪失、処理 8/7（凍結日の境界）: LOST_IN_WINDOW"))
    h = f.household(e["101"], 2)
    _lose(h[0], D(2024, 7, 5), D(2024, 7, 8))
    _lose(h[1], D(2024, 8, 20), D(2024, 8, 21))
    _note(h[:1], "被保険者 7/5 喪失（処理 7/8）: LOST_IN_WINDOW")
    _note(h[1:], "家族自身は 8/20 喪失（凍結後）だが被保険者の早い喪失を継承: LOST_IN_WINDOW")
    add(h)
    h = f.household(e["101"], 1)
    _lose(h[0], D(2024, 12, 31), D(2024, 8, 1))
    add(_note(h, "12/31 退職予定を 8/1 に登録済み: LOST_IN_WINDOW"))
    h = f.household(e["101"], 1)
    _enrol(h[0], D(2024, 7, 1), D(2024, 7, 2))
    _lose(h[0], D(2024, 7, 25), D(2024, 7, 26))
    add(_note(h, "7/1 取得・7/25 喪失: 最初の規則が勝つ NOT_ENROLLED"))
    h = f.household(e["101"], 1)
    _lose(h[0], D(2024, 3, 31), D(2024, 4, 2))
    h[0].ref.mynumber4 = ""
    add(_note(h, "3/31 喪失かつ個人番号なし: 規則の順で LOST_BEFORE_ASOF"))

    h = f.household(e["2001"], 1)
    _lose(h[0], D(2024, 8, 21), None)
    add(_note(h, "8/21 喪失、喪失処理日なし（喪失日 = 処理日, 凍結後）: RETURN、返送封筒"))
    h = f.household(e["2001"], 2)
    for r in h:
        r.ref.mynumber4 = ""
    add(_note(h, "世帯全員 個人番号なし: NO_MYNUMBER ×2、封筒なし"))
    h = f.household(e["2001"], 2, surname=("別府", "ベップ"))
    for r in h:
        r.cells["kana"] = r.kana.replace("ベップ", "ﾍﾞｯﾌﾟ").replace("\u3000", " ")
    add(_note(h, "半角カナ（濁点・半濁点 ﾍﾞｯﾌﾟ）: 全角に変換"))
    h = f.household(e["2001"], 2, surname=("髙橋", "タカハシ"))
    add(_note(h, "氏名の「髙」（IPAex にあり、警告なし、NFKC しない）"))
    h = f.household(e["10"], 1, surname=("山﨑", "ヤマザキ"))
    add(_note(h, "氏名の「﨑」（IPAex にあり、警告なし、NFKC しない）"))
    for h in out:
        for r in h:
            r.ordinary = False
    return out


def build_clean_sample(seed: int = 20240807) -> CleanSample:
    """All households of the clean sample (row numbers are set by the sheet)."""
    rng = random.Random(seed)
    employers = make_employers()
    f = HouseholdFactory(rng)
    households = specials(f, employers)
    outcomes = evaluate([r.ref for h in households for r in h])
    have = {code: 0 for code in employers}
    for h in households:
        if any(outcomes[r.ref.row].reason is None for r in h):
            have[h[0].ref.employer] += 1
    for code, target in ENVELOPE_TARGETS.items():
        households += [f.household(employers[code]) for _ in range(target - have[code])]
    while sum(len(h) for h in households) < TARGET_ROWS:
        households.append(f.household(employers["10"]))
    apply_form_coverage(households, random.Random(seed + 1))
    return CleanSample(employers, households)


# (field, literal cell, intended date, who may carry it, note)
_ACQ = "資格取得日"
DATE_COVERAGE = (
    ("acquired", "2024/6/30", D(2024, 6, 30), "any", "取得処理日 6/28 と共に両方の境界: 送付"),
    ("acquired", "2024-06-30", D(2024, 6, 30), "any", ""),
    ("acquired", "2024.6.30", D(2024, 6, 30), "any", ""),
    ("acquired", "20240630", D(2024, 6, 30), "any", ""),
    ("acquired", "令和6年6月30日", D(2024, 6, 30), "any", ""),
    ("acquired", "R6.6.30", D(2024, 6, 30), "any", ""),
    ("acquired", "R06/06/30", D(2024, 6, 30), "any", ""),
    ("acquired", "２０２４/６/３０", D(2024, 6, 30), "any", "全角数字"),
    ("acquired", "令和６年４月１日", D(2024, 4, 1), "any", "全角数字の和暦"),
    ("acquired", "令和元年5月1日", D(2019, 5, 1), "any", ""),
    ("acquired", "H10.8.1", D(1998, 8, 1), "old", ""),
    ("acquired", "平成10年8月1日", D(1998, 8, 1), "old", ""),
    ("acquired", datetime(2015, 4, 1, 9, 30), D(2015, 4, 1), "adult", "時刻つき datetime"),
    ("acquired", datetime(2016, 10, 1), D(2016, 10, 1), "adult", "datetime"),
    ("acquired", excel_serial(D(2012, 4, 1)), D(2012, 4, 1), "adult", "シリアル値 (数値セル)"),
    ("birth", "S60.1.1", D(1985, 1, 1), "young", ""),
    ("birth", "昭和60年1月1日", D(1985, 1, 1), "young", ""),
    ("birth", excel_serial(D(1979, 3, 3)), D(1979, 3, 3), "insured", "シリアル値 (数値セル)"),
    ("birth", D(1975, 12, 24), D(1975, 12, 24), "insured", "Excel の日付セル"),
)
# (field, cell, who) — 本人家族区分, 枝番 and 負担割合 in each form
VALUE_COVERAGE = (
    ("kubun", "本人", "insured"), ("kubun", "被保険者", "insured"), ("kubun", "1", "insured"),
    ("kubun", 1, "insured"), ("kubun", 1.0, "insured"),
    ("kubun", "家族", "dependent"), ("kubun", "被扶養者", "dependent"), ("kubun", "2", "dependent"),
    ("kubun", 2, "dependent"), ("kubun", 2.0, "dependent"),
    ("edaban", 0, "insured"), ("edaban", "0", "insured"), ("edaban", 1, "dep01"),
    ("edaban", "1", "dep01"), ("edaban", "０２", "dep02"),
    ("burden", "1割", "any"), ("burden", "2割", "any"), ("burden", 0.3, "any"),
    ("burden", "0.3", "any"), ("burden", "30%", "any"),
)
FIELD_LABELS = {"acquired": _ACQ, "birth": "生年月日", "kubun": "本人家族区分",
                "edaban": "枝番", "burden": "負担割合"}


def _fits(row: SampleRow, who: str) -> bool:
    r = row.ref
    return {
        "any": True,
        "insured": r.insured,
        "dependent": not r.insured,
        "dep01": r.edaban == "01",
        "dep02": r.edaban == "02",
        "old": r.insured and row.birth <= D(1976, 1, 1),
        "adult": row.birth <= D(1990, 1, 1),
        "young": r.insured and r.acquired >= D(2008, 4, 1),
    }[who]


def apply_form_coverage(households: list[list[SampleRow]], rng: random.Random) -> None:
    """Give ordinary rows each accepted form once, with a README note."""
    pool = [r for h in households for r in h if r.ordinary]
    rng.shuffle(pool)
    used: set[tuple[int, str]] = set()

    def take(fld: str, who: str) -> SampleRow:
        for r in pool:
            if (r.ref.row, fld) not in used and _fits(r, who):
                used.add((r.ref.row, fld))
                return r
        raise RuntimeError(f"no ordinary row left for {fld}/{who}")

    for fld, cell, value, who, extra in DATE_COVERAGE:
        r = take(fld, who)
        if fld == "acquired":
            r.ref.acquired = value
            r.ref.acquired_recorded = D(2024, 6, 28) if extra.startswith("取得処理日") else None
        else:
            r.birth = value
        r.cells[fld] = cell
        shown = cell if isinstance(cell, str) else f"{type(cell).__name__} {cell}"
        r.notes.append(f"{FIELD_LABELS[fld]}「{shown}」= {value.isoformat()}"
                       + (f"（{extra}）" if extra else ""))
    for fld, cell, who in VALUE_COVERAGE:
        r = take(fld, who)
        r.cells[fld] = cell
        if fld == "burden":
            r.burden = str(cell)
        kind = "数値セル" if isinstance(cell, (int, float)) else "文字列"
        r.notes.append(f"{FIELD_LABELS[fld]} {cell!r}（{kind}）")
