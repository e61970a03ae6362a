"""``python main.py --self-test``: the check an installed app runs on itself."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import selftest

ROOT = Path(__file__).resolve().parents[2]
CHECK_NAMES = [name for name, _, _ in selftest.CHECKS]


def _run(args: list[str], env_extra: dict[str, str] | None = None, timeout: float = 300):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", selftest.LOG_ENV)}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=timeout,
    )


def test_self_test_passes_from_a_checkout_and_prints_ok(tmp_path):
    # No QT_QPA_PLATFORM given: the self-test must pick offscreen by itself.
    log = tmp_path / "selftest.log"
    proc = _run(["main.py", "--self-test"], {selftest.LOG_ENV: str(log)})
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert lines[-1] == "OK"
    assert lines[0].startswith(f"Oshirase {selftest.app_version()} self-test (source")
    for name in CHECK_NAMES:
        assert any(line.split()[:2] == [name, "ok"] for line in lines), f"{name} not ok:\n{proc.stdout}"
    assert "2 workers" in proc.stdout
    # The log file (for the windowed Windows exe) gets the same lines.
    assert log.read_text(encoding="utf-8").splitlines() == lines


def test_a_failing_check_gives_failed_and_status_1(monkeypatch):
    def broken() -> str:
        raise selftest.CheckFailed("sample workbook missing: x.xlsx")

    monkeypatch.setattr(selftest, "CHECKS", (("fonts", selftest.check_fonts, False), ("broken", broken, False)))
    out = io.StringIO()
    assert selftest.run_self_test(stream=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[1].split()[:2] == ["fonts", "ok"]
    assert lines[2].split()[:2] == ["broken", "FAILED"]
    assert "sample workbook missing" in lines[2]
    assert lines[-1] == "FAILED (1 of 2 checks)"


def test_an_unexpected_error_is_reported_not_raised(monkeypatch):
    def crash() -> str:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(selftest, "CHECKS", (("crash", crash, False),))
    out = io.StringIO()
    assert selftest.run_self_test(stream=out) == 1
    assert "ZeroDivisionError: boom" in out.getvalue()


def test_missing_sample_workbook_fails_the_resources_check(monkeypatch, tmp_path):
    import print_engine.resources

    fake = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", fake, ignore=shutil.ignore_patterns("samples"))
    monkeypatch.setattr(print_engine.resources, "resources_dir", lambda: fake)
    with pytest.raises(selftest.CheckFailed, match="sample workbook missing"):
        selftest.check_resources()


def test_a_hanging_check_is_ended_by_the_watchdog():
    code = (
        "import sys, time, selftest\n"
        "selftest.CHECKS = (('hang', lambda: time.sleep(60), False),)\n"
        "sys.exit(selftest.run_self_test(timeout_s=1))\n"
    )
    proc = _run(["-c", code], timeout=30)
    assert proc.returncode == 1
    assert "did not finish within 1 s" in proc.stdout


def test_pdf_page_count_rejects_a_truncated_file(tmp_path):
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n")
    with pytest.raises(selftest.CheckFailed, match="not a complete PDF"):
        selftest._pdf_pages(broken)
