"""The support log (``oshirase.support_log``): it records runs and crashes, rotates,
and never holds a name, an address or a My Number digit."""

from __future__ import annotations

import logging
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from oshirase import support_log
from tools.synth import write_large_workbook
from tools.synth_values import synthetic_mynumber

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "東京都千代田区霞が関一丁目二番三号"

# The failing run: the renderer raises with a member's data in the message.
FAILING_RUN = """
import os, sys
import print_engine.cli.batch as batch
def boom(*args, **kwargs):
    raise RuntimeError(os.environ["SECRET"])
batch.run_batch = boom
from oshirase.entry import main
sys.exit(main(sys.argv[1:]))
"""

# A crash: an uncaught exception in a thread and in the main thread.
CRASH = """
import os, threading
from oshirase import support_log
support_log.setup("crash-test")
def worker():
    raise ValueError(os.environ["SECRET"])
t = threading.Thread(target=worker, name="worker")
t.start(); t.join()
raise RuntimeError(os.environ["SECRET"])
"""

# An exception in a Qt slot of the window's event loop.
QT_SLOT = """
import os
from oshirase import support_log
support_log.setup("window")
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
def on_timer():
    raise KeyError(os.environ["SECRET"])
QTimer.singleShot(0, on_timer)
QTimer.singleShot(200, app.quit)
app.exec()
"""


def _book(tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """A small workbook with full 12-digit My Numbers, names and one bad row."""
    path = tmp_path / "book.xlsx"
    write_large_workbook(path, members=24, employers=2, seed=5)
    wb = load_workbook(path)
    ws = wb["加入者一覧"]
    header = {cell.value: cell.column for cell in ws[1]}
    rng = random.Random(8)
    numbers, names = [], []
    for row in range(2, ws.max_row + 1):
        number = synthetic_mynumber("".join(rng.choice("56789") for _ in range(11)))
        ws.cell(row, header["個人番号下4桁"]).value = number
        numbers.append(number)
        names += [ws.cell(row, header["氏名"]).value, ws.cell(row, header["フリガナ"]).value]
    ws.cell(3, header["生年月日"]).value = names[2]  # a name where a date belongs: a row error quoting it
    wb.save(path)
    return path, numbers, [n for n in names if n]


def _run(args: list[str], data: Path, secret: str = "", code: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "OSHIRASE_DATA_DIR": str(data), "SECRET": secret, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT), "OSHIRASE_LEDGER": str(data / "ledger.sqlite3")}
    cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, str(ROOT / "main.py"), *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _log_text(data: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((data / "logs").iterdir()))


def test_check_batch_a_failing_run_and_crashes_leave_a_log_without_personal_data(tmp_path):
    book, numbers, names = _book(tmp_path)
    data = tmp_path / "data"
    secret = f"{names[0]} {ADDRESS} {numbers[0]} {numbers[1][-4:]}"

    check = _run(["check", str(book)], data)
    assert check.returncode == 1, check.stderr
    assert names[2] in check.stdout  # the operator sees the bad value; the log must not
    batch = _run(["batch", str(book), "--out", str(tmp_path / "out")], data)
    assert batch.returncode == 1, batch.stderr
    failing = _run(["batch", str(book), "--out", str(tmp_path / "out2")], data, secret, FAILING_RUN)
    assert failing.returncode == 2 and "予期しないエラー" in failing.stderr
    crash = _run([], data, secret, CRASH)
    assert crash.returncode == 1 and "RuntimeError" in crash.stderr
    slot = _run([], data, secret, QT_SLOT)
    assert "KeyError" in slot.stderr

    text = _log_text(data)
    # What support needs: starts, each run with id, counts, time and outcome, problems by row, tracebacks.
    assert re.search(r"start check: Oshirase \S+ \(source\)", text)
    assert re.search(r"run \d{8}T\d{6}-[0-9a-f]{4} check ok in [\d.]+ s member_rows=24 .*errors=1", text)
    assert re.search(r"run \S+ batch ok in [\d.]+ s .*pdf_files=\d+ pages=\d+", text)
    assert re.search(r"problem ERROR \w+ row 3 \(sheet 加入者一覧, column 生年月日\)", text)
    assert re.search(r"run \S+ batch failed after [\d.]+ s: RuntimeError", text)
    assert "in boom" in text and "Traceback (most recent call last)" in text
    assert "uncaught exception in thread worker" in text and "in worker" in text
    assert re.search(r"CRITICAL oshirase \[\d+\] uncaught exception\n", text)
    assert "in on_timer" in text and "KeyError" in text  # the Qt slot reached sys.excepthook

    # What it must never hold. Timestamps, process ids and run ids (a timestamp too) are digits
    # of their own: drop them (a run started at 23:59:57 must not look like the digits 5957).
    body = "\n".join(re.sub(r"^\S+ \S+ \w+ \S+ \[\d+\] ", "", line) for line in text.splitlines())
    body = re.sub(r"\b\d{8}T\d{6}-[0-9a-f]{4}\b", "<run id>", body)
    for name in names:
        assert name not in body
    assert ADDRESS[:3] not in body
    assert not re.search(r"\d{12}", body)
    for number in numbers:
        assert number[-4:] not in body, number[-4:]


def test_the_log_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(support_log, "MAX_BYTES", 2_000)
    monkeypatch.setattr(support_log, "BACKUPS", 2)
    support_log.shutdown()
    path = support_log.setup("rotation-test", folder=tmp_path)
    try:
        log = logging.getLogger("oshirase.engine")
        for i in range(200):
            log.info("run r%d check ok in 0.1 s member_rows=%d", i, i)
    finally:
        support_log.shutdown()
    files = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("oshirase.log"))
    assert files == ["oshirase.log", "oshirase.log.1", "oshirase.log.2"]
    assert all((tmp_path / f).stat().st_size <= 2_200 for f in files)
    assert "member_rows=199" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, kept, gone", [
    ("ValueError: invalid literal for int(): '123456789012'", "invalid literal for int()", "123456789012"),
    ("KeyError: '山田 太郎 東京都'", "KeyError", "山田"),
    ("BadDate: row 12 value 1234", "row 12 value", "1234"),
])
def test_exception_text_keeps_the_words_and_loses_the_data(text, kept, gone):
    scrubbed = support_log.scrub_exception_text(text)
    assert kept in scrubbed and gone not in scrubbed
