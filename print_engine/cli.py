"""Headless commands: ``main.py check`` and ``main.py batch`` (``batch-cli.md``).

No Qt is imported here: both commands run on a machine without a screen.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from .codes import normalize_code, pad_code
from .layout.fonts import FontSet
from .model import Reason, Selection
from .profile import ProfileError, load_profile
from .run import Cancelled, LoadedWorkbook, RunPlan, load_members, plan_run
from .workbook import WorkbookError

EXIT_OK = 0
EXIT_ROW_ERRORS = 1
EXIT_FAILED = 2
EXIT_CANCELLED = 130

COUNT_LABELS = (
    ("member_rows", "加入者の行数"),
    ("included", "お知らせの対象者"),
    ("envelopes", "封筒（世帯）"),
    ("employers", "封筒のある事業所"),
    ("return_envelopes", "返送の封筒"),
)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit 2 with English text
        raise UsageError(message)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("workbook", help="加入者台帳の Excel ファイル (.xlsx/.xlsm)")
    p.add_argument("--profile", help="実行プロファイル (TOML)。省略時は同梱の既定プロファイル")


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--variant", choices=("initial", "new-members", "reissue"))
    p.add_argument("--employer", nargs="+", action="extend", default=[], metavar="CODE")
    p.add_argument("--affiliation", nargs="+", action="extend", default=[], metavar="CODE")
    p.add_argument("--household", nargs="+", action="extend", default=[], metavar="KIGO-BANGO")
    p.add_argument("--member", nargs="+", action="extend", default=[], metavar="KIGO-BANGO-EDABAN")
    p.add_argument("--order", choices=("profile", "number", "affiliation"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="資格情報のお知らせ印刷（ヘッドレス）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="読み込み・検証・ルール適用の結果を表示")
    _add_common(check)
    _add_selection(check)
    batch = sub.add_parser("batch", help="PDF と CSV を出力")
    _add_common(batch)
    _add_selection(batch)
    batch.add_argument("--out", required=True, help="出力フォルダ")
    batch.add_argument("--force", action="store_true", help="空でない出力フォルダを置き換える")
    batch.add_argument("--split", help="employer | run | pages:N")
    batch.add_argument("--documents", choices=("all", "notices"))
    batch.add_argument("--workers", type=int, default=0, help=argparse.SUPPRESS)
    return parser


KEY_FIELDS = ("kigo", "bango", "edaban")


def _code(value: str, field: str, widths: dict[str, int]) -> str:
    """A code typed on the command line, normalised like the workbook's."""
    width = widths.get(field, 2 if field == "edaban" else 0)
    return pad_code(normalize_code(value), width)


def _parse_keys(values: list[str], parts: int, option: str, widths: dict[str, int]) -> frozenset[tuple[str, ...]]:
    out = set()
    for v in values:
        pieces = tuple(p.strip() for p in normalize_code(v).split("-"))
        if len(pieces) != parts or not all(pieces):
            shape = "記号-番号" if parts == 2 else "記号-番号-枝番"
            raise UsageError(f"{option} の値 {v!r} は {shape} の形で指定してください")
        out.add(tuple(_code(p, f, widths) for p, f in zip(pieces, KEY_FIELDS)))
    return frozenset(out)


def selection_from_args(args: argparse.Namespace, widths: dict[str, int] | None = None) -> Selection:
    """The selectors of the command line, with codes folded and padded as in the workbook."""
    widths = widths or {}
    return Selection(
        employers=frozenset(_code(c, "employer_code", widths) for c in args.employer),
        affiliations=frozenset(_code(c, "affiliation", widths) for c in args.affiliation),
        households=_parse_keys(args.household, 2, "--household", widths),
        members=_parse_keys(args.member, 3, "--member", widths),
    )


def profile_from_args(args: argparse.Namespace):
    """The profile with the command line's overrides applied."""
    from dataclasses import replace

    profile = load_profile(args.profile)
    run = profile.run
    changes = {}
    if args.variant:
        changes["variant"] = args.variant
    if args.order:
        changes["order"] = args.order
    if getattr(args, "split", None):
        if not re.fullmatch(r"employer|run|pages:[1-9][0-9]*", args.split):
            raise UsageError(f"--split の値 {args.split!r} は employer、run または pages:N で指定してください")
        changes["split"] = args.split
    if getattr(args, "documents", None):
        changes["documents"] = args.documents
    if changes:
        profile = replace(profile, run=replace(run, **changes))
    return profile


def load_and_plan(args: argparse.Namespace, progress=None, today: date | None = None) -> RunPlan:
    profile = profile_from_args(args)
    try:
        uncovered = FontSet.load(profile.fonts.fallback).missing_chars
    except Exception:  # reportlab raises TTFError for a file that is not TrueType
        raise ProfileError("fonts.fallback", "fonts.fallback のフォントを読み込めません。TrueType（.ttf）ファイルを指定してください。") from None
    loaded = load_members(args.workbook, profile, progress=progress, uncovered=uncovered)
    issue_date = profile.issue_date_resolved(today or date.today())
    order = args.order or ""
    return plan_run(loaded, profile, issue_date, selection_from_args(args, profile.sheet.widths), order)


def summary_lines(plan: RunPlan) -> list[str]:
    counts = plan.counts()
    lines = [f"ファイル: {plan.loaded.path.name}（シート「{plan.loaded.sheet}」）"]
    lines += [f"{label}: {counts[key]}" for key, label in COUNT_LABELS]
    for reason in Reason:
        lines.append(f"除外 {reason.value}: {counts[reason.value]}")
    lines.append(f"エラー: {counts['errors']}")
    lines.append(f"警告: {counts['warnings']}")
    if counts["included"] == 0:
        lines.append("印刷の対象者はいません。")
    return lines


def problem_lines(loaded: LoadedWorkbook) -> list[str]:
    return [str(p) for p in loaded.problems()]


def _stdout_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def cmd_check(args: argparse.Namespace) -> int:
    plan = load_and_plan(args)
    for line in summary_lines(plan) + problem_lines(plan.loaded):
        print(line)
    return EXIT_ROW_ERRORS if plan.counts()["errors"] else EXIT_OK


def main(argv: list[str]) -> int:
    """Run ``check`` or ``batch``; returns the exit status of ``batch-cli.md``."""
    _stdout_utf8()
    try:
        args = build_parser().parse_args(argv)
        if args.command == "check":
            return cmd_check(args)
        from .batch_cli import cmd_batch

        return cmd_batch(args)
    except UsageError as exc:
        print(f"エラー: 引数が正しくありません: {exc}", file=sys.stderr)
    except ProfileError as exc:
        print(f"エラー: 実行プロファイル: {exc}", file=sys.stderr)
    except WorkbookError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
    except ValueError as exc:
        print(f"エラー: {exc}", file=sys.stderr)
    except (Cancelled, KeyboardInterrupt):
        print("中止しました。何も出力していません。", file=sys.stderr)
        return EXIT_CANCELLED
    except OSError as exc:
        print(f"エラー: ファイルの読み書きに失敗しました（{exc.strerror or exc}）。", file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - one line for the operator, never a traceback
        print(f"エラー: 予期しないエラーで中断しました（{type(exc).__name__}）。何も出力していません。", file=sys.stderr)
    return EXIT_FAILED
