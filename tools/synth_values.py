"""Synthetic values for member workbooks: names, kana, My Numbers, date forms.

Names are combinations of very common surnames and given names (never a real
person's record). Every kanji used here is in the bundled IPAex fonts, so a
name built from these lists never raises a 外字 warning.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime, time

SURNAMES: tuple[tuple[str, str], ...] = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"),
    ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"),
    ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
    ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"),
    ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
    ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"),
    ("阿部", "アベ"), ("石川", "イシカワ"), ("前田", "マエダ"), ("藤田", "フジタ"),
    ("小川", "オガワ"), ("岡田", "オカダ"), ("後藤", "ゴトウ"), ("長谷川", "ハセガワ"),
    ("村上", "ムラカミ"), ("近藤", "コンドウ"), ("石井", "イシイ"), ("坂本", "サカモト"),
    ("遠藤", "エンドウ"), ("青木", "アオキ"), ("藤井", "フジイ"), ("西村", "ニシムラ"),
    ("福田", "フクダ"), ("太田", "オオタ"), ("三浦", "ミウラ"), ("岡本", "オカモト"),
    ("松田", "マツダ"), ("中川", "ナカガワ"), ("中野", "ナカノ"), ("原田", "ハラダ"),
    ("小野", "オノ"), ("田村", "タムラ"), ("竹内", "タケウチ"), ("金子", "カネコ"),
    ("和田", "ワダ"), ("中山", "ナカヤマ"), ("石田", "イシダ"), ("上田", "ウエダ"),
    ("森田", "モリタ"), ("柴田", "シバタ"), ("酒井", "サカイ"), ("工藤", "クドウ"),
    ("横山", "ヨコヤマ"), ("宮崎", "ミヤザキ"), ("宮本", "ミヤモト"), ("内田", "ウチダ"),
    ("高木", "タカギ"), ("安藤", "アンドウ"), ("谷口", "タニグチ"), ("大野", "オオノ"),
    ("丸山", "マルヤマ"), ("今井", "イマイ"), ("藤原", "フジワラ"), ("村田", "ムラタ"),
)

MALE_NAMES: tuple[tuple[str, str], ...] = (
    ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健太", "ケンタ"), ("翔太", "ショウタ"),
    ("大輔", "ダイスケ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"), ("健一", "ケンイチ"),
    ("誠", "マコト"), ("浩", "ヒロシ"), ("隆", "タカシ"), ("修", "オサム"),
    ("蓮", "レン"), ("悠真", "ユウマ"), ("陽翔", "ハルト"), ("湊", "ミナト"),
    ("大樹", "ダイキ"), ("亮", "リョウ"), ("和也", "カズヤ"), ("学", "マナブ"),
)

FEMALE_NAMES: tuple[tuple[str, str], ...] = (
    ("花子", "ハナコ"), ("陽子", "ヨウコ"), ("恵子", "ケイコ"), ("裕子", "ユウコ"),
    ("美穂", "ミホ"), ("直美", "ナオミ"), ("由美", "ユミ"), ("愛", "アイ"),
    ("彩", "アヤ"), ("舞", "マイ"), ("結衣", "ユイ"), ("陽菜", "ヒナ"),
    ("美咲", "ミサキ"), ("さくら", "サクラ"), ("葵", "アオイ"), ("凛", "リン"),
    ("真由美", "マユミ"), ("智子", "トモコ"), ("久美子", "クミコ"), ("明美", "アケミ"),
)

NAME_SPACE = "\u3000"  # names and kana are written with a full-width space


def _half_width_table() -> dict[str, str]:
    """Full-width katakana → half-width form (voiced marks as two characters)."""
    table: dict[str, str] = {}
    for cp in range(0xFF66, 0xFF9E):
        half = chr(cp)
        table.setdefault(unicodedata.normalize("NFKC", half), half)
        for mark in ("\uFF9E", "\uFF9F"):
            full = unicodedata.normalize("NFKC", half + mark)
            if len(full) == 1:
                table.setdefault(full, half + mark)
    table[NAME_SPACE] = " "
    return table


_HALF = _half_width_table()


def to_half_width_kana(kana: str) -> str:
    """``ヤマダ　タロウ`` → ``ﾔﾏﾀﾞ ﾀﾛｳ`` (what old exports contain)."""
    return "".join(_HALF.get(ch, ch) for ch in kana)


def to_full_width_digits(text: str) -> str:
    """``2024/6/30`` → ``２０２４/６/３０`` (digits only)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def mynumber_check_digit(first_eleven: str) -> int:
    """The 個人番号 check digit of the spec (members-workbook.md, Check digits)."""
    if len(first_eleven) != 11 or not first_eleven.isdigit():
        raise ValueError("eleven digits expected")
    total = 0
    for n in range(1, 12):
        p = int(first_eleven[-n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def synthetic_mynumber(first_eleven: str) -> str:
    """A 12-digit number with a correct check digit, for reduction tests only."""
    return first_eleven + str(mynumber_check_digit(first_eleven))


# --- dates ---------------------------------------------------------------

ERAS: tuple[tuple[str, str, date], ...] = (
    ("令和", "R", date(2019, 5, 1)),
    ("平成", "H", date(1989, 1, 8)),
    ("昭和", "S", date(1926, 12, 25)),
    ("大正", "T", date(1912, 7, 30)),
    ("明治", "M", date(1868, 1, 25)),
)

EXCEL_EPOCH = date(1899, 12, 30)


def era_of(d: date) -> tuple[str, str, int]:
    """(kanji era, letter, era year) of a Gregorian date inside the era's span."""
    for kanji, letter, start in ERAS:
        if d >= start:
            return kanji, letter, d.year - start.year + 1
    raise ValueError(f"{d} is before 明治")


def excel_serial(d: date) -> int:
    """The Excel (1900 system) serial number of a date after 1900-03-01."""
    return (d - EXCEL_EPOCH).days


DATE_FORMS = (
    "date", "datetime", "datetime_time", "serial", "slash", "iso", "dot",
    "compact", "era_kanji", "era_letter", "era_letter_padded", "fullwidth",
    "era_kanji_fullwidth",
)


def render_date(d: date, form: str) -> object:
    """The cell value for date ``d`` written in one of :data:`DATE_FORMS`."""
    if form == "date":
        return d
    if form == "datetime":
        return datetime.combine(d, time())
    if form == "datetime_time":
        return datetime.combine(d, time(9, 30))
    if form == "serial":
        return excel_serial(d)
    if form == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if form == "iso":
        return d.isoformat()
    if form == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if form == "compact":
        return d.strftime("%Y%m%d")
    if form == "fullwidth":
        return to_full_width_digits(f"{d.year}/{d.month}/{d.day}")
    kanji, letter, year = era_of(d)
    if form in ("era_kanji", "era_kanji_fullwidth"):
        text = f"{kanji}{'元' if year == 1 else year}年{d.month}月{d.day}日"
        return to_full_width_digits(text) if form == "era_kanji_fullwidth" else text
    if form == "era_letter":
        return f"{letter}{year}.{d.month}.{d.day}"
    if form == "era_letter_padded":
        return f"{letter}{year:02d}/{d.month:02d}/{d.day:02d}"
    raise ValueError(f"unknown date form {form!r}")


def pick_name(rng: random.Random, surname: tuple[str, str], female: bool) -> tuple[str, str]:
    """A (kanji, kana) full name with the given surname."""
    given = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    return (surname[0] + NAME_SPACE + given[0], surname[1] + NAME_SPACE + given[1])
