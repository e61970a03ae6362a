"""The command line's arguments: the parser, selectors and profile overrides."""

from __future__ import annotations

import argparse
import re

from print_engine.cli.ledger_args import add_ledger_commands, add_run_ledger_options
from print_engine.model import Selection
from print_engine.profile.loading import load_profile
from print_engine.read.codes import code_width, normalize_code, pad_code


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit 2 with English text
        raise UsageError(message)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("workbook", help="加入者台帳のファイル (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv/.tsv/.txt)")
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
    barcode = sub.add_parser("barcode", help="郵便番号と住所からカスタマバーコードを表示")
    barcode.add_argument("postal_code", help="郵便番号（7 桁）")
    barcode.add_argument("address", nargs="*", default=[], help="住所")
    add_run_ledger_options(check)
    add_run_ledger_options(batch)
    add_ledger_commands(sub)
    return parser


KEY_FIELDS = ("kigo", "bango", "edaban")


def _code(value: str, field: str, widths: dict[str, int]) -> str:
    """A code typed on the command line, normalised like the workbook's."""
    return pad_code(normalize_code(value), code_width(field, widths))


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


