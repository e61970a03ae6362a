"""Oshirase — 資格情報のお知らせ印刷.

    python main.py [WORKBOOK]          the desktop app
    python main.py check WORKBOOK ...  headless check (see shared/spec/batch-cli.md)
    python main.py batch WORKBOOK ...  headless print run to PDF
    python main.py barcode POSTAL ADDR the Japan Post customer barcode of an address
    python main.py --self-test         the installed app checks itself
    python main.py --help | --version  the commands (also: an unknown command, exit 2)

This file only starts :func:`oshirase.entry.main`, which parses the command
line (the headless commands come from ``print_engine.cli.args``): a headless
command never creates a Qt application. The same entry is the ``oshirase``
console script of ``pip install .`` and both executables of the frozen bundle.
"""

from __future__ import annotations

import multiprocessing
import sys

from oshirase.entry import main  # noqa: F401 (also imported by tests as main.main)

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
