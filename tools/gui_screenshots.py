"""Screenshots of the desktop app for the documentation (docs/img/).

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m tools.gui_screenshots [OUT_DIR]

Opens the main window on ``resources/samples/sample.xlsx``, selects a member
(Excel row 90, a RETURN notice) with the envelope window outlined, and saves
``main-window.png``, ``print-dialog.png`` and ``settings-dialog.png``. The
settings go to a temporary file; nothing of the user's is read or changed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sample.xlsx"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    from gui import settings

    settings.SETTINGS_PATH = Path(tempfile.mkdtemp()) / "screenshots.ini"
    from PySide6.QtCore import QEventLoop

    from gui import create_main_window
    from gui.app import create_application
    from gui.print_dialog import PrintDialog
    from gui.settings_dialog import SettingsDialog

    app = create_application([])
    app.setStyle("Fusion")
    window = create_main_window(SAMPLE)
    window.resize(1600, 960)
    window.show()
    loop = QEventLoop()
    window.session.workbook_loaded.connect(loop.quit)
    loop.exec()
    rows = {m.row: i for i, m in enumerate(window.model.members)}
    window.select_source_row(rows[90])
    window.preview.set_outlines(True)
    app.processEvents()
    window.grab().save(str(out / "main-window.png"))

    runs = window.actions._controller()
    dialog = PrintDialog(window.session.profile, "printer", runs.scope_counts(), runs.default_out_dir(), window)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "print-dialog.png"))
    dialog.close()

    editor = SettingsDialog(window.session, window)
    editor.show()
    editor.form.setCurrentIndex(5)  # the envelope window
    app.processEvents()
    editor.grab().save(str(out / "settings-dialog.png"))
    editor.close()
    window.close()
    for name in ("main-window.png", "print-dialog.png", "settings-dialog.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
