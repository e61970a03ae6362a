"""Checks across rows: duplicates, households, employers, widths, 外字.

Row errors found here are appended to the rows' own ``errors``; warnings go
to the returned list. After :func:`check_rows`, every member of a household
with an invalid row is held back (see ``rules.hold_households``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from .codes import normalize_code
from .columns import label_of
from .model import Employer, Member, Problem, Severity
from .workbook import SheetRows

TRUE_WORDS = {"○", "〇", "◯", "1", "1.0", "はい", "true", "yes", "y", "✓", "true"}


def _err(m: Member, code: str, key: str, message: str, value: str = "", column: str = "") -> None:
    m.errors.append(Problem(Severity.ERROR, code, message, m.sheet, m.row, column or label_of(key), value))


def check_rows(
    members: list[Member],
    labels: dict[str, str],
    widths_given: Iterable[str],
    warn: Callable[[Problem], None],
    uncovered: Callable[[str], set[str]] | None = None,
) -> None:
    """Cross-row checks on the parsed members (in workbook order).

    Args:
        members: every parsed member row.
        labels: field key → header as written in the file.
        widths_given: code fields for which the profile fixes a width.
        warn: receives warnings.
        uncovered: returns the characters of a text that no font can draw.
    """
    col = lambda key: labels.get(key, label_of(key))  # noqa: E731

    first_of: dict[tuple[str, str, str], Member] = {}
    duplicates: dict[tuple[str, str, str], list[Member]] = {}
    households: dict[tuple[str, str], list[Member]] = defaultdict(list)
    for m in members:
        kigo, bango = m.kigo, m.bango
        if kigo and bango:
            households[(kigo, bango)].append(m)
            if m.edaban:
                key = (kigo, bango, m.edaban)
                first = first_of.setdefault(key, m)
                if first is not m:
                    duplicates.setdefault(key, [first]).append(m)

    for key, rows in duplicates.items():
        places = "、".join(f"{r.row}行目" for r in rows)
        for r in rows:
            _err(r, "DUPLICATE", "edaban",
                 f"記号・番号・枝番 {'-'.join(key)} が重複しています（{places}）。どちらかを修正または削除してください。",
                 "-".join(key), col("edaban"))

    for hkey, rows in households.items():
        insured = [r for r in rows if r.insured and not (r.errors and any(p.code == "BAD_KUBUN" for p in r.errors))]
        if len(insured) > 1:
            places = "、".join(f"{r.row}行目" for r in insured)
            for r in insured:
                _err(r, "TWO_INSURED", "kubun",
                     f"世帯 {'-'.join(hkey)} に本人（被保険者）の行が複数あります（{places}）。本人は1行だけにしてください。",
                     "本人", col("kubun"))
        elif not insured and not any([r.errors for r in rows]):
            first = rows[0]
            warn(Problem(Severity.WARNING, "NO_INSURED",
                         f"世帯 {'-'.join(hkey)} に本人（被保険者）の行がありません。家族分のみの封筒になります。",
                         first.sheet, first.row, col("kubun")))
        if len(insured) == 1:
            head = insured[0]
            for r in rows:
                if r is not head and r.employer_code and r.employer_code != head.employer_code:
                    _err(r, "EMPLOYER_MISMATCH", "employer_code",
                         f"被保険者（{head.row}行目）の事業所コード {head.employer_code} と異なります。世帯の全員を同じ事業所コードにしてください。",
                         r.employer_code, col("employer_code"))

    given = set(widths_given)
    for fld in ("kigo", "bango"):
        if fld in given:
            continue
        lengths: dict[str, dict[int, Member]] = defaultdict(dict)
        for m in members:
            value = getattr(m, fld)
            if value and m.employer_code:
                lengths[m.employer_code].setdefault(len(value), m)
        for employer, seen in lengths.items():
            if len(seen) > 1:
                first = min(seen.values(), key=lambda r: r.row)
                widths = "・".join(f"{n}桁" for n in sorted(seen))
                warn(Problem(Severity.WARNING, "WIDTH_MISMATCH",
                             f"事業所 {employer} の{label_of(fld)}の桁数が揃っていません（{widths}）。"
                             f"先頭の0が Excel で消えた可能性があります。実行プロファイルの [sheet] widths で桁数を指定してください。",
                             first.sheet, first.row, col(fld)))

    if uncovered is not None:
        _check_glyphs(members, col, warn, uncovered)


def _check_glyphs(members, col, warn, uncovered: Callable[[str], set[str]]) -> None:
    """One warning per row and column holding characters no font can draw.

    Coverage is asked once per distinct character, not once per name.
    """
    chars = set("".join([m.name for m in members]))
    chars.update("".join([m.kana for m in members]))
    missing = uncovered("".join(sorted(chars)))
    if not missing:
        return
    for m in members:
        for key in ("name", "kana"):
            text = getattr(m, key)
            bad = missing.intersection(text)
            if bad:
                chars_s = "".join(sorted(bad))
                codes = " U+".join(f"{ord(c):04X}" for c in sorted(bad))
                warn(Problem(Severity.WARNING, "GAIJI",
                             f"外字「{chars_s}」（U+{codes}）は埋め込みフォントで印刷できません。"
                             "実行プロファイルの [fonts] fallback に対応フォントを指定するか、代替の文字に直してください。",
                             m.sheet, m.row, col(key), text))


def collect_employers(
    members: list[Member], sheet: SheetRows | None, warn: Callable[[Problem], None]
) -> dict[str, Employer]:
    """Employers from the 事業所 sheet, completed from the member rows."""
    employers: dict[str, Employer] = {}
    if sheet is not None:
        cols = sheet.header.columns
        for excel_row, row in sheet.rows:
            def get(key: str) -> object:
                c = cols.get(key)
                return row[c] if c is not None and c < len(row) else None

            code = normalize_code(get("employer_code"))
            if not code:
                continue
            flag = str(get("pack_by_affiliation") or "").strip().lower()
            if flag.endswith(".0"):
                flag = flag[:-2]
            employers[code] = Employer(
                code=code,
                name=str(get("employer_name") or "").strip(),
                pack_by_affiliation=flag in TRUE_WORDS,
                postal_code=str(get("postal_code") or "").strip(),
                address=str(get("address") or "").strip(),
                contact=str(get("contact") or "").strip(),
            )
    names_seen: dict[str, tuple[str, Member]] = {}
    warned: set[str] = set()
    for m in members:
        code = m.employer_code
        if not code:
            continue
        first = names_seen.get(code)
        if first is None:
            names_seen[code] = (m.employer_name, m)
            if code not in employers:
                employers[code] = Employer(code=code, name=m.employer_name)
            elif not employers[code].name:
                employers[code].name = m.employer_name
        elif m.employer_name and first[0] != m.employer_name and code not in warned:
            warned.add(code)
            warn(Problem(Severity.WARNING, "EMPLOYER_NAME_MISMATCH",
                         f"事業所コード {code} に異なる事業所名があります（{first[1].row}行目「{first[0]}」）。"
                         f"「{employers[code].name}」を使います。",
                         m.sheet, m.row, label_of("employer_name"), m.employer_name))
    for m in members:
        if m.employer_code in employers and employers[m.employer_code].name:
            m.employer_name = employers[m.employer_code].name
    return employers
