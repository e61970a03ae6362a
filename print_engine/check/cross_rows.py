"""Checks across rows: duplicates, households, employers, widths, 外字.

Row errors found here are appended to the rows' own ``errors``; warnings go
to the returned list. After :func:`check_rows`, every member of a household
with an invalid row is held back (see ``rules.apply_rules``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from operator import attrgetter
from typing import Callable, Iterable

from print_engine.layout.fonts import SELECTORS
from print_engine.model import Employer, Member, Problem, Severity
from print_engine.read.codes import normalize_code, pad_code
from print_engine.read.columns import label_of
from print_engine.read.rows import FORMULA_MESSAGE
from print_engine.read.workbook import SheetRows

TRUE_WORDS = {"○", "〇", "◯", "1", "1.0", "はい", "true", "yes", "y", "✓"}


def _err(m: Member, code: str, key: str, message: str, value: str = "", column: str = "") -> None:
    m.errors.append(Problem(Severity.ERROR, code, message, m.sheet, m.row, column or label_of(key), value))


def check_rows(
    members: list[Member],
    labels: dict[str, str],
    widths_given: Iterable[str],
    warn: Callable[[Problem], None],
    uncovered: Callable[[str], set[str]] | None = None,
    households: dict[tuple[str, str], list[Member]] | None = None,
) -> None:
    """Cross-row checks on the parsed members (in workbook order).

    Args:
        members: every parsed member row.
        labels: field key → header as written in the file.
        widths_given: code fields for which the profile fixes a width.
        warn: receives warnings.
        uncovered: returns the characters of a text that no font can draw.
        households: ``rules.households_of(members)`` when the caller has it already.
    """
    col = lambda key: labels.get(key, label_of(key))  # noqa: E731

    kigos = list(map(attrgetter("kigo"), members))
    bangos = list(map(attrgetter("bango"), members))

    if households is None:
        households = defaultdict(list)
        for key, m in zip(zip(kigos, bangos), members):
            households[key].append(m)
    odd, duplicated = _households_to_check(households)
    for key, rows in (_duplicates(members, kigos, bangos) if duplicated else {}).items():
        places = "、".join(f"{r.row}行目" for r in rows)
        for r in rows:
            _err(r, "DUPLICATE", "edaban",
                 f"記号・番号・枝番 {'-'.join(key)} が重複しています（{places}）。どちらかを修正または削除してください。",
                 "-".join(key), col("edaban"))

    for hkey, rows in odd:
        insured = [r for r in rows if _counts_as_insured(r)]
        if len(insured) > 1:
            places = "、".join(f"{r.row}行目" for r in insured)
            for r in insured:
                _err(r, "TWO_INSURED", "kubun",
                     f"世帯 {'-'.join(hkey)} に本人（被保険者）の行が複数あります（{places}）。本人は1行だけにしてください。",
                     "本人", col("kubun"))
        elif not insured:
            if not any([r.errors for r in rows]):
                first = rows[0]
                warn(Problem(Severity.WARNING, "NO_INSURED",
                             f"世帯 {'-'.join(hkey)} に本人（被保険者）の行がありません。家族分のみの封筒になります。",
                             first.sheet, first.row, col("kubun")))
        elif len(rows) > 1:
            head = insured[0]
            for r in rows:
                if r is not head and r.employer_code and r.employer_code != head.employer_code:
                    _err(r, "EMPLOYER_MISMATCH", "employer_code",
                         f"被保険者（{head.row}行目）の事業所コード {head.employer_code} と異なります。世帯の全員を同じ事業所コードにしてください。",
                         r.employer_code, col("employer_code"))

    given = set(widths_given)
    codes = list(map(attrgetter("employer_code"), members))
    for fld, values in (("kigo", kigos), ("bango", bangos)):
        if fld in given or not _mixed_widths(codes, values):
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


def _counts_as_insured(m: Member) -> bool:
    return m.insured and not (m.errors and any(p.code == "BAD_KUBUN" for p in m.errors))


def _households_to_check(households: dict[tuple[str, str], list[Member]],
                         ) -> tuple[list[tuple[tuple[str, str], list[Member]]], bool]:
    """The households that need a closer look, and whether some 記号+番号+枝番 repeats.

    A household (記号+番号 → rows, in workbook order) needs a closer look
    when it has no insured row, several, or a row whose 事業所コード differs
    from the insured's; the common household (one insured, one employer) is
    passed over quickly. A key can only repeat inside one household.
    """
    odd = []
    duplicated = False
    for key, rows in households.items():
        if not (key[0] and key[1]):
            continue  # rows without 記号 or 番号 belong to no household
        if len(rows) == 1:
            if rows[0].insured and not rows[0].errors:
                continue
        else:
            if not duplicated and len({r.edaban for r in rows}) < len(rows):
                duplicated = True
            insured = [r for r in rows if r.insured and _counts_as_insured(r)]
            if len(insured) == 1:
                code = insured[0].employer_code
                if all(not r.employer_code or r.employer_code == code for r in rows):
                    continue
        odd.append((key, rows))
    return odd, duplicated


def _duplicates(members: list[Member], kigos: list[str], bangos: list[str]) -> dict[tuple[str, str, str], list[Member]]:
    """記号+番号+枝番 → its rows, for every key held by more than one row (first rows first)."""
    keys = zip(kigos, bangos, map(attrgetter("edaban"), members))
    first_of: dict[tuple[str, str, str], Member] = {}
    duplicates: dict[tuple[str, str, str], list[Member]] = {}
    for key, m in zip(keys, members):
        if key[0] and key[1] and key[2]:
            first = first_of.setdefault(key, m)
            if first is not m:
                duplicates.setdefault(key, [first]).append(m)
    return duplicates


def _mixed_widths(codes: list[str], values: list[str]) -> bool:
    """Whether some employer has non-blank values of more than one length."""
    per_employer = Counter(code for code, n in set(zip(codes, map(len, values))) if code and n)
    return any(n > 1 for n in per_employer.values())


def _check_glyphs(members, col, warn, uncovered: Callable[[str], set[str]]) -> None:
    """One warning per row and column holding characters no font can draw.

    Coverage is asked once per distinct character, not once per name; only
    names with a variation selector (異体字) are asked one by one, for the
    sequences no font has (a selector alone is never a 外字).
    """
    texts = set(map(attrgetter("name"), members)) | set(map(attrgetter("kana"), members))
    chars = set("".join(texts))
    selectors = chars & SELECTORS
    chars -= selectors
    missing = uncovered("".join(sorted(chars)))
    sequences: set[str] = set()
    if selectors:
        for text in texts:
            if not selectors.isdisjoint(text):
                sequences.update(s for s in uncovered(text) if len(s) == 2)
    if not (missing or sequences):
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
            variants = [s for s in sequences if s in text] if sequences else ()
            if variants:
                bases = "」「".join(dict.fromkeys(s[0] for s in sorted(variants, key=text.find)))
                codes = "、".join(f"U+{ord(s[0]):04X} U+{ord(s[1]):04X}" for s in sorted(variants, key=text.find))
                warn(Problem(Severity.WARNING, "VARIANT_NOT_DRAWN",
                             f"「{bases}」の異体字（{codes}）はフォントにないため、通常の字形で印刷します。"
                             "異体字で印刷するには、実行プロファイルの [fonts] fallback に異体字のあるフォント"
                             "（例: IPAmj明朝）を指定してください。",
                             m.sheet, m.row, col(key), text))


def collect_employers(
    members: list[Member], sheet: SheetRows | None, warn: Callable[[Problem], None], code_width: int = 0,
    name_label: str = "", error: Callable[[Problem, str], None] | None = None,
) -> dict[str, Employer]:
    """Employers from the 事業所 sheet, completed from the member rows.

    ``code_width`` is the profile's zero-pad width of 事業所コード, applied to
    the sheet's codes as to the member rows' so that both name one employer.
    ``error`` receives each row error of the sheet with the employer code of
    its row ('' when the code itself cannot be read): a formula without a
    saved value is an error there as on the member sheet, never a blank.
    """
    employers: dict[str, Employer] = {}
    if sheet is not None:
        cols = sheet.header.columns
        broken = _uncached_by_row(sheet)
        for excel_row, row in sheet.rows:
            def get(key: str) -> object:
                c = cols.get(key)
                return row[c] if c is not None and c < len(row) else None

            code = pad_code(normalize_code(get("employer_code")), code_width)
            for key in broken.get(excel_row, ()):
                problem = Problem(Severity.ERROR, "FORMULA_NO_VALUE", FORMULA_MESSAGE, sheet.name, excel_row,
                                  sheet.header.labels.get(key, key), "（数式）")
                if error is not None:
                    error(problem, "" if key == "employer_code" else code)
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
    codes = list(map(attrgetter("employer_code"), members))
    names = list(map(attrgetter("employer_name"), members))
    pairs = set(zip(codes, names))
    if len(pairs) == len(set(codes)):
        # The common case: one name per code, so no name differs from the first.
        first_names = dict(zip(reversed(codes), reversed(names)))  # first row of each code wins
        for code in dict.fromkeys(codes):
            if not code:
                continue
            if code not in employers:
                employers[code] = Employer(code=code, name=first_names[code])
            elif not employers[code].name:
                employers[code].name = first_names[code]
    else:
        _employers_from_rows(members, employers, warn, name_label)
    renamed = {code: employers[code].name for code, name in pairs
               if code in employers and employers[code].name and employers[code].name != name}
    if renamed:
        for m in members:
            name = renamed.get(m.employer_code)
            if name is not None:
                m.employer_name = name
    return employers


def _uncached_by_row(sheet: SheetRows) -> dict[int, list[str]]:
    """Excel row → the known columns (field keys) holding a formula without a saved value."""
    if not sheet.uncached:
        return {}
    key_of = {c: key for key, c in sheet.header.columns.items()}
    out: dict[int, list[str]] = defaultdict(list)
    for row, col in sorted(sheet.uncached):
        if col in key_of:
            out[row].append(key_of[col])
    return out


def _employers_from_rows(members: list[Member], employers: dict[str, Employer],
                         warn: Callable[[Problem], None], name_label: str = "") -> None:
    """Employers named by member rows; warns when one code has several names."""
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
                         m.sheet, m.row, name_label or label_of("employer_name"), m.employer_name))
