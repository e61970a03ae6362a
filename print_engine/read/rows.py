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

import re
from datetime import date, datetime
from itertools import repeat
from typing import Callable

from print_engine.mail.recipient import join_address
from print_engine.model import MYNUMBER_LIKE, Member, Problem, Severity, mask_mynumber_like
from print_engine.read.codes import code_width, normalize_code, pad_code
from print_engine.read.columns import HeaderRow, label_of
from print_engine.read.values import (
    MyNumberError,
    clean_text,
    fold_kana,
    parse_burden_ratio,
    parse_insured,
    parse_myna_card,
    parse_mynumber,
    parse_sex,
)
from print_engine.read.wareki import ERAS, parse_date

CODE_FIELDS = ("employer_code", "affiliation", "kigo", "bango", "edaban")
DATE_FIELDS = ("birth_date", "acquired", "acquired_recorded", "lost", "loss_recorded")
# certificate.md: optional columns set on the members only where the sheet has them.
CERTIFICATE_FIELDS = ("myna_card", "sex", "continuation_end", "residence_end")
CERTIFICATE_DATES = ("continuation_end", "residence_end")
# Whether an unreadable value is an error depends on the run (a by-registration
# run, a certificate that prints 性別): kept on the member, not in its errors.
CONDITIONAL_FIELDS = ("myna_card", "sex")
TEXT_FIELDS = ("employer_name", "name", "postal_code", "address", "address2", "addressee", "send_to")
# direct-mail.md: 送付先 as written → its value on the member.
SEND_TO = {"自宅": "自宅", "事業所": "事業所", "": ""}
REQUIRED_VALUES = ("employer_code", "kigo", "bango", "edaban", "kubun", "name", "acquired")
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
    """value → parsed value (``empty`` when blank or bad), computed on first sight.

    The error of a value that failed to parse is kept in ``bad`` and the
    warning of one that parsed with a warning in ``warned`` (both keyed by
    the raw value), so the common path is one dict lookup per cell.
    """

    def __init__(self, parse: Callable[[object], tuple[object, str | None]], code: str,
                 native: type | None = None, empty: object = None, warning_code: str = ""):
        super().__init__()
        self.parse = parse
        self.code = code  # the error code of a value that fails to parse
        # The code of a value that parses with a warning (e.g. BAD_RATIO → RATIO_WARNING).
        self.warning_code = warning_code or code.removeprefix("BAD_") + "_WARNING"
        self.native = native  # cells of exactly this class are already their parsed value
        self.empty = empty  # the value of a blank or bad cell
        self.bad: dict[object, _Bad] = {}
        self.warned: dict[object, str] = {}

    def __missing__(self, value):
        result = self.empty
        if not _is_blank(value):
            try:
                result, warning = self.parse(value)
            except ValueError as exc:
                result = self.empty
                self.bad[value] = _Bad(self.code, getattr(exc, "message", None) or str(exc))
            else:
                if warning:
                    self.warned[value] = warning
        self[value] = result
        return result

    def column(self, raw: tuple[object, ...] | list[object]) -> list[object]:
        """The parsed value of every cell of ``raw``."""
        native = self.native
        if native is not None:
            return [v if v.__class__ is native else self[v] for v in raw]
        return list(map(self.__getitem__, raw))

    def flagged(self, raw: tuple[object, ...] | list[object]) -> bool:
        """Whether some cell of ``raw`` has an error or a warning."""
        return bool((self.bad and not self.bad.keys().isdisjoint(raw))
                    or (self.warned and not self.warned.keys().isdisjoint(raw)))


def _code_parser(width: int) -> Callable[[object], tuple[str, None]]:
    def parse(value: object) -> tuple[str, None]:
        if value.__class__ is float and not value.is_integer():
            raise ValueError("コードに小数が入っています。文字列として正しいコードを入力してください。")
        code = normalize_code(value)
        if width and len(code) < width and code.isdigit():
            code = pad_code(code, width)
        return code, None

    return parse


# The plain text forms of a date — 2024/6/30, 20240630, 令和6年6月30日, R6.6.30 —
# are read here without the general parser when they name a real day inside
# their era; anything else (an impossible day, a date outside its era, other
# spellings) goes to :func:`parse_date`, which says what is wrong.
_PLAIN_DATE = re.compile(r"([0-9]{4})(?:/([0-9]{1,2})/([0-9]{1,2})|([0-9]{2})([0-9]{2}))")
_PLAIN_ERA_DATE = re.compile(
    r"(明治|大正|昭和|平成|令和|[MTSHR])(元|[0-9]{1,2})(?:年([0-9]{1,2})月([0-9]{1,2})日|\.([0-9]{1,2})\.([0-9]{1,2}))")
_ERA_SPANS = {token: (era.first_year, era.start, ERAS[i + 1].start if i + 1 < len(ERAS) else None)
              for i, era in enumerate(ERAS) for token in (era.name, era.letter)}


def _date(value: object) -> tuple[date | None, str | None]:
    """:func:`parse_date`, with a shortcut for the plain text forms."""
    if value.__class__ is str:
        m = _PLAIN_DATE.fullmatch(value)
        if m is not None:
            y, mo, d, mo8, d8 = m.groups()
            try:
                return date(int(y), int(mo or mo8), int(d or d8)), None
            except ValueError:
                pass  # the general parser says what is wrong
        else:
            m = _PLAIN_ERA_DATE.fullmatch(value)
            if m is not None:
                token, n, mo, d, mo2, d2 = m.groups()
                first_year, start, end = _ERA_SPANS[token]
                year = 1 if n == "元" else int(n)
                if year:
                    try:
                        result = date(first_year + year - 1, int(mo or mo2), int(d or d2))
                    except ValueError:
                        pass
                    else:
                        if result >= start and (end is None or result < end):
                            return result, None
    return parse_date(value)


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
        overflow: (CSV) row number → field count of records with more
            fields than the header, which has ``header_width`` fields.
    """

    def __init__(self, sheet: str, header: HeaderRow, widths: dict[str, int],
                 uncached: set[tuple[int, int]], warn: Callable[[Problem], None],
                 overflow: dict[int, int] | None = None, header_width: int = 0):
        self.sheet = sheet
        self.header = header
        self.cols = header.columns
        self.uncached = uncached
        self.warn = warn
        self.overflow = overflow or {}
        self.header_width = header_width
        self.memos: dict[str, _Memo] = {}
        for key in CODE_FIELDS:
            self.memos[key] = _Memo(_code_parser(code_width(key, widths)), "BAD_CODE", empty="")
        for key in DATE_FIELDS + CERTIFICATE_DATES:
            self.memos[key] = _Memo(_date, "BAD_DATE", native=date, warning_code="DATE_OUT_OF_ERA")
        self.memos["myna_card"] = _Memo(lambda v: (parse_myna_card(v), None), "BAD_MYNA_CARD", native=bool)
        self.memos["sex"] = _Memo(lambda v: (parse_sex(v), None), "BAD_SEX", empty="")
        self.memos["kubun"] = _Memo(lambda v: (parse_insured(v), None), "BAD_KUBUN")
        self.memos["burden_ratio"] = _Memo(lambda v: (parse_burden_ratio(v), None), "BAD_RATIO", empty="")
        self.memos["kana"] = _Memo(_kana, "BAD_KANA", empty="")

    def _problem(self, severity: Severity, code: str, row: int, key: str, message: str, value: str = "") -> Problem:
        column = self.header.labels.get(key, label_of(key))
        return Problem(severity, code, message, self.sheet, row, column, value)

    def _column(self, columns: list[tuple[object, ...]], n: int, key: str) -> tuple[object, ...] | list[None] | None:
        """The raw cells of field ``key``; ``None`` when the sheet has no such column."""
        col = self.cols.get(key)
        if col is None:
            return None
        if col >= len(columns):
            return [None] * n
        return columns[col]

    def parse_all(self, numbered: list[tuple[int, list[object]]]) -> list[Member]:
        """Every (Excel row, cells) → a :class:`Member`, in the same order."""
        row_numbers = [n for n, _ in numbered]
        rows = [cells for _, cells in numbered]
        errors: dict[int, list[Problem]] = {}
        conditional: dict[int, list[Problem]] = {}
        broken = self._blank_uncached(row_numbers, rows, errors)
        if self.overflow:
            self._too_many_fields(row_numbers, errors)
        width = max(map(len, rows), default=0)
        if rows and min(map(len, rows)) < width:
            for r in rows:
                if len(r) < width:
                    r.extend([None] * (width - len(r)))
        columns = list(zip(*rows))  # one tuple per sheet column
        n = len(rows)

        values: dict[str, list[object]] = {}
        for key, memo in self.memos.items():
            raw = self._column(columns, n, key)
            if raw is None:
                values[key] = [memo.empty] * n
                continue
            values[key] = memo.column(raw)
            if memo.flagged(raw):
                self._report(key, memo, raw, row_numbers, conditional if key in CONDITIONAL_FIELDS else errors)
        for key in TEXT_FIELDS:
            raw = self._column(columns, n, key)
            values[key] = [""] * n if raw is None else [
                v.strip() if v.__class__ is str else clean_text(v) for v in raw]
        self._no_mynumber_in_text(values, row_numbers, errors)
        self._required(columns, n, values, row_numbers, broken, errors)
        mynumber4 = self._mynumbers(columns, rows, row_numbers, errors)
        del columns  # it holds the raw My Number cells
        self._check_send_to(values, row_numbers, errors)
        members = self._members(row_numbers, values, mynumber4, errors)
        self._certificate_fields(members, values, conditional)
        self._mail_fields(members, values)
        return members

    def _no_mynumber_in_text(self, values: dict[str, list[object]], row_numbers: list[int],
                             errors: dict[int, list[Problem]]) -> None:
        """Twelve digits in a text column (a shifted row, a wrong column) are masked and a row error.

        A My Number must never be kept nor printed, whichever column it
        landed in. Each column is searched once as one string (fast); only
        the rare hit is mapped back to its row.
        """
        for key in TEXT_FIELDS:
            column = values[key]
            joined = "\n".join(column)
            if len(joined) < 12 or not MYNUMBER_LIKE.search(joined):
                continue
            for i, v in enumerate(column):
                masked = mask_mynumber_like(v)
                if masked != v:
                    column[i] = masked
                    errors.setdefault(i, []).append(self._problem(
                        Severity.ERROR, "MYNUMBER_IN_TEXT", row_numbers[i], key,
                        "個人番号のような12桁の数字があります。列がずれていないか確認してください"
                        "（この値は読み込んでいません）。"))

    def _check_send_to(self, values: dict[str, list[object]], row_numbers: list[int],
                       errors: dict[int, list[Problem]]) -> None:
        """送付先 must be 自宅, 事業所 or blank (spaces and full-width forms folded)."""
        if "send_to" not in self.cols:
            return
        folded = [normalize_code(v).replace(" ", "") for v in values["send_to"]]
        values["send_to"] = folded
        for i, v in enumerate(folded):
            if v not in SEND_TO:
                errors.setdefault(i, []).append(self._problem(
                    Severity.ERROR, "BAD_SEND_TO", row_numbers[i], "send_to",
                    "送付先は「自宅」「事業所」または空欄で入力してください。", v))

    def _mail_fields(self, members: list[Member], values: dict[str, list[object]]) -> None:
        """The optional columns of ``direct-mail.md``, set only where the sheet has them."""
        if "send_to" in self.cols:
            for m, v in zip(members, values["send_to"]):
                m.send_to = SEND_TO.get(v, "")
        if "addressee" in self.cols:
            for m, v in zip(members, values["addressee"]):
                m.addressee = v

    def _certificate_fields(self, members: list[Member], values: dict[str, list[object]],
                            conditional: dict[int, list[Problem]]) -> None:
        """The optional columns of ``certificate.md``, set only where the sheet has them."""
        for key in CERTIFICATE_FIELDS:
            if key in self.cols:
                for m, v in zip(members, values[key]):
                    setattr(m, key, v)
        for i, problems in conditional.items():
            members[i].conditional = tuple(problems)

    def _members(self, row_numbers: list[int], values: dict[str, list[object]], mynumber4: list[str],
                 errors: dict[int, list[Problem]]) -> list[Member]:
        """Build the :class:`Member` objects column-wise, then attach errors and warnings."""
        lost, loss_rec = values["lost"], values["loss_recorded"]
        members = list(map(
            Member, repeat(self.sheet, len(row_numbers)), row_numbers, values["employer_code"],
            values["employer_name"], values["affiliation"], values["kigo"], values["bango"], values["edaban"],
            map(bool, values["kubun"]), values["name"], values["kana"], values["birth_date"], values["acquired"],
            values["acquired_recorded"], lost, loss_rec, mynumber4, values["burden_ratio"],
            values["postal_code"], map(join_address, values["address"], values["address2"])))
        for i, problems in errors.items():
            members[i].errors = problems
        if loss_rec.count(None) != len(loss_rec):
            for i, (rec, gone) in enumerate(zip(loss_rec, lost)):
                if rec is not None and gone is None:
                    self.warn(self._problem(Severity.WARNING, "LOSS_RECORDED_WITHOUT_LOSS", row_numbers[i],
                                            "loss_recorded",
                                            "資格喪失年月日が空なのに喪失処理日があります。喪失処理日は無視しました。",
                                            rec.isoformat()))
                    members[i].loss_recorded = None
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

    def _too_many_fields(self, row_numbers: list[int], errors: dict[int, list[Problem]]) -> None:
        """A CSV record with more fields than its header: its values may have shifted."""
        for i, row in enumerate(row_numbers):
            fields = self.overflow.get(row)
            if fields is not None:
                errors.setdefault(i, []).insert(0, Problem(
                    Severity.ERROR, "TOO_MANY_FIELDS",
                    f"この行は項目が {fields} 個あり、見出し行（{self.header_width} 個）より多くなっています。"
                    "氏名や住所などの値に区切り文字が入っていないか確認し、その値を \"…\" で囲んでください。",
                    self.sheet, row))

    def _report(self, key: str, memo: _Memo, raw, row_numbers, errors) -> None:
        bad, warned = memo.bad, memo.warned
        for i, v in enumerate(raw):
            if v.__class__ is memo.native:
                continue
            p = bad.get(v)
            if p is not None:
                errors.setdefault(i, []).append(
                    self._problem(Severity.ERROR, p.code, row_numbers[i], key, p.message, _shown(v)))
                continue
            warning = warned.get(v)
            if warning and key != "kana":
                self.warn(self._problem(Severity.WARNING, memo.warning_code, row_numbers[i], key, warning,
                                        _shown(v)))

    def _mynumbers(self, columns, rows, row_numbers, errors) -> list[str]:
        """Last four digits per row; full numbers are reduced and dropped at once.

        Plain four-digit text (the common case) is taken as it is; every other
        value goes through :func:`parse_mynumber` one cell at a time, and its
        cell is cleared in the sheet's rows. Nothing here is memoised.
        """
        col = self.cols.get("mynumber")
        if col is None:
            return [""] * len(rows)
        raw = columns[col] if col < len(columns) else [None] * len(rows)
        out = [v if v.__class__ is str and len(v) == 4 and v.isdigit() and v.isascii() else None for v in raw]
        del raw
        if None not in out:
            return out
        for i, last4 in enumerate(out):
            if last4 is not None:
                continue
            r = rows[i]
            v = r[col] if col < len(r) else None
            if _is_blank(v):
                out[i] = ""
                continue
            try:
                last4, note = parse_mynumber(v)
            except MyNumberError as exc:
                out[i] = ""
                errors.setdefault(i, []).append(
                    self._problem(Severity.ERROR, "BAD_MYNUMBER", row_numbers[i], "mynumber", exc.message))
                continue
            finally:
                r[col] = None  # the full number does not outlive this loop
                del v
            out[i] = last4
            if note:
                self.warn(self._problem(Severity.WARNING, "MYNUMBER_PADDED", row_numbers[i], "mynumber", note))
        return out

    def _required(self, columns, n, values, row_numbers, broken, errors) -> None:
        for key in REQUIRED_VALUES:
            if key not in self.cols:
                continue
            # A blank cell always parses to its field's empty value: look closer only then.
            memo = self.memos.get(key)
            if (memo.empty if memo is not None else "") not in values[key]:
                continue
            for i, v in enumerate(self._column(columns, n, key)):
                if (v is None or v == "" or (v.__class__ is str and not v.strip())) and (i, key) not in broken:
                    errors.setdefault(i, []).append(self._problem(
                        Severity.ERROR, "REQUIRED", row_numbers[i], key, "必須項目が空です。値を入力してください。"))
