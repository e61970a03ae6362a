"""The ledger's part of the command line: ``--ledger``/``--no-ledger``/``--unissued`` and its commands."""

from __future__ import annotations

import argparse

LEDGER_COMMANDS = ("history", "runs", "ledger")
LEDGER_HELP = "発行台帳（SQLite のファイルか postgresql://…）。省略時は OSHIRASE_LEDGER、ウィンドウの設定、既定のファイルの順"


def add_ledger_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ledger", metavar="URL|PATH", help=LEDGER_HELP)


def add_run_ledger_options(p: argparse.ArgumentParser) -> None:
    """``check`` and ``batch``: which ledger, none, or only the members not yet issued."""
    group = p.add_mutually_exclusive_group()
    group.add_argument("--ledger", metavar="URL|PATH", help=LEDGER_HELP)
    group.add_argument("--no-ledger", action="store_true", help="発行台帳に記録しない（校正用）")
    p.add_argument("--unissued", action="store_true", help="発行台帳で発行済みの方を除く（ALREADY_ISSUED）")


def add_ledger_commands(sub) -> None:
    history = sub.add_parser("history", help="加入者・世帯に発行した書類の履歴（発行台帳）")
    history.add_argument("key", metavar="KEY", help="記号-番号 または 記号-番号-枝番")
    add_ledger_option(history)
    history.add_argument("--csv", action="store_true", help="CSV（UTF-8 BOM 付き）で出力")

    runs = sub.add_parser("runs", help="発行台帳の実行の一覧")
    add_ledger_option(runs)
    runs.add_argument("--limit", type=int, metavar="N", help="新しい順に N 件")
    runs.add_argument("--csv", action="store_true", help="CSV（UTF-8 BOM 付き）で出力")

    ledger = sub.add_parser("ledger", help="発行台帳の取り込み・取消・確定・書き出し・削除")
    actions = ledger.add_subparsers(dest="action", required=True, parser_class=sub._parser_class)
    imp = actions.add_parser("import", help="台帳より前の実行フォルダ（manifest.csv + profile.toml）を取り込む")
    imp.add_argument("run_dir", metavar="RUN_DIR")
    void = actions.add_parser("void", help="実行の書類を取り消す（全部、または事業所・加入者を指定）")
    void.add_argument("run_id", metavar="RUN_ID", type=int)
    void.add_argument("--employer", nargs="+", action="extend", default=[], metavar="CODE")
    void.add_argument("--member", nargs="+", action="extend", default=[], metavar="KIGO-BANGO-EDABAN")
    resolve = actions.add_parser("resolve", help="確定していない実行を、出力が揃っていれば記録し、なければ取り消す")
    resolve.add_argument("run_id", metavar="RUN_ID", type=int)
    export = actions.add_parser("export", help="発行した書類を CSV に書き出す")
    export.add_argument("--out", required=True, metavar="FILE.csv")
    export.add_argument("--from", dest="date_from", metavar="DATE", help="この日以降（YYYY-MM-DD）")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="この日まで（YYYY-MM-DD、その日を含む）")
    purge = actions.add_parser("purge", help="DATE より前に発行した書類と、空になった実行を削除する")
    purge.add_argument("--before", required=True, metavar="DATE", help="YYYY-MM-DD")
    purge.add_argument("--yes", action="store_true", help="確認せずに削除する")
    for p in (imp, void, resolve, export, purge):
        add_ledger_option(p)
