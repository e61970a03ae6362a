"""Turning the member sheet's rows into :class:`Member` objects, with row errors.

Parsing is done column by column: most cells of a column repeat (dates,
codes, 区分), so each distinct value is parsed once and looked up after
that, and no Python function runs per cell on the common path. That is what
makes 100,000 rows take well under a second. The one exception is the My
Number column: its values are never kept in a lookup table (a full number
must not outlive its own parsing).

Every problem names the sheet, the Excel row, the column header as written
in the file and the offending value — except a My Number, which never
appears in a message, not even masked.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable

from .codes import normalize_code, pad_code
from .columns import HeaderRow, label_of
from .model import Member, Problem, Severity
from .values import MyNumberError, clean_text, fold_kana, parse_burden_ratio, parse_insured, parse_mynumber
from .wareki import parse_date

CODE_FIELDS = ("employer_code", "affiliation", "kigo", "bango", "edaban")
DATE_FIELDS = ("birth_date", "acquired", "acquired_recorded", "lost", "loss_recorded")
TEXT_FIELDS = ("employer_name", "name", "postal_code", "address", "address2")
REQUIRED_VALUES = ("employer_code", "kigo", "bango", "edaban", "kubun", "name", "acquired")
EDABAN_WIDTH = 2
FORMULA_MESSAGE = ("数式の計算結果が保存されていません。Excel で開いて再計算し、保存し直してください"
                   "（または値として貼り付けてください）。")


class _Bad:
    """A cell value that failed to parse: the code and message of its error."""

    __slots__ = ("code", "message")

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _is_blank(v: object) -> bool:
    return v is None or v == "" or (v.__class__ is str and not v.strip())


class _Memo(dict):
    """value → (parsed, warning) or :class:`_Bad`, computed on first sight."""

    def __init__(self, parse: Callable[[object], tuple[object, str | None]], code: str):
        super().__init__()
        self.parse = parse
        self.code = code
        self.any_bad = False
        self.any_warning = False

    def __missing__(self, value):
        if _is_blank(value):
            result = (None, None)
        else:
            try:
                result = self.parse(value)
            except ValueError as exc:
                result = _Bad(self.code, getattr(exc, "message", None) or str(exc))
                self.any_bad = True
            else:
                if result[1]:
                    self.any_warning = True
        self[value] = result
        return result


def _code_parser(width: int) -> Callable[[object], tuple[str, None]]:
    def parse(value: object) -> tuple[str, None]:
        if value.__class__ is float and not value.is_integer():
            raise ValueError("コードに小数が入っています。文字列として正しいコードを入力してください。")
        code = normalize_code(value)
        if width and len(code) < width and code.isdigit():
            code = pad_code(code, width)
        return code, None

    return parse


def _kana(value: object) -> tuple[str, None]:
    text = clean_text(value)
    return (text if text.isascii() else fold_kana(text)), None


class RowParser:
    """Parses the rows of one member sheet.

    Args:
        sheet: the sheet name, for messages.
        header: where each field's column is.
        widths: zero-pad widths per code field from the run profile.
        uncached: (Excel row, column) of formulas without a cached value.
        warn: receives warnings (errors stay on the members).
    """

    def __init__(self, sheet: str, header: HeaderRow, widths: dict[str, int],
                 uncached: set[tuple[int, int]], warn: Callable[[Problem], None]):
        self.sheet = sheet
        self.header = header
        self.cols = header.columns
        self.uncached = uncached
        self.warn = warn
        self.memos: dict[str, _Memo] = {}
        for key in CODE_FIELDS:
            width = widths.get(key, EDABAN_WIDTH if key == "edaban" else 0)
            self.memos[key] = _Memo(_code_parser(width), "BAD_CODE")
        for key in DATE_FIELDS:
            self.memos[key] = _Memo(parse_date, "BAD_DATE")
        self.memos["kubun"] = _Memo(lambda v: (parse_insured(v), None), "BAD_KUBUN")
        self.memos["burden_ratio"] = _Memo(lambda v: (parse_burden_ratio(v), None), "BAD_RATIO")
        self.memos["kana"] = _Memo(_kana, "")

    def _problem(self, severity: Severity, code: str, row: int, key: str, message: str, value: str = "") -> Problem:
        column = self.header.labels.get(key, label_of(key))
        return Problem(severity, code, message, self.sheet, row, column, value)

    def _column(self, columns: list[tuple[object, ...]], n: int, key: str) -> tuple[object, ...] | list[None]:
        col = self.cols.get(key)
        if col is None or col >= len(columns):
            return [None] * n
        return columns[col]

    def parse_all(self, numbered: list[tuple[int, list[object]]]) -> list[Member]:
        """Every (Excel row, cells) → a :class:`Member`, in the same order."""
        row_numbers = [n for n, _ in numbered]
        rows = [cells for _, cells in numbered]
        errors: dict[int, list[Problem]] = {}
        broken = self._blank_uncached(row_numbers, rows, errors)
        width = max((len(r) for r in rows), default=0)
        for r in rows:
            if len(r) < width:
                r.extend([None] * (width - len(r)))
        columns = list(zip(*rows))  # one tuple per sheet column
        n = len(rows)

        values: dict[str, list[object]] = {}
        for key, memo in self.memos.items():
            raw = self._column(columns, n, key)
            parsed = list(map(memo.__getitem__, raw))
            if memo.any_bad or memo.any_warning:
                self._report(key, raw, parsed, row_numbers, errors)
            values[key] = [None if p.__class__ is _Bad else p[0] for p in parsed]
        for key in TEXT_FIELDS:
            values[key] = [v.strip() if v.__class__ is str else clean_text(v) for v in self._column(columns, n, key)]
        self._required(columns, n, row_numbers, broken, errors)
        values["mynumber4"] = self._mynumbers(rows, row_numbers, errors)
        del columns  # it holds the raw My Number cells

        members = []
        sheet = self.sheet
        for i, (row, emp, emp_name, aff, kigo, bango, edaban, insured, name, kana, birth, acq, acq_rec,
                lost, loss_rec, mn4, ratio, postal, addr, addr2) in enumerate(zip(
                row_numbers, values["employer_code"], values["employer_name"], values["affiliation"],
                values["kigo"], values["bango"], values["edaban"], values["kubun"], values["name"],
                values["kana"], values["birth_date"], values["acquired"], values["acquired_recorded"],
                values["lost"], values["loss_recorded"], values["mynumber4"], values["burden_ratio"],
                values["postal_code"], values["address"], values["address2"])):
            m = Member(sheet, row, emp or "", emp_name, aff or "", kigo or "", bango or "", edaban or "",
                       bool(insured), name, kana or "", birth, acq, acq_rec, lost, loss_rec, mn4,
                       ratio or "", postal, addr + addr2)
            if i in errors:
                m.errors = errors[i]
            if loss_rec is not None and lost is None:
                self.warn(self._problem(Severity.WARNING, "LOSS_RECORDED_WITHOUT_LOSS", row, "loss_recorded",
                                        "資格喪失年月日が空なのに喪失処理日があります。喪失処理日は無視しました。",
                                        loss_rec.isoformat()))
                m.loss_recorded = None
            members.append(m)
        return members

    def _blank_uncached(self, row_numbers, rows, errors) -> set[tuple[int, str]]:
        """Formula cells without a value: a row error each, then read as blank."""
        broken: set[tuple[int, str]] = set()
        if not self.uncached:
            return broken
        index = {n: i for i, n in enumerate(row_numbers)}
        for key, col in self.cols.items():
            for row, c in self.uncached:
                if c == col and row in index:
                    i = index[row]
                    if col < len(rows[i]):
                        rows[i][col] = None
                    broken.add((i, key))
                    errors.setdefault(i, []).append(self._problem(
                        Severity.ERROR, "FORMULA_NO_VALUE", row, key, FORMULA_MESSAGE,
                        "" if key == "mynumber" else "（数式）"))
        return broken

    def _report(self, key, raw, parsed, row_numbers, errors) -> None:
        for i, p in enumerate(parsed):
            if p.__class__ is _Bad:
                errors.setdefault(i, []).append(
                    self._problem(Severity.ERROR, p.code, row_numbers[i], key, p.message, _shown(raw[i])))
            elif p[1] and key != "kana":
                self.warn(self._problem(Severity.WARNING, "DATE_OUT_OF_ERA", row_numbers[i], key, p[1],
                                        _shown(raw[i])))

    def _mynumbers(self, rows, row_numbers, errors) -> list[str]:
        """Last four digits per row; full numbers are reduced and dropped at once."""
        col = self.cols.get("mynumber")
        if col is None:
            return [""] * len(rows)
        out = []
        for i, r in enumerate(rows):
            v = r[col] if col < len(r) else None
            if v.__class__ is str and len(v) == 4 and v.isdigit() and v.isascii():
                out.append(v)
                continue
            if _is_blank(v):
                out.append("")
                continue
            try:
                last4, note = parse_mynumber(v)
            except MyNumberError as exc:
                out.append("")
                errors.setdefault(i, []).append(
                    self._problem(Severity.ERROR, "BAD_MYNUMBER", row_numbers[i], "mynumber", exc.message))
                continue
            finally:
                r[col] = None  # the full number does not outlive this loop
                del v
            out.append(last4)
            if note:
                self.warn(self._problem(Severity.WARNING, "MYNUMBER_PADDED", row_numbers[i], "mynumber", note))
        return out

    def _required(self, columns, n, row_numbers, broken, errors) -> None:
        for key in REQUIRED_VALUES:
            if key not in self.cols:
                continue
            for i, v in enumerate(self._column(columns, n, key)):
                if (v is None or v == "" or (v.__class__ is str and not v.strip())) and (i, key) not in broken:
                    errors.setdefault(i, []).append(self._problem(
                        Severity.ERROR, "REQUIRED", row_numbers[i], key, "必須項目が空です。値を入力してください。"))
