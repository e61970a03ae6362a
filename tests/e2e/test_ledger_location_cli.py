"""Without ``--ledger`` or ``OSHIRASE_LEDGER`` a run records into ``ledger.sqlite3`` of the per-user folder,
which ``OSHIRASE_DATA_DIR`` moves (tests, a portable install): never into the home directory then."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from print_engine.ledger.location import location_of
from print_engine.ledger.store import open_ledger

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample.xlsx"


def test_a_batch_records_into_the_data_folder_named_by_oshirase_data_dir(tmp_path):
    home, data, out = tmp_path / "home", tmp_path / "data", tmp_path / "out"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("OSHIRASE_LEDGER", "XDG_DATA_HOME")}
    env.update(HOME=str(home), OSHIRASE_DATA_DIR=str(data))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "batch", str(SAMPLE), "--out", str(out),
                           "--workers", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    notices = sum(1 for line in (out / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()
                  if ",notice," in line)
    with open_ledger(location_of(data / "ledger.sqlite3")) as led:
        [run] = led.runs()
        assert (run["status"], run["notices"]) == ("committed", notices)
    assert list(home.rglob("*")) == []  # nothing under ~/.local/share/Oshirase (or anywhere in the home)
    assert not (data / "ledger.sqlite3-runs").exists()  # the run's lock file went with the run
