"""The command line's front door (``main.py`` → ``oshirase.entry``): help, version,
unknown commands and workbook paths, decided before any window starts."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from oshirase import entry, qt_platform
from print_engine.cli.args import build_parser

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample.xlsx"

# Runs main.py and reports whether Qt was imported, with no display at all.
NO_QT = (
    "import runpy, sys\n"
    "sys.argv = ['main.py', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_path(%r, run_name='__main__')\n"
    "finally:\n"
    "    qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui')))\n"
    "    print('QT-LOADED' if qt else 'NO-QT', file=sys.stderr)\n"
) % str(ROOT / "main.py")


def _main_py(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-c", NO_QT, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def _parser_commands() -> list[str]:
    return list(next(a for a in build_parser()._actions if a.choices and hasattr(a, "_choices_actions")).choices)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_every_command_of_the_parser_and_exits_0_without_qt(flag):
    proc = _main_py(flag)
    assert proc.returncode == 0, proc.stderr
    assert "NO-QT" in proc.stderr
    commands = _parser_commands()
    assert {"check", "batch"} <= set(commands)
    for name in commands:
        assert f"\n  {name} " in proc.stdout
    assert "--version" in proc.stdout and "WORKBOOK" in proc.stdout


def test_version_is_the_projects():
    with open(ROOT / "pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    proc = _main_py("--version")
    assert (proc.returncode, proc.stdout.strip()) == (0, f"Oshirase {version}")
    assert "NO-QT" in proc.stderr


@pytest.mark.parametrize("argv", [["chek", "book.xlsx"], ["--hepl"], ["notes.pdf"], ["a.xlsx", "b.xlsx"]])
def test_an_unknown_command_is_exit_2_with_the_commands_and_no_window(argv):
    proc = _main_py(*argv)
    assert proc.returncode == 2
    assert "NO-QT" in proc.stderr
    assert "不明なコマンド" in proc.stderr
    assert "check, batch" in proc.stderr


@pytest.mark.parametrize("arg", ["missing-book.xlsx", "MISSING.XLSM", str(SAMPLE)])
def test_a_workbook_path_starts_the_window(monkeypatch, arg):
    started = []
    monkeypatch.setattr(entry, "start_window", lambda argv: started.append(argv) or 0)
    assert entry.main([arg]) == 0
    assert started == [[arg]]


def test_an_existing_file_of_another_suffix_is_a_workbook_too(monkeypatch, tmp_path):
    book = tmp_path / "台帳"
    book.write_bytes(b"PK")
    started = []
    monkeypatch.setattr(entry, "start_window", lambda argv: started.append(argv) or 0)
    assert entry.main([str(book)]) == 0 and started


def test_the_console_program_never_opens_the_window(monkeypatch, capsys):
    monkeypatch.setattr(entry, "is_console_program", lambda: True)
    monkeypatch.setattr(entry, "start_window", lambda argv: pytest.fail("window started"))
    assert entry.main([]) == 2
    assert "コマンド:" in capsys.readouterr().err
    assert entry.main([str(SAMPLE)]) == 2


def test_missing_xcb_libraries_give_the_apt_line(monkeypatch, capsys):
    libraries = (("libxcb-cursor.so.0-not-there", "libxcb-cursor0"), ("libc.so.6", "libc6"))
    message = qt_platform.missing_xcb_message({"QT_QPA_PLATFORM": "xcb"}, libraries)
    assert message.endswith("sudo apt install libxcb-cursor0")
    assert qt_platform.missing_xcb_message({"QT_QPA_PLATFORM": "offscreen"}, libraries) == ""
    assert qt_platform.uses_xcb({}, platform="linux") and not qt_platform.uses_xcb({}, platform="win32")
    monkeypatch.setattr(qt_platform, "missing_xcb_message", lambda env=None: message)
    assert entry.start_window([]) == 2
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err
