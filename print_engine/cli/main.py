"""Headless commands: ``main.py check`` and ``main.py batch`` (``batch-cli.md``).

No Qt is imported here: both commands run on a machine without a screen.
"""

from __future__ import annotations

import argparse
import sys

from print_engine.cli.args import UsageError, build_parser
from print_engine.cli.ledger_args import LEDGER_COMMANDS
from print_engine.cli.ledger_run import ledger_for_run
from print_engine.cli.common import (
    EXIT_CANCELLED,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    load_and_plan,
    problem_lines,
    profile_lines,
    run_warnings,
    summary_lines,
)
from print_engine.ledger.location import LedgerError
from print_engine.plan.run import Cancelled
from print_engine.profile.loading import ProfileError
from print_engine.read.workbook import WorkbookError
from print_engine.run_log import log, log_problems, logged_run


def _stdout_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def cmd_check(args: argparse.Namespace) -> int:
    ledger = ledger_for_run(args)
    with logged_run("check") as run:
        try:
            plan = load_and_plan(args, ledger=ledger)
        finally:
            if ledger is not None:
                ledger.close()
        extra = run_warnings(plan)
        log_problems(plan.loaded.problems() + extra)
        run["counts"] = plan.counts()
    for line in summary_lines(plan, extra) + profile_lines(plan) + problem_lines(plan.loaded, plan.run_errors + extra):
        print(line)
    return EXIT_ROW_ERRORS if plan.counts()["errors"] else EXIT_OK


def main(argv: list[str]) -> int:
    """Run ``check`` or ``batch``; returns the exit status of ``batch-cli.md``."""
    _stdout_utf8()
    try:
        args = build_parser().parse_args(argv)
        if args.command == "check":
            return cmd_check(args)
        if args.command in LEDGER_COMMANDS:
            from print_engine.cli.ledger_cmds import cmd_ledger

            return cmd_ledger(args)
        if args.command == "barcode":
            from print_engine.cli.barcode import cmd_barcode

            return cmd_barcode(args)
        from print_engine.cli.batch import cmd_batch

        return cmd_batch(args)
    except UsageError as exc:
        print(f"エラー: 引数が正しくありません: {exc}", file=sys.stderr)
    except LedgerError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
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
        log.error("%s: unexpected %s", argv[0] if argv else "?", type(exc).__name__, exc_info=True)  # the traceback: support log
        print(f"エラー: 予期しないエラーで中断しました（{type(exc).__name__}）。何も出力していません。", file=sys.stderr)
    return EXIT_FAILED
