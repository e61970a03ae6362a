"""Turning one raw sheet row into a :class:`Member`, with its row errors.

Every problem names the sheet, the Excel row, the column header as written
in the file and the offending value — except a My Number, which never
appears in a message, not even masked.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from .codes import normalize_code, pad_code
from .columns import HeaderRow, label_of
from .model import Member, Problem, Severity
from .values import (
    MyNumberError,
    clean_text,
    fold_kana,
    parse_burden_ratio,
    parse_insured,
    parse_mynumber,
)
from .wareki import DateError, parse_date

CODE_FIELDS = ("employer_code", "affiliation", "kigo", "bango", "edaban")
DATE_FIELDS = ("birth_date", "acquired", "acquired_recorded", "lost", "loss_recorded")
REQUIRED_VALUES = ("employer_code", "kigo", "bango", "edaban", "kubun", "name", "acquired")
EDABAN_WIDTH = 2


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class RowParser:
    """Parses rows of one member sheet.

    Args:
        sheet: the sheet name, for messages.
        header: where each field's column is.
        widths: zero-pad widths per code field from the run profile.
        uncached: (Excel row, column) of formulas without a cached value.
        warn: receives warnings (errors stay on the member).
    """

    def __init__(
        self,
        sheet: str,
        header: HeaderRow,
        widths: dict[str, int],
        uncached: set[tuple[int, int]],
        warn: Callable[[Problem], None],
    ):
        self.sheet = sheet
        self.header = header
        self.widths = dict(widths)
        self.uncached = uncached
        self.warn = warn

    def _problem(self, severity: Severity, code: str, row: int, key: str, message: str, value: str = "") -> Problem:
        column = self.header.labels.get(key, label_of(key))
        return Problem(severity, code, message, self.sheet, row, column, value)

    def parse(self, row: int, values: dict[str, object]) -> Member:
        m = Member(sheet=self.sheet, row=row)
        errors = m.errors

        def error(code: str, key: str, message: str, value: str = "") -> None:
            errors.append(self._problem(Severity.ERROR, code, row, key, message, value))

        def warning(code: str, key: str, message: str, value: str = "") -> None:
            self.warn(self._problem(Severity.WARNING, code, row, key, message, value))

        if self.uncached:
            for key, col in self.header.columns.items():
                if (row, col) in self.uncached:
                    shown = "" if key == "mynumber" else "（数式）"
                    error("FORMULA_NO_VALUE", key,
                          "数式の計算結果が保存されていません。Excel で開いて再計算し、保存し直してください（または値として貼り付けてください）。",
                          shown)
                    values[key] = None

        for key in REQUIRED_VALUES:
            if key in self.header.columns and _blank(values.get(key)) and not _is_uncached_error(errors, key, self):
                error("REQUIRED", key, "必須項目が空です。値を入力してください。")

        for key in CODE_FIELDS:
            raw = values.get(key)
            if _blank(raw):
                continue
            code = normalize_code(raw)
            if isinstance(raw, float) and not raw.is_integer():
                error("BAD_CODE", key, "コードに小数が入っています。文字列として正しいコードを入力してください。", _shown(raw))
                continue
            width = self.widths.get(key, EDABAN_WIDTH if key == "edaban" else 0)
            if width and code.isdigit() and len(code) < width:
                code = pad_code(code, width)
            setattr(m, key, code)

        kubun = values.get("kubun")
        if not _blank(kubun):
            try:
                m.insured = parse_insured(kubun)
            except ValueError as exc:
                error("BAD_KUBUN", "kubun", str(exc), _shown(kubun))

        m.employer_name = clean_text(values.get("employer_name"))
        m.name = clean_text(values.get("name"))
        m.kana = fold_kana(clean_text(values.get("kana")))

        for key in DATE_FIELDS:
            raw = values.get(key)
            if _blank(raw):
                continue
            try:
                parsed, note = parse_date(raw)
            except DateError as exc:
                error("BAD_DATE", key, exc.message, _shown(raw))
                continue
            if note:
                warning("DATE_OUT_OF_ERA", key, note, _shown(raw))
            setattr(m, key, parsed)

        raw_mn = values.get("mynumber")
        values["mynumber"] = None
        if not _blank(raw_mn):
            try:
                m.mynumber4, note = parse_mynumber(raw_mn)
            except MyNumberError as exc:
                error("BAD_MYNUMBER", "mynumber", str(exc))
            else:
                if note:
                    warning("MYNUMBER_PADDED", "mynumber", note)
        del raw_mn

        ratio = values.get("burden_ratio")
        if not _blank(ratio):
            try:
                m.burden_ratio = parse_burden_ratio(ratio)
            except ValueError as exc:
                error("BAD_RATIO", "burden_ratio", str(exc), _shown(ratio))

        m.postal_code = clean_text(values.get("postal_code"))
        address = clean_text(values.get("address"))
        address2 = clean_text(values.get("address2"))
        m.address = address + address2

        if m.loss_recorded is not None and m.lost is None:
            warning("LOSS_RECORDED_WITHOUT_LOSS", "loss_recorded",
                    "資格喪失年月日が空なのに喪失処理日があります。喪失処理日は無視しました。", _shown(values.get("loss_recorded")))
            m.loss_recorded = None
        return m


def _is_uncached_error(errors: list[Problem], key: str, parser: RowParser) -> bool:
    column = parser.header.labels.get(key, label_of(key))
    return any(p.code == "FORMULA_NO_VALUE" and p.column == column for p in errors)
