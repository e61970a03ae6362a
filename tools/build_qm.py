"""Build the app's ``.qm`` translations from the committed ``.ts`` files.

    python -m tools.build_qm

Runs ``pyside6-lrelease`` (shipped with PySide6) on every
``resources/i18n/*.ts``; the ``.qm`` files are build products (git-ignored)
that the PyInstaller spec bundles. The app works without them — its source
strings are Japanese — but builds and CI run this so that the translator
path is exercised. Qt's own ``qtbase_ja.qm`` is not built here: the app loads
it from PySide6's translations folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def lrelease_command() -> list[str]:
    """The lrelease executable: ``pyside6-lrelease`` on PATH, else PySide6's own."""
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).exists():
            return [str(folder / name)]
    raise FileNotFoundError("pyside6-lrelease が見つかりません（PySide6 をインストールしてください）")


def build(folder: Path = I18N) -> list[Path]:
    """Compile every ``.ts`` in ``folder``; returns the ``.qm`` files written."""
    written = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main() -> int:
    for qm in build():
        print(qm.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
