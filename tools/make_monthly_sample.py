"""Write the monthly sample: notices and 資格確認書 to the same households (certificate.md).

Usage::

    python -m tools.make_monthly_sample [--out resources/samples]

Writes ``monthly.xlsx``, its run profile ``monthly.toml`` (the December 2025
monthly run: ``[issue] kind = "by-registration"``) and
``monthly-expected.json``. The expected figures come from
``tools.reference_rules`` (``evaluate_monthly``), independently of
``print_engine``. Every deliberate case carries a note (``cases`` in the
JSON). Synthetic data only; deterministic: the same bytes on every run.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import openpyxl

from tools.make_samples import SAMPLES_DIR, normalise_xlsx
from tools.reference_rules import RefCertificateRules, RefMember, RefRow, RefRules, evaluate_monthly, natural_key

D = date
SEED = 20251201
ISSUE = D(2025, 12, 1)
RULES = RefRules(as_of=D(2025, 11, 30), enrolled_by=D(2025, 11, 30), enrollment_recorded_by=D(2025, 11, 28),
                 freeze=D(2025, 12, 1))
CERT = RefCertificateRules(issue_date=ISSUE, valid_until=D(2030, 11, 30))
HEADERS = ["事業所コード", "事業所名", "所属コード", "記号", "番号", "枝番", "本人家族区分", "氏名", "フリガナ", "性別",
           "生年月日", "資格取得年月日", "資格喪失年月日", "喪失処理日", "個人番号下4桁", "負担割合", "マイナ保険証",
           "任継満了日", "在留期限"]
EMPLOYERS = {"1": "株式会社サンプル電機", "2": "サンプル精工株式会社", "9999": "任意継続被保険者"}
PROFILE = """# 毎月の交付のサンプル（resources/samples/monthly.xlsx 用）
# The monthly sample's run profile (December 2025): notices to members with a
# マイナ保険証, 資格確認書 to the others. Everything else is the bundled default.

[insurer]
inquiry_name = "加入者サービスダイヤル"   # 問い合わせ先の名称 / name of the inquiry line

[run]
variant = "initial"
as_of = 2025-11-30                  # お知らせに印字する時点 / the notice's as-of date
issue_date = 2025-12-01             # 交付年月日 / issue date

[rules]
enrolled_by = 2025-11-30
enrollment_recorded_by = 2025-11-28
freeze = 2025-12-01
new_members_from = 2025-11-01
new_members_to = 2025-11-28

[issue]
kind = "by-registration"            # マイナ保険証の列で書類を決める / the マイナ保険証 column decides

[certificate]
valid_until = 2030-11-30            # 有効期限（交付日から5年以内） / at most five years after the issue date
cap_at_75 = true
print_sex = true
back_side = true                    # 裏面（臓器提供意思表示欄）あり / with the back page

[[packing.leaflets]]
name = "green"                      # お知らせの封筒に / with a notice
documents = ["notice"]

[[packing.leaflets]]
name = "blue"                       # お知らせの封筒に / with a notice
documents = ["notice"]

[[packing.leaflets]]
name = "certificate"                # 資格確認書の案内（資格確認書の入る封筒に1部） / with a certificate
documents = ["certificate"]
"""
REGISTERED = ["有", "○", "1", "登録済", "はい", "true"]
NOT_REGISTERED = ["無", "×", "0", "未登録", "いいえ", "false"]
SURNAMES = ["見本", "試験", "模擬", "仮名", "例示", "標本", "雛形", "手本"]
GIVEN = [("一郎", "イチロウ", "男"), ("花子", "ハナコ", "女"), ("次郎", "ジロウ", "男"), ("桜", "サクラ", "女"),
         ("三郎", "サブロウ", "男"), ("葵", "アオイ", "女"), ("健", "ケン", "男"), ("結衣", "ユイ", "女")]
SURNAME_KANA = {"見本": "ミホン", "試験": "シケン", "模擬": "モギ", "仮名": "カメイ", "例示": "レイジ",
                "標本": "ヒョウホン", "雛形": "ヒナガタ", "手本": "テホン"}


@dataclass
class Person:
    given: int  # index into GIVEN
    birth: date
    registered: bool
    acquired: date = D(2015, 4, 1)
    burden: str = ""
    continuation_end: date | None = None
    residence_end: date | None = None
    mynumber: str = "1234"
    lost: date | None = None
    loss_recorded: date | None = None
    note: str = ""


@dataclass
class Household:
    employer: str
    people: list[Person]
    affiliation: str = ""
    note: str = ""
    rows: list[RefMember] = field(default_factory=list)


def special_households() -> list[Household]:
    """The deliberate cases of certificate.md, one household each."""
    P = Person
    return [
        Household("1", [P(0, D(1980, 5, 5), True), P(1, D(1982, 7, 7), False), P(2, D(2012, 1, 20), True)],
                  note="マイナ保険証の有無が世帯内で異なる: 一つの封筒にお知らせ2通と資格確認書1通（被保険者が先頭）"),
        Household("1", [P(0, D(1953, 5, 20), False, D(1990, 4, 1), burden="2割",
                          note="72歳（70〜74歳）: 負担割合2割と発効期日（70歳に達した日の翌月1日）を印字")]),
        Household("1", [P(4, D(1951, 4, 10), False, D(1985, 4, 1), burden="2割",
                          note="74歳: 有効期限は75歳の誕生日の前日（令和8年4月9日）")]),
        Household("2", [P(2, D(1955, 12, 1), False, D(1995, 4, 1), burden="2割",
                          note="交付日が70歳の誕生日（1日生まれ）: 発効期日は誕生月の1日")]),
        Household("2", [P(4, D(1950, 12, 1), False, D(1980, 4, 1), burden="2割",
                          note="交付日が75歳の誕生日（後期高齢者）: 有効期限が前日になり EXPIRED_BEFORE_ISSUE")]),
        Household("2", [P(6, D(1952, 2, 29), False, D(2000, 4, 1), burden="2割",
                          note="2月29日生まれの73歳: 発効期日は3月1日")]),
        Household("2", [P(0, D(1953, 1, 10), False, D(2025, 4, 1), burden="3割",
                          note="72歳で加入: 発効期日は資格取得年月日")]),
        Household("2", [P(1, D(1954, 8, 8), True, D(1999, 4, 1), burden="2割",
                          note="70〜74歳でもマイナ保険証あり: お知らせ（負担割合は不要）")]),
        Household("9999", [P(4, D(1978, 3, 3), False, D(2025, 4, 1), continuation_end=D(2027, 3, 31),
                             note="任意継続: 有効期限は任継満了日")]),
        Household("1", [P(5, D(1990, 9, 9), False, D(2023, 10, 1), residence_end=D(2026, 8, 20),
                          note="在留期限: 有効期限は在留期限")]),
        Household("1", [P(7, D(1991, 1, 1), False, D(2024, 10, 1), residence_end=D(2025, 11, 15),
                          note="在留期限が交付日より前: EXPIRED_BEFORE_ISSUE で除外")]),
        Household("2", [P(6, D(1975, 6, 6), False, mynumber="",
                          note="個人番号なしでも資格確認書は交付（NO_MYNUMBER はお知らせだけ）")]),
        Household("2", [P(2, D(1985, 2, 2), True, mynumber="", note="マイナ保険証ありで個人番号なし: NO_MYNUMBER")]),
        Household("1", [P(0, D(1970, 10, 10), False, lost=D(2025, 12, 15), loss_recorded=D(2025, 12, 5)),
                        P(3, D(1972, 11, 11), False)],
                  note="確定日後に喪失の届出: 返送（RETURN）の封筒（資格確認書2通）"),
    ]


def ordinary_households(rng: random.Random) -> list[Household]:
    out = []
    for i in range(14):
        size = rng.choice((1, 1, 2, 3, 4))
        people = []
        for j in range(size):
            birth = D(rng.randint(1960, 1995), rng.randint(1, 12), rng.randint(1, 28)) if j < 2 else \
                D(rng.randint(2008, 2022), rng.randint(1, 12), rng.randint(1, 28))
            people.append(Person(rng.randrange(len(GIVEN)), birth, rng.random() < 0.6,
                                 D(rng.randint(2005, 2024), rng.randint(1, 12), 1),
                                 mynumber=f"{rng.randint(0, 9999):04d}"))
        out.append(Household(rng.choice(("1", "2")), people, affiliation=rng.choice(("", "01", "02"))))
    return out


def build(rng: random.Random) -> tuple[list[list[object]], list[RefMember], dict[int, str]]:
    """The sheet's rows, the intended values and the note of each deliberate row."""
    households = special_households() + ordinary_households(rng)
    rng.shuffle(households)
    numbers = {"1": 1000, "2": 20000, "9999": 900}
    sheet, refs, notes = [], [], {}
    for h in sorted(households, key=lambda h: natural_key(h.employer)):
        numbers[h.employer] += rng.randint(1, 3)
        kigo, bango = {"1": "11", "2": "2020", "9999": "9999"}[h.employer], str(numbers[h.employer])
        surname = rng.choice(SURNAMES)
        for j, p in enumerate(h.people):
            row = len(sheet) + 2
            given, kana, sex = GIVEN[p.given]
            edaban = f"{j:02d}"
            shown_sex = rng.choice((sex, "1" if sex == "男" else "2"))
            myna = rng.choice(REGISTERED if p.registered else NOT_REGISTERED)
            sheet.append([h.employer, EMPLOYERS[h.employer], h.affiliation, kigo, bango, edaban,
                          "本人" if j == 0 else "家族", f"{surname} {given}", f"{SURNAME_KANA[surname]} {kana}",
                          shown_sex, p.birth, p.acquired, p.lost, p.loss_recorded, p.mynumber or None,
                          p.burden or None, myna, p.continuation_end, p.residence_end])
            base = RefRow(row=row, employer=h.employer, kigo=kigo, bango=bango, edaban=edaban, insured=j == 0,
                          acquired=p.acquired, affiliation=h.affiliation, lost=p.lost, loss_recorded=p.loss_recorded,
                          mynumber4=p.mynumber)
            refs.append(RefMember(base, p.birth, sex, p.registered, p.burden, p.continuation_end, p.residence_end))
            if p.note or (h.note and j == 0):
                notes[row] = p.note or h.note
    return sheet, refs, notes


def expected(refs: list[RefMember], notes: dict[int, str]) -> dict:
    outcome = evaluate_monthly(refs, RULES, CERT)
    per_employer: dict[str, dict] = {}
    households: dict[tuple[str, str], list[RefMember]] = {}
    for m in refs:
        households.setdefault((m.base.kigo, m.base.bango), []).append(m)
    for (kigo, bango), members in households.items():
        included = [m for m in members if outcome[m.base.row]["reason"] is None]
        if not included:
            continue
        docs = [outcome[m.base.row]["document"] for m in included]
        e = per_employer.setdefault(members[0].base.employer, {"envelopes": 0, "notices": 0, "certificates": 0,
                                                                 "green_leaflets": 0, "blue_leaflets": 0,
                                                                 "certificate_leaflets": 0, "return_envelopes": 0})
        e["envelopes"] += 1
        e["notices"] += docs.count("notice")
        e["certificates"] += docs.count("certificate")
        for leaflet, kind in (("green", "notice"), ("blue", "notice"), ("certificate", "certificate")):
            e[f"{leaflet}_leaflets"] += kind in docs
        e["return_envelopes"] += all(outcome[m.base.row]["flag"] == "RETURN" for m in included)
    reasons: dict[str, int] = {}
    for o in outcome.values():
        if o["reason"]:
            reasons[o["reason"]] = reasons.get(o["reason"], 0) + 1
    included = [o for o in outcome.values() if o["reason"] is None]
    return {
        "workbook": "monthly.xlsx",
        "profile": "monthly.toml",
        "issue_date": ISSUE.isoformat(),
        "members_rows": len(refs),
        "notices": sum(o["document"] == "notice" for o in included),
        "certificates": sum(o["document"] == "certificate" for o in included),
        "elderly_certificates": sum(bool(o.get("elderly")) for o in included),
        "reasons": dict(sorted(reasons.items())),
        "errors": 0,
        "packing": dict(sorted(per_employer.items(), key=lambda kv: natural_key(kv[0]))),
        "cases": {str(row): text for row, text in sorted(notes.items())},
        "rows": {str(m.base.row): outcome[m.base.row] for m in refs},
    }


def make_monthly_sample(out_dir: Path = SAMPLES_DIR, seed: int = SEED) -> dict:
    sheet, refs, notes = build(random.Random(seed))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "加入者"
    ws.append(HEADERS)
    for r in sheet:
        ws.append(r)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy/m/d"
    path = out_dir / "monthly.xlsx"
    wb.save(path)
    normalise_xlsx(path)
    (out_dir / "monthly.toml").write_text(PROFILE, encoding="utf-8")
    figures = expected(refs, notes)
    (out_dir / "monthly-expected.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_monthly_sample", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output folder")
    args = parser.parse_args(argv)
    f = make_monthly_sample(args.out)
    print(f"monthly.xlsx: {f['members_rows']} rows, {f['notices']} notices, {f['certificates']} certificates "
          f"({f['elderly_certificates']} aged 70–74), reasons {f['reasons']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
