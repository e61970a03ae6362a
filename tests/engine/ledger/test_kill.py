"""``kill -9`` at any instant of a batch: output and ledger agree, or the run is pending and resolve settles it."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import pytest

from print_engine.ledger.location import location_of
from print_engine.ledger.recording import resolve_run
from print_engine.ledger.store import open_ledger

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "samples" / "sample.xlsx"


def notices(out: Path) -> int:
    with (out / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        return sum(1 for r in csv.DictReader(fh) if r["document"] == "notice")


def batch(out: Path, *ledger: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "batch", str(SAMPLE), "--out", str(out), *ledger, "--workers", "1"]


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> float:
    """How long the whole batch takes on this machine now."""
    t0 = time.monotonic()
    subprocess.run(batch(tmp_path_factory.mktemp("timing") / "out", "--no-ledger"), cwd=ROOT, capture_output=True,
                   check=True, timeout=300)
    return time.monotonic() - t0


# The process dies (os._exit, as under kill -9: no cleanup) at one of the protocol's seams.
CRASH = """
import os, sys
sys.argv = sys.argv[1:]
sys.path.insert(0, {root!r})
import print_engine.output.batch as batch
import print_engine.ledger.run_records as records
where = {where!r}
if where == "before_rename":  # documents recorded, folder not yet in place
    batch.AtomicOutput.commit = lambda self: os._exit(9)
else:  # folder in place, run not yet committed
    records.ExportRecording.committed = lambda self: os._exit(9)
import main
sys.exit(main.main())
"""


@pytest.mark.parametrize("where", ["before_rename", "before_commit"])
def test_a_crash_between_the_steps_leaves_a_pending_run_that_resolve_settles(ledger_url, tmp_path, where):
    out = tmp_path / "out"
    code = CRASH.format(root=str(ROOT), where=where)
    proc = subprocess.run([sys.executable, "-c", code, *batch(out, "--ledger", ledger_url)[1:]], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 9, proc.stderr[-2000:]
    assert out.is_dir() == (where == "before_commit")
    with open_ledger(location_of(ledger_url)) as led:
        [run] = led.runs()
        assert run["status"] == "pending"
    check = subprocess.run([sys.executable, str(ROOT / "main.py"), "runs", "--ledger", ledger_url], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert f"確定していない実行があります（実行番号 {run['id']}）" in check.stderr
    settled_check(ledger_url, out)


@pytest.mark.parametrize("fraction", [0.5, 0.8, 0.95, 1.1])
def test_kill_at_any_instant(ledger_url, tmp_path, whole, fraction):
    out = tmp_path / "out"
    cmd = batch(out, "--ledger", ledger_url)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(whole * fraction)
    proc.kill()
    proc.wait()
    settled_check(ledger_url, out)


def settled_check(ledger_url: str, out: Path) -> None:
    """After resolve: a folder and a committed run with exactly its documents, or neither."""
    with open_ledger(location_of(ledger_url)) as led:
        runs = led.runs()
        assert len(runs) <= 1
        run = runs[0] if runs else None
        if run is not None and run["status"] == "pending":  # the next start reports it; resolve settles it
            assert resolve_run(led, run["id"]) == ("committed" if out.is_dir() else "failed")
            run = led.run(run["id"])
        issued = [d for d in led.documents_between(None, None) if d["status"] == "issued"
                  and d["run_status"] == "committed"]
        if out.is_dir():  # the folder is complete (atomic) and the ledger has exactly its documents
            assert run is not None and run["status"] == "committed"
            assert len(issued) == notices(out) == run["notices"]
        else:
            assert issued == []
            assert run is None or run["status"] in ("failed", "cancelled")
