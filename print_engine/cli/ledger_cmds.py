"""``history``, ``runs`` and ``ledger import|void|resolve|export|purge`` (``ledger.md``, Commands).

Every command opens the ledger chosen by ``--ledger``, ``OSHIRASE_LEDGER`` or
the default, says on standard error when it holds a pending run, and exits 0
when done or 2 when nothing was done (bad arguments, unreachable or newer
ledger, unknown run id): :class:`LedgerError` reaches ``cli.main``.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from print_engine.cli.args import UsageError, _parse_keys
from print_engine.cli.common import EXIT_FAILED, EXIT_OK
from print_engine.ledger.backfill import import_run_folder
from print_engine.ledger.fingerprint import member_key
from print_engine.ledger.location import LedgerError, choose_ledger
from print_engine.ledger.recording import pending_report, resolve_run, void_run
from print_engine.ledger.reports import (
    EXPORT_COLUMNS,
    HISTORY_COLUMNS,
    RUNS_COLUMNS,
    csv_bytes,
    history_rows,
    history_table,
    local_midnight,
    runs_rows,
    runs_table,
)
from print_engine.ledger.store import Ledger, open_ledger
from print_engine.read.codes import normalize_code


def open_from_args(args: argparse.Namespace, report_pending: bool = True) -> Ledger:
    ledger = open_ledger(choose_ledger(getattr(args, "ledger", None)))
    if report_pending:
        message = pending_report(ledger)
        if message:
            print(f"注意: {message}", file=sys.stderr)
    return ledger


def parse_date(value: str, option: str) -> date:
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", normalize_code(value or ""))
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise UsageError(f"{option} の値 {value!r} は日付（YYYY-MM-DD）で指定してください")


def _stdout_csv(header, rows) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(csv_bytes(header, rows))
    sys.stdout.buffer.flush()


def cmd_history(args: argparse.Namespace) -> int:
    pieces = normalize_code(args.key).split("-")
    if len(pieces) not in (2, 3):
        raise UsageError(f"KEY の値 {args.key!r} は 記号-番号 または 記号-番号-枝番 の形で指定してください")
    key = next(iter(_parse_keys([args.key], len(pieces), "KEY", {})))
    with open_from_args(args) as ledger:
        docs = ledger.history(*key)
    if not docs:
        print(f"{'-'.join(key)} に発行した書類は発行台帳にありません（{ledger.location.label}）。", file=sys.stderr)
        return EXIT_OK
    if args.csv:
        _stdout_csv(HISTORY_COLUMNS, history_rows(docs))
    else:
        print("\n".join(history_table(docs)))
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit には 1 以上の数を指定してください")
    with open_from_args(args) as ledger:
        runs = ledger.runs(limit=args.limit)
    if args.csv:
        _stdout_csv(RUNS_COLUMNS, runs_rows(runs))
    elif runs:
        print("\n".join(runs_table(runs)))
    else:
        print(f"発行台帳に実行はまだありません（{ledger.location.label}）。", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    with open_from_args(args) as ledger:
        result = import_run_folder(ledger, Path(args.run_dir))
    if result.already:
        print(f"{args.run_dir} は取り込み済みです（実行番号 {result.run_id}）。何も変更していません。")
    else:
        print(f"{args.run_dir} を実行番号 {result.run_id} として取り込みました（書類 {result.documents} 件）。")
    return EXIT_OK


def cmd_void(args: argparse.Namespace) -> int:
    members = [member_key(*k) for k in _parse_keys(args.member, 3, "--member", {})]
    employers = [normalize_code(c) for c in args.employer]
    with open_from_args(args) as ledger:
        count = void_run(ledger, args.run_id, employers, members)
    print(f"実行番号 {args.run_id} の書類 {count} 件を取り消しました。")
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_from_args(args, report_pending=False) as ledger:
        before = ledger.run(args.run_id)["status"]
        status = resolve_run(ledger, args.run_id)
    if before != "pending":
        print(f"実行番号 {args.run_id} はすでに確定しています（{before}）。何も変更していません。")
    elif status == "committed":
        print(f"実行番号 {args.run_id} の出力は揃っています。発行済みとして記録しました。")
    else:
        print(f"実行番号 {args.run_id} の出力は揃っていません。この実行の書類を取り消しました。")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    start = local_midnight(parse_date(args.date_from, "--from")) if args.date_from else None
    end = local_midnight(parse_date(args.date_to, "--to") + timedelta(days=1)) if args.date_to else None
    out = Path(args.out)
    with open_from_args(args) as ledger:
        docs = ledger.documents_between(start, end)
    data = csv_bytes(EXPORT_COLUMNS, history_rows(docs))
    tmp = out.with_name(f".{out.name}.partial")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LedgerError(f"{out} に書き出せません（{exc.strerror or exc}）。") from None
    print(f"{out} に書類 {len(docs)} 件を書き出しました。")
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    before = parse_date(args.before, "--before")
    cutoff = local_midnight(before)
    with open_from_args(args) as ledger:
        docs, runs = ledger.purge_counts(cutoff)
        if docs == 0 and runs == 0:
            print(f"{before.isoformat()} より前に発行した書類はありません。何も削除していません。")
            return EXIT_OK
        if not args.yes:
            print(f"{before.isoformat()} より前に発行した書類 {docs} 件と、空になる実行 {runs} 件を発行台帳から"
                  f"削除します。よろしいですか？ [y/N]: ", end="", flush=True)
            answer = sys.stdin.readline()
            if not answer:
                print(file=sys.stderr)
                print("エラー: 確認の入力がありません。確認なしで削除するには --yes を付けてください。", file=sys.stderr)
                return EXIT_FAILED
            if answer.strip().lower() not in ("y", "yes", "はい"):
                print("削除しませんでした。")
                return EXIT_OK
        docs, runs = ledger.purge(cutoff)
    print(f"書類 {docs} 件と実行 {runs} 件を削除しました。")
    return EXIT_OK


ACTIONS = {"import": cmd_import, "void": cmd_void, "resolve": cmd_resolve, "export": cmd_export, "purge": cmd_purge}


def cmd_ledger(args: argparse.Namespace) -> int:
    if args.command == "history":
        return cmd_history(args)
    if args.command == "runs":
        return cmd_runs(args)
    return ACTIONS[args.action](args)
