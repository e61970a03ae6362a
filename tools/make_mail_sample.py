"""Write the direct-mail sample: 任意継続 members and households sent home.

Usage::

    python -m tools.make_mail_sample [--out resources/samples]

Writes ``sample-mail.xlsx``, its run profile ``sample-mail.toml`` (``[direct_mail]
employers = ["9999"]``, the society's 任意継続 pseudo-employer) and
``sample-mail-expected.json``. The expected figures are worked out here from
what the generator means to write (who is mailed, in which order, the counts
by the first three digits of the postal code), independently of
``print_engine``; the barcode data given for some envelopes are the Japan
Post manual's worked examples and hand-checked cases. Synthetic data only.
Deterministic: the same bytes on every run.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from tools.make_samples import SAMPLES_DIR, normalise_xlsx

HEADERS = ["事業所コード", "事業所名", "所属コード", "記号", "番号", "枝番", "本人家族区分", "氏名", "フリガナ",
           "資格取得年月日", "資格喪失年月日", "個人番号下4桁", "送付先", "郵便番号", "住所", "住所2", "宛名"]
MAILED_EMPLOYER = "9999"
PROFILE = """# 自宅郵送のサンプル（resources/samples/sample-mail.xlsx 用）
# The direct-mail sample's run profile: everything else is the bundled default.

[direct_mail]
employers = ["9999"]                # 任意継続（全世帯を自宅へ郵送） / 任意継続: every household mailed home
barcode_pt = 10.0                   # カスタマバーコードの大きさ / barcode size
"""


@dataclass
class Person:
    name: str
    kana: str
    lost: str | None = None  # 資格喪失年月日 (before the as-of date: excluded)


@dataclass
class Household:
    employer: str
    kigo: str
    bango: str
    people: list[Person]
    send_to: str = ""
    postal: str = ""
    address: str = ""
    building: str = ""
    addressee: str = ""
    barcode: str = ""  # expected data + check digit, where known independently
    extra: dict = field(default_factory=dict)


EMPLOYERS = {"1": "株式会社サンプル電機", "2": "サンプル精工株式会社", MAILED_EMPLOYER: "任意継続"}

HOUSEHOLDS = [
    # employer 1: three households stay with the employer, one is sent home
    Household("1", "11", "1001", [Person("佐藤 一郎", "サトウ イチロウ"), Person("佐藤 花子", "サトウ ハナコ")]),
    Household("1", "11", "1002", [Person("鈴木 次郎", "スズキ ジロウ")], send_to="事業所",
              postal="150-0001", address="東京都渋谷区神宮前1-1-1"),
    Household("1", "11", "1003", [Person("高橋 三郎", "タカハシ サブロウ")], send_to="自宅",
              postal="100-0013", address="東京都千代田区霞が関1丁目3番2号", building="郵便プラザ503室",
              barcode="10000131-3-2-503[CC4][CC4][CC4][CC4]9"),
    Household("1", "11", "1004", [Person("田中 四郎", "タナカ シロウ")]),
    # employer 2: one household home with another addressee
    Household("2", "2020", "20001", [Person("伊藤 五郎", "イトウ ゴロウ"), Person("伊藤 桜", "イトウ サクラ"),
                                     Person("伊藤 葵", "イトウ アオイ")]),
    Household("2", "2020", "20002", [Person("渡辺 六郎", "ワタナベ ロクロウ")], send_to="自宅",
              postal="273-0102", address="千葉県鎌ケ谷市右京塚　東3丁目-20-5", building="郵便・A&bコーポB604号",
              addressee="渡辺 春子", barcode="27301023-20-5[CC1]1604[CC4][CC4]0"),
    Household("2", "2020", "20003", [Person("山本 七郎", "ヤマモト シチロウ")]),
    # 9999 任意継続: every household mailed home, whatever 送付先 says
    Household(MAILED_EMPLOYER, "9000", "1", [Person("中村 八郎", "ナカムラ ハチロウ"), Person("中村 梅", "ナカムラ ウメ")],
              postal="〒１００－００１３", address="東京都港区芝五丁目十一番二十一号",
              barcode="10000135-11-21[CC4][CC4][CC4][CC4][CC4][CC4][CC4]"),
    Household(MAILED_EMPLOYER, "9000", "2", [Person("小林 九郎", "コバヤシ クロウ")], send_to="事業所",
              postal="060-0001", address="北海道札幌市中央区北一条西", building="",
              barcode="0600001" + "[CC4]" * 13 + "1"),
    Household(MAILED_EMPLOYER, "9000", "3", [Person("加藤 十郎", "カトウ ジュウロウ")],
              postal="2730102", address="千葉県鎌ケ谷市右京塚1234-5678-90A",
              barcode="27301021234-5678-90[CC1]4"),  # the letter-split case
    Household(MAILED_EMPLOYER, "9000", "4", [Person("吉田 健", "ヨシダ ケン"), Person("吉田 稔", "ヨシダ ミノル")],
              postal="020-0173", address="岩手県滝沢市第二十一地割三番", building="タキザワハイツ5F", barcode="020017321-3-5" + "[CC4]" * 7 + "-"),
    Household(MAILED_EMPLOYER, "9000", "5", [Person("山田 勇", "ヤマダ イサム", lost="2024-03-31")],
              postal="100-0001", address="東京都千代田区千代田1-1"),  # lost before the as-of date: no envelope
    Household(MAILED_EMPLOYER, "9000", "6", [Person("佐々木 誠", "ササキ マコト")],
              postal="100-0014", address="東京都千代田区永田町二丁目一番一号",
              building="サンプルタワーレジデンス 東棟 二十三階 二三〇一号室 管理組合気付",
              barcode="10000142-1-1-2301[CC4][CC4][CC4]7"),
]


def rows() -> list[list[object]]:
    out = []
    for h in HOUSEHOLDS:
        for i, p in enumerate(h.people):
            out.append([h.employer, EMPLOYERS[h.employer], "", h.kigo, h.bango, f"{i:02d}", "本人" if i == 0 else "家族",
                        p.name, p.kana, "2015/04/01", p.lost and p.lost.replace("-", "/"), f"{1000 + len(out):04d}",
                        h.send_to, h.postal, h.address, h.building, h.addressee])
    return out


def _postal(text: str) -> str:
    return "".join(ch for ch in text.translate({0xFF10 + d: 0x30 + d for d in range(10)}) if ch.isdigit())


def expected() -> dict[str, object]:
    """The figures a run of the bundled default profile + sample-mail.toml must give."""
    envelopes = [h for h in HOUSEHOLDS if any(p.lost is None for p in h.people)]
    mailed = [h for h in envelopes if h.employer == MAILED_EMPLOYER or h.send_to == "自宅"]
    staying = [h for h in envelopes if h not in mailed]
    order = sorted(mailed, key=lambda h: (_postal(h.postal), int(h.kigo), int(h.bango)))
    areas: dict[str, int] = {}
    for h in order:
        areas[_postal(h.postal)[:3]] = areas.get(_postal(h.postal)[:3], 0) + 1
    per_employer: dict[str, int] = {}
    for h in staying:
        per_employer[h.employer] = per_employer.get(h.employer, 0) + 1
    return {
        "workbook": "sample-mail.xlsx",
        "profile": "sample-mail.toml",
        "members_rows": sum(len(h.people) for h in HOUSEHOLDS),
        "included": sum(1 for h in envelopes for p in h.people if p.lost is None),
        "envelopes": len(envelopes),
        "mailed_envelopes": len(mailed),
        "mailed_notices": sum(1 for h in mailed for p in h.people if p.lost is None),
        "envelopes_per_employer": per_employer,
        "mailed_order": [f"{h.kigo}-{h.bango}" for h in order],
        "mailed_postal_codes": [_postal(h.postal) for h in order],
        "counts_by_area": areas,
        "addressees": {f"{h.kigo}-{h.bango}": h.addressee or h.people[0].name for h in order},
        "barcodes": {f"{h.kigo}-{h.bango}": h.barcode for h in order if h.barcode},
    }


def make_mail_sample(out_dir: Path = SAMPLES_DIR) -> dict[str, object]:
    out_dir.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "加入者"
    ws.append(HEADERS)
    for r in rows():
        ws.append(r)
    path = out_dir / "sample-mail.xlsx"
    wb.save(path)
    normalise_xlsx(path)
    (out_dir / "sample-mail.toml").write_text(PROFILE, encoding="utf-8")
    figures = expected()
    (out_dir / "sample-mail-expected.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.make_mail_sample", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output folder")
    args = parser.parse_args(argv)
    figures = make_mail_sample(args.out)
    print(f"sample-mail.xlsx: {figures['members_rows']} rows, {figures['envelopes']} envelopes, "
          f"{figures['mailed_envelopes']} mailed, areas {figures['counts_by_area']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
