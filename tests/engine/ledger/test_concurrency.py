"""Two processes recording into one ledger at the same time lose nothing (both backends)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from print_engine.ledger.location import location_of
from print_engine.ledger.store import open_ledger

ROOT = Path(__file__).resolve().parents[3]
RUNS, DOCS = 15, 300

WRITER = """
import sys
from types import SimpleNamespace
from print_engine.ledger.location import location_of
from print_engine.ledger.store import open_ledger
from print_engine.ledger.recording import RunRecorder, document_row, run_info
url, who, runs, docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.stdin.readline()  # both start together
led = open_ledger(location_of(url))
for r in range(runs):
    rec = RunRecorder(led, run_info("export", "initial", output=f"{who}-{r}"))
    rec.start()
    rows = [document_row("notice", SimpleNamespace(kigo=who, bango=str(r), edaban=f"{d:02d}", name="試験",
            kana="", birth_date=None, acquired=None, burden_ratio="", sex="", affiliation=""), "1", "f.pdf", d + 1, "")
            for d in range(docs)]
    rec.record(rows)
    rec.commit()
print("ok")
"""


def test_two_processes_recording_at_once_lose_nothing(ledger_url):
    open_ledger(location_of(ledger_url)).close()  # created before, as the app would have at start
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, ledger_url, who, str(RUNS), str(DOCS)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("A", "B")]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [p.communicate(timeout=180) for p in procs]
    assert [r[0].strip() for r in results] == ["ok", "ok"], [r[1][-2000:] for r in results]
    with open_ledger(location_of(ledger_url)) as led:
        runs = led.runs()
        assert len(runs) == 2 * RUNS and {r["status"] for r in runs} == {"committed"}
        assert led.document_count() == 2 * RUNS * DOCS
        for r in runs:
            assert led.document_count(r["id"]) == DOCS
        assert len(led.history("A", "3")) == DOCS and len(led.history("B", "3")) == DOCS
