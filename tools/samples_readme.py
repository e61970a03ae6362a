"""Render ``resources/samples/README.md`` from the generated samples.

The README is generated, like the workbooks, so its row numbers and figures
can never drift from the files it describes.
"""

from __future__ import annotations

from tools.sample_clean import CleanSample
from tools.sample_clean_sheet import (
    BLANK,
    EMPLOYER_SHEET,
    HEADER_ROW,
    HEADERS,
    HIDDEN_SHEET,
    MEMBER_SHEET,
    REMARK_ONLY,
)
from tools.sample_rows import FIELDS, SampleRow

INTRO = """\
# Sample workbooks

Synthetic data only: names are combinations of common surnames and given
names, employers are called サンプル…, and the only full 12-digit My Numbers
(rows marked below) are the obvious test numbers `123456789018` and
`111111111118`, made with the check-digit formula of the spec.

Everything in this folder is written by `python -m tools.make_samples`
(deterministic: the same bytes on every run), including this README. Do not
edit the files by hand; change `tools/sample_*.py` and regenerate.
`broken/password.xlsx` needs `msoffcrypto-tool`, which is not a dependency of
the app: make it with a throw-away venv
(`python -m venv --system-site-packages /tmp/v && /tmp/v/bin/pip install
msoffcrypto-tool && /tmp/v/bin/python -m tools.make_samples`).

The expected figures are computed by `tools/reference_rules.py` from what the
generator meant to write, independently of `print_engine`; they are also in
`sample-expected.json` and `sample-errors-expected.json`. Problem kinds
(`ERA_OUT_OF_SPAN`, `INVALID_DATE`, …) are descriptive names for tests to map
to the engine's codes; the column is the header as written in the file
(empty for a problem of a whole household).
"""


def _key(r: SampleRow) -> str:
    return f"{r.ref.kigo}-{r.ref.bango}-{r.ref.edaban}"


def _outcome(row: dict, warnings: dict[int, list[str]]) -> str:
    text = row["reason"] or ("送付 RETURN" if row["flag"] else "送付")
    for w in warnings.get(row["row"], []):
        text += f", 警告 {w}"
    return text


def _clean_section(sample: CleanSample, ordered: list, special: dict, exp: dict) -> list[str]:
    out = [
        "## sample.xlsx",
        "",
        f"- Sheets: `{HIDDEN_SHEET}` (hidden, with a header-like row 3 of five known headers:"
        " picked and failing if hidden sheets were not skipped), "
        f"`{MEMBER_SHEET}` (members), `{EMPLOYER_SHEET}` (employers; 所属別梱包 ○ for 10).",
        f"- Member sheet: title line B1 (merged B1:H1), date line B2, empty row 3, **header row "
        f"{HEADER_ROW} starting in column B**, data from row {HEADER_ROW + 1}; an autofilter"
        " and frozen panes. Column A is empty.",
        "- Headers as written (aliases in bold): " + ", ".join(
            f"**{HEADERS[f]}**" if HEADERS[f] in ("被保険者記号", "氏名（カナ）", "資格取得日") else HEADERS[f]
            for f in FIELDS) + " (備考 is not a known header and is ignored).",
        f"- Row {special[BLANK]} is empty; row {special[REMARK_ONLY]} has text only in 備考"
        " (every field empty): both skipped silently, not counted as member rows.",
        "- Rows are in text order of 事業所コード (1, 10, 101, 2, 2001) and households are"
        " shuffled, so numeric-aware sorting has to put 2 before 10.",
        "- No formulas (openpyxl cannot write cached values).",
        "",
        "How codes are stored (random per row, seeded):",
        "",
        "| 事業所コード | 事業所名 | 事業所コード cells | 記号 | 番号 | 所属コード (insured) | packing |",
        "|---|---|---|---|---|---|---|",
    ]
    storage = {
        "1": ("numbers 1 / 1.0", "11 (number or text)", "4 digits, number or text", "—"),
        "2": ("text `2`, full-width `２`", "2020, 2021 (text)", "5 digits, text", "1, 2"),
        "10": ("number 10", "3100 (number, text, full-width `３１００`)", "6 digits, mostly numbers",
               "1, 2, 10, 110, blank (numbers or text)"),
        "101": ("text `101`, ` 101 ` with spaces", "4100", "3 digits, text or number", "—"),
        "2001": ("text, full-width `２００１`, number", "5200 (number or text)",
                 "4 digits with leading zero (`0101`…), text or full-width", "—"),
    }
    for code, e in sample.employers.items():
        s = storage[code]
        packing = "所属別 (○)" if e.by_affiliation else "番号順"
        out.append(f"| {code} | {e.name} | {s[0]} | {s[1]} | {s[2]} | {s[3]} | {packing} |")
    out += [
        "",
        "枝番 is `00` for the insured and `01`… for dependents, stored as text or as numbers"
        " (0 → `00`, 1 → `01`); 本人家族区分 mixes 本人/1/被保険者 and 家族/2/被扶養者"
        " (text and numbers); about 15 % of フリガナ are half-width; dates are mostly Excel"
        " date cells, with datetimes, serial numbers and text forms mixed in.",
        "",
        "### Expected totals (bundled default profile, `initial`)",
        "",
        "| figure | value |",
        "|---|---|",
        f"| member rows | {exp['members_rows']} |",
        f"| notices (members included) | {exp['included']} |",
        f"| envelopes | {exp['envelopes']} |",
        f"| employers with an envelope | {exp['employers_with_envelope']} |",
    ]
    out += [f"| {code} | {n} |" for code, n in exp["reasons"].items()]
    out += [
        f"| notices flagged RETURN | {exp['return_notices']} |",
        f"| RETURN envelopes (返送) | {exp['return_envelopes']} |",
        f"| row errors | {exp['errors']} |",
        f"| warnings | {exp['warnings']['count']} |",
        f"| new-members candidates (rows, recorded 7/1–11/29) | {len(exp['new_members_candidates'])} "
        f"(rows {', '.join(map(str, exp['new_members_candidates']))}) |",
        "",
        "| 事業所コード | envelopes | notices | container |",
        "|---|---|---|---|",
    ]
    for code in exp["containers"]:
        out.append(f"| {code} | {exp['envelopes_per_employer'][code]} | "
                   f"{exp['notices_per_employer'][code]} | {exp['containers'][code]} |")
    out += ["", "Warnings:", "", "| row | column | kind |", "|---|---|---|"]
    out += [f"| {w['row']} | {w['column'] or '—'} | {w['kind']} |" for w in exp["warnings"]["list"]]
    return out


def _cases_section(ordered: list, special: dict, exp: dict) -> list[str]:
    warnings: dict[int, list[str]] = {}
    for w in exp["warnings"]["list"]:
        warnings.setdefault(w["row"], []).append(w["kind"])
    by_row = {r["row"]: r for r in exp["rows"]}
    out = [
        "",
        "### Deliberate cases in sample.xlsx",
        "",
        "Expected = reason code (excluded), or 送付 (included) with the RETURN flag.",
        "",
        "| row | 事業所 | 記号-番号-枝番 | what it exercises | expected |",
        "|---|---|---|---|---|",
        f"| {special[BLANK]} | — | — | empty row in the middle | skipped |",
        f"| {special[REMARK_ONLY]} | — | — | only 備考 (an unknown column) filled | skipped |",
    ]
    rows = [r for r in ordered if not isinstance(r, str)]
    for r in sorted(rows, key=lambda r: r.ref.row):
        if not r.notes and r.ref.row not in warnings:
            continue
        what = " / ".join(r.notes) or "household without insured row"
        out.append(f"| {r.ref.row} | {r.ref.employer} | {_key(r)} | {what} | "
                   f"{_outcome(by_row[r.ref.row], warnings)} |")
    out.append("")
    out.append("RETURN envelopes and 扶養削除 remarks (packing order):")
    out.append("")
    for code, envelopes in exp["envelope_order"].items():
        for e in envelopes:
            if e["return"] or e["fuyo_sakujo"]:
                label = "返送" if e["return"] else "扶養削除 (envelope not RETURN)"
                out.append(f"- 事業所 {code}, {e['kigo']}-{e['bango']} (rows "
                           f"{', '.join(map(str, e['rows']))}): {label}")
    return out


def _errors_section(err: dict, broken: dict[str, str]) -> list[str]:
    errors: dict[int, list[str]] = {}
    for e in err["errors"]:
        errors.setdefault(e["row"], []).append(f"{e['kind']} ({e['column']})")
    warns: dict[int, list[str]] = {}
    for w in err["warnings"]["list"]:
        if w["row"] is not None:
            warns.setdefault(w["row"], []).append(f"警告 {w['kind']} ({w['column']})")
    out = [
        "",
        "## sample-errors.xlsx",
        "",
        f"Sheet `{err['member_sheet']}`, header in row 1 from column A, no 事業所 sheet. "
        f"`main.py check` exits {err['check_exit_status']}. Rows with an error are INVALID;"
        " the other rows of their household are HELD.",
        "",
        "| row | what | expected |",
        "|---|---|---|",
    ]
    held = set(err["held_rows"])
    for row in range(2, 2 + err["members_rows"]):
        note = err["notes"].get(str(row), "")
        if row in errors:
            expect = "INVALID: " + "; ".join(errors[row])
        elif row in held:
            expect, note = "HELD", note or "valid row of a household with an error"
        else:
            expect = "送付" + ("".join(f", {w}" for w in warns.get(row, [])))
        out.append(f"| {row} | {note or 'valid'} | {expect} |")
    width = [w for w in err["warnings"]["list"] if w["row"] is None]
    out += [
        "",
        f"Plus {len(width)} warning(s) without a row: "
        + ", ".join(f"{w['kind']} for 事業所 {w['employer']}, column {w['column']}" for w in width) + ".",
        f"Totals: {err['members_rows']} member rows, {len(err['errors'])} errors on "
        f"{len(err['invalid_rows'])} rows, {len(err['held_rows'])} HELD rows, "
        f"{err['warnings']['count']} warnings, {err['included']} notices in "
        f"{err['envelopes']} envelopes.",
        "",
        "## broken/",
        "",
        "Each must be refused with one clear error and exit status 2 (no traceback):",
        "",
    ]
    out += [f"- `{name}` — {what}" for name, what in broken.items()]
    return out


_JSON_KEYS = """
## Keys of sample-expected.json

`members_rows`, `included`, `envelopes`, `employers_with_envelope`,
`reasons` (every rule code, zeros included), `return_notices`,
`return_envelopes`, `containers` {code: 封筒|段ボール}, `notices_per_employer`,
`envelopes_per_employer`, `envelope_order` {code: [envelope in packing order:
kigo, bango, affiliation, rows (insured first), return, fuyo_sakujo]},
`new_members_candidates` (rows), `pack_by_affiliation`, `errors` (0),
`warnings` {count, list of {sheet, row, column, kind}}, `rows` (one per member
row: row, employer, kigo, bango, edaban, insured, mynumber4, reason, flag),
plus `member_sheet`, `header_row`, `header_first_column`, `blank_rows`.
sample-errors-expected.json has `errors` (list of {sheet, row, column, kind}),
`invalid_rows`, `held_rows`, `warnings` and the same totals for the rest.
"""


def render_readme(sample: CleanSample, ordered: list, special: dict, expected: dict,
                  errors_expected: dict, broken: dict[str, str]) -> str:
    lines = [INTRO]
    lines += _clean_section(sample, ordered, special, expected)
    lines += _cases_section(ordered, special, expected)
    lines += _errors_section(errors_expected, broken)
    lines.append(_JSON_KEYS)
    return "\n".join(lines).rstrip("\n") + "\n"
