"""`python main.py barcode POSTAL_CODE ADDRESS` as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def barcode(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # prove UTF-8 output is forced
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "barcode", *args],
                          capture_output=True, env=env, cwd=ROOT, timeout=60)


def test_prints_the_three_lines_of_the_manual_example():
    proc = barcode("273-0102", "千葉県鎌ケ谷市右京塚　東3丁目-20-5　郵便・A&bコーポB604号")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8").splitlines() == [
        "27301023-20-5[CC1]1604[CC4][CC4]",
        "0",
        "FDFDAAFDDFAFTTFFTFTTFDADFATFTFDAFTTTFTFTFDATFFTDAFFTTFADTDATDAFTTDF",
    ]


def test_an_unquoted_address_is_joined():
    proc = barcode("1234567")
    assert proc.stdout.decode().splitlines()[1] == "[CC8]"
    spaced = barcode("100-0013", "霞が関1丁目3番2号", "郵便プラザ503室")
    assert spaced.stdout.decode().splitlines()[0] == "10000131-3-2-503[CC4][CC4][CC4][CC4]"


def test_a_postal_code_that_is_not_7_digits_exits_2_with_one_line():
    proc = barcode("100-001", "霞が関1丁目3番2号")
    assert proc.returncode == 2
    assert proc.stdout == b""
    lines = proc.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and "郵便番号「100-001」は 7 桁の数字ではありません" in lines[0]
