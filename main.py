"""Oshirase — 資格情報のお知らせ印刷.

    python main.py [WORKBOOK]          the desktop app
    python main.py check WORKBOOK ...  headless check (see shared/spec/batch-cli.md)
    python main.py batch WORKBOOK ...  headless print run to PDF
    python main.py barcode POSTAL ADDR the Japan Post customer barcode of an address
    python main.py --self-test         the installed app checks itself

This file only parses the command line: ``check`` and ``batch`` never create
a Qt application.
"""

from __future__ import annotations

import multiprocessing
import sys

HEADLESS_COMMANDS = ("check", "batch", "barcode")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in HEADLESS_COMMANDS:
        from print_engine.cli.main import main as cli_main

        return cli_main(argv)
    if argv and argv[0] == "--self-test":
        from selftest import run_self_test

        return run_self_test()
    from gui.app import run_app

    return run_app(argv)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
