"""The command line's front door, before anything else starts.

    main.py [WORKBOOK]            the window (a member file: it exists or has a member-file suffix)
    main.py COMMAND ...           a headless command (check, batch, … : print_engine.cli)
    main.py --help | -h           the commands, exit 0
    main.py --version             the version, exit 0
    main.py --self-test           the installed app checks itself

Anything else is an unknown command: exit 2 with the list of commands, and
no window. The commands are those of the headless parser
(:func:`print_engine.cli.args.build_parser`), so a command added there is
listed and dispatched here without another list to keep.

The console program of the frozen bundle (``oshirase-cli``) never opens the
window: with no command it prints the help and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from oshirase import app_version

CONSOLE_PROGRAM = "oshirase-cli"
EXIT_USAGE = 2


def commands() -> list[tuple[str, str]]:
    """``(name, help)`` of every headless command, from the headless parser."""
    from print_engine.cli.args import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            return [(name, helps.get(name, "")) for name in action.choices]
    return []


def is_console_program() -> bool:
    """True in the frozen console executable ``oshirase-cli(.exe)``."""
    return bool(getattr(sys, "frozen", False)) and Path(sys.executable).stem.lower() == CONSOLE_PROGRAM


def program_name() -> str:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "main.py"


def usage() -> str:
    """The help text: how to start the window, the commands, the options."""
    prog = program_name()
    lines = [f"お知らせ印刷 (Oshirase) {app_version()}", "", "使い方:"]
    if not is_console_program():
        lines.append(f"  {prog} [WORKBOOK]              ウィンドウを開く（加入者台帳のファイルを指定できます）")
    lines.append(f"  {prog} COMMAND [引数...]       ヘッドレスのコマンド（{prog} COMMAND --help で詳細）")
    lines += [
        f"  {prog} --self-test             インストールされたアプリの自己診断",
        f"  {prog} --version               バージョンを表示",
        f"  {prog} --help, -h              この説明を表示",
        "",
        "コマンド:",
    ]
    cmds = commands()
    width = max((len(name) for name, _ in cmds), default=0)
    lines += [f"  {name.ljust(width)}  {text}" for name, text in cmds]
    lines += ["", "終了コード: 0 正常、1 行エラーあり（保留）、2 何も出力せず（引数・ファイルの誤り等）、130 中止"]
    return "\n".join(lines)


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def looks_like_workbook(arg: str) -> bool:
    """An argument the window opens: an existing file, or a member file's name (.xlsx, .csv, …)."""
    from print_engine.read.file_kind import MEMBER_FILE_SUFFIXES

    return arg.lower().endswith(MEMBER_FILE_SUFFIXES) or Path(arg).is_file()


def unknown(arg: str) -> int:
    names = ", ".join(name for name, _ in commands())
    print(f"エラー: 不明なコマンドです: {arg}", file=sys.stderr)
    print(f"使えるコマンド: {names}（{program_name()} --help で説明）", file=sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Dispatch the command line; returns the process's exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    first = argv[0] if argv else None
    if first in ("-h", "--help"):
        print(usage())
        return 0
    if first == "--version":
        print(f"Oshirase {app_version()}")
        return 0
    if first == "--self-test":
        from selftest import run_self_test

        return run_self_test()
    names = {name for name, _ in commands()}
    if first in names:
        from oshirase import support_log
        from print_engine.cli.main import main as cli_main

        support_log.setup(first)
        return cli_main(argv)
    if is_console_program():
        if first is None:
            print(usage(), file=sys.stderr)
            return EXIT_USAGE
        return unknown(first)
    positional = [a for a in argv if not a.startswith("-")]
    if any(a.startswith("--") for a in argv):
        return unknown(next(a for a in argv if a.startswith("--")))
    if len(positional) > 1 or (positional and not looks_like_workbook(positional[0])):
        return unknown(positional[0])
    return start_window(argv)


def start_window(argv: list[str]) -> int:
    """Start the desktop app (Qt is first imported here)."""
    from oshirase import support_log
    from oshirase.qt_platform import missing_xcb_message

    support_log.setup("window")
    message = missing_xcb_message()
    if message:
        print(message, file=sys.stderr)
        support_log.log.error("window not started: Qt xcb platform libraries missing")
        return EXIT_USAGE
    from gui.app import run_app

    return run_app(argv)
