"""The architecture's hard lines: the engine has no Qt; headless runs load none."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_PACKAGES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_print_engine_imports_no_qt_and_no_gui():
    offenders = {}
    for path in sorted((ROOT / "print_engine").rglob("*.py")):
        bad = {m for m in imported_modules(path) if m.split(".")[0] in (*QT_PACKAGES, "gui")}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_main_py_only_parses_arguments():
    names = imported_modules(ROOT / "main.py")
    assert not {m for m in names if m.split(".")[0] in QT_PACKAGES}


def test_headless_check_never_loads_qt(tmp_path):
    sample = ROOT / "resources" / "samples" / "sample.xlsx"
    code = (
        "import sys; sys.argv = ['main.py', 'check', %r]\n"
        "import main\n"
        "rc = main.main()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in %r)\n"
        "print('QT:', loaded)\n"
        "sys.exit(0 if rc in (0, 1) and not loaded else 3)\n"
    ) % (str(sample), QT_PACKAGES)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
