"""A pending run whose process is still running is in progress, not interrupted (``liveness.py``).

A child process starts a run and waits: the run is alive, no command reports
it, ``ledger resolve`` refuses it (exit 2, ledger unchanged). After ``kill -9``
of the child the same run is reported and resolve settles it. On both backends.
"""

from __future__ import annotations

import platform
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from print_engine.ledger.liveness import alive_runs, lock_folder
from print_engine.ledger.location import location_of
from print_engine.ledger.recording import (
    RunInProgress,
    RunRecorder,
    interrupted_runs,
    pending_report,
    resolve_interrupted,
    resolve_run,
    run_info,
)
from print_engine.ledger.store import open_ledger

ROOT = Path(__file__).resolve().parents[3]

# Starts a run in the given ledger, says its id, then waits (for stdin to close, or to be killed).
CHILD = """
import sys
sys.path.insert(0, {root!r})
from print_engine.ledger.location import location_of
from print_engine.ledger.recording import RunRecorder, run_info
from print_engine.ledger.store import open_ledger
led = open_ledger(location_of({url!r}))
rec = RunRecorder(led, run_info("export", "initial", output={out!r}))
print(rec.start(), flush=True)
sys.stdin.read()
"""


@pytest.fixture
def child_run(ledger_url, tmp_path):
    """(process, run id) of a run in progress in another process."""
    code = CHILD.format(root=str(ROOT), url=ledger_url, out=str(tmp_path / "never-written"))
    with subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True) as proc:
        try:
            line = proc.stdout.readline()
            assert line.strip().isdigit(), "the child did not start its run"
            yield proc, int(line)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)


def cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_a_run_in_progress_is_neither_reported_nor_resolved_until_its_process_dies(ledger_url, child_run):
    proc, run_id = child_run
    with open_ledger(location_of(ledger_url)) as led:
        assert alive_runs(led, [run_id]) == {run_id}
        assert interrupted_runs(led) == ([], [led.run(run_id)])
        assert pending_report(led) == ""
        with pytest.raises(RunInProgress) as refused:
            resolve_run(led, run_id)
        assert resolve_interrupted(led) == []
        assert led.run(run_id)["status"] == "pending"
    assert platform.node() in refused.value.message

    listed = cli("runs", "--ledger", ledger_url)
    assert listed.returncode == 0 and "確定していない" not in listed.stderr
    no_void = cli("ledger", "void", str(run_id), "--ledger", ledger_url)  # its documents are about to come
    assert no_void.returncode == 2 and "取り消しはできません" in no_void.stderr, no_void.stderr
    refused_cli = cli("ledger", "resolve", str(run_id), "--ledger", ledger_url)
    assert refused_cli.returncode == 2
    assert f"実行番号 {run_id} はまだ実行中です" in refused_cli.stderr and platform.node() in refused_cli.stderr
    assert refused_cli.stdout == ""
    with open_ledger(location_of(ledger_url)) as led:
        assert led.run(run_id)["status"] == "pending" and led.run(run_id)["finished_at"] is None

    proc.send_signal(signal.SIGKILL)  # kill -9: no cleanup in the child
    proc.wait(timeout=30)

    listed = cli("runs", "--ledger", ledger_url)
    assert f"確定していない実行があります（実行番号 {run_id}）" in listed.stderr
    settled = cli("ledger", "resolve", str(run_id), "--ledger", ledger_url)
    assert settled.returncode == 0, settled.stderr
    assert "出力は揃っていません" in settled.stdout
    with open_ledger(location_of(ledger_url)) as led:
        assert led.run(run_id)["status"] == "failed"


def test_a_killed_run_beside_a_running_one_is_reported_alone(ledger_url, child_run, tmp_path):
    _proc, running = child_run
    with open_ledger(location_of(ledger_url)) as led:
        dead = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "gone")))
        dead.start()
        dead.lock.release()  # as if its process had died
        text = pending_report(led)
        assert f"実行番号 {dead.run_id}）" in text and f"実行番号 {running} は実行中" in text
        assert resolve_interrupted(led) == [(dead.run_id, "failed")]
        assert led.run(running)["status"] == "pending"


def test_a_run_that_ends_releases_its_lock(ledger_url, tmp_path):
    with open_ledger(location_of(ledger_url)) as led:
        rec = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "out")))
        rec.start()
        assert alive_runs(led, [rec.run_id]) == {rec.run_id}
        rec.commit()
        assert alive_runs(led, [rec.run_id]) == set()
        lost = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "out2")))
        lost.start()
        lost.give_up("cancelled")
        assert alive_runs(led, [lost.run_id]) == set()
        if led.location.is_sqlite:
            assert not lock_folder(led.location).exists()  # no lock file left behind


def test_a_stale_lock_file_of_a_dead_run_does_not_count_as_alive(tmp_path):
    with open_ledger(location_of(tmp_path / "ledger.sqlite3")) as led:
        rec = RunRecorder(led, run_info("export", "initial", output=str(tmp_path / "gone")))
        rec.start()
        rec.lock.release()
        stale = lock_folder(led.location) / f"{rec.run_id}.lock"
        stale.parent.mkdir(exist_ok=True)
        stale.write_text("")  # left by a process that died
        assert alive_runs(led, [rec.run_id]) == set()
        assert resolve_run(led, rec.run_id) == "failed"
