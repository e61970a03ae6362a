"""The member sheet's columns: known headers, aliases and the header-row search.

Headers are compared after NFKC normalisation and removal of all spaces, so
``氏名（カナ）``, ``氏名(カナ)`` and ``氏 名`` match the same field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

HEADER_SEARCH_ROWS = 20
MIN_KNOWN_HEADERS = 3


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


MEMBER_FIELDS: tuple[Field, ...] = (
    Field("employer_code", "事業所コード", ("事業所番号", "事業所CD"), True),
    Field("employer_name", "事業所名", ("事業所名称",), True),
    Field("affiliation", "所属コード", ("所属", "所属CD", "所属番号")),
    Field("kigo", "記号", ("被保険者記号",), True),
    Field("bango", "番号", ("被保険者番号",), True),
    Field("edaban", "枝番", ("枝番号",), True),
    Field("kubun", "本人家族区分", ("続柄区分", "被保険者区分", "区分"), True),
    Field("name", "氏名", ("漢字氏名", "氏名（漢字）"), True),
    Field("kana", "フリガナ", ("カナ氏名", "氏名（カナ）", "ﾌﾘｶﾞﾅ")),
    Field("birth_date", "生年月日"),
    Field("acquired", "資格取得年月日", ("資格取得日", "取得年月日"), True),
    Field("acquired_recorded", "取得処理日", ("資格取得処理日", "取得届受付日")),
    Field("lost", "資格喪失年月日", ("資格喪失日", "喪失年月日", "扶養削除日")),
    Field("loss_recorded", "喪失処理日", ("喪失届受付日", "喪失登録日")),
    Field("mynumber", "個人番号下4桁", ("マイナンバー下4桁", "個人番号")),
    Field("burden_ratio", "負担割合"),
    Field("postal_code", "郵便番号", ("〒",)),
    Field("address", "住所", ("住所1",)),
    Field("address2", "住所2"),
    # certificate.md: optional unless the run needs them
    Field("myna_card", "マイナ保険証", ("マイナ保険証登録", "マイナ保険証利用登録", "利用登録")),
    Field("sex", "性別", ("性別区分",)),
    Field("continuation_end", "任継満了日", ("任意継続満了日", "資格満了日")),
    Field("residence_end", "在留期限", ("在留期間満了日",)),
    # direct-mail.md: optional
    Field("send_to", "送付先", ("送付先区分",)),
    Field("addressee", "宛名"),
)

EMPLOYER_SHEET_NAMES = ("事業所", "事業所一覧", "employers")

EMPLOYER_FIELDS: tuple[Field, ...] = (
    Field("employer_code", "事業所コード", ("事業所番号", "事業所CD"), True),
    Field("employer_name", "事業所名", ("事業所名称",)),
    Field("pack_by_affiliation", "所属別梱包"),
    Field("postal_code", "送付先郵便番号"),
    Field("address", "送付先住所"),
    Field("contact", "担当者"),
)

_SPACES = re.compile(r"\s+")


def normalize_header(text: object) -> str:
    """NFKC, spaces removed; ``None`` and non-text give ''."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    return _SPACES.sub("", s)


def _alias_table(fields: tuple[Field, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for f in fields:
        for name in f.names:
            table.setdefault(normalize_header(name), f.key)
    return table


_MEMBER_ALIASES = _alias_table(MEMBER_FIELDS)
_EMPLOYER_ALIASES = _alias_table(EMPLOYER_FIELDS)
_ALL_ALIASES = {**_EMPLOYER_ALIASES, **_MEMBER_ALIASES}


@dataclass(slots=True)
class HeaderRow:
    """Where the header is and which column holds which field.

    ``row_index`` is 0-based within the sheet's rows as read; ``columns`` maps
    field key → 0-based column index; ``labels`` maps field key → the header
    as written in the file (for messages).
    """

    row_index: int
    columns: dict[str, int]
    labels: dict[str, str]

    def missing(self, fields: tuple[Field, ...]) -> list[Field]:
        return [f for f in fields if f.required and f.key not in self.columns]


def count_known(row: list[object]) -> int:
    return sum(1 for cell in row if normalize_header(cell) in _ALL_ALIASES)


def find_header_row(rows: list[list[object]], fields: tuple[Field, ...] = MEMBER_FIELDS) -> HeaderRow | None:
    """The first row within the first 20 with at least three known headers."""
    aliases = _MEMBER_ALIASES if fields is MEMBER_FIELDS else _alias_table(fields)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if count_known(row) < MIN_KNOWN_HEADERS:
            continue
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        for col, cell in enumerate(row):
            key = aliases.get(normalize_header(cell))
            if key is not None and key not in columns:
                columns[key] = col
                labels[key] = str(cell).strip()
        return HeaderRow(index, columns, labels)
    return None


def describe_missing(field: Field) -> str:
    """The Japanese message for a required column that was not found."""
    tried = "、".join(f"「{n}」" for n in field.names)
    return f"必須の列「{field.header}」が見つかりません（探した見出し: {tried}）。見出し行にこの列を追加してください。"


def label_of(field_key: str) -> str:
    for f in MEMBER_FIELDS:
        if f.key == field_key:
            return f.header
    return field_key
