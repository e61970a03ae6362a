"""Starting the desktop app: ``QApplication``, translations, the main window.

``main.py`` calls :func:`run_app` for the GUI path. The interface is in
Japanese by default: the app's own translation (``resources/i18n``) and Qt's
``qtbase_ja`` are installed, so the print and file dialogs are Japanese too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from print_engine import resources_dir

APP_NAME = "Oshirase"
ORG_NAME = "Oshirase"
DEFAULT_LANGUAGE = "ja"


def i18n_dir() -> Path:
    """Where the app's ``.ts`` / ``.qm`` files live."""
    return resources_dir() / "i18n"


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install the app's and Qt's translators for ``language``.

    A missing ``.qm`` is not an error: the source strings are Japanese, so
    the app still shows Japanese; only Qt's own dialogs would stay English
    without ``qtbase_ja.qm``.

    Returns:
        The installed translators (keep them alive with the app).
    """
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir), (f"oshirase_{language}", str(i18n_dir()))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    return installed


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the running ``QApplication`` or create one, with names and translators."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "oshirase", *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName("お知らせ印刷")
    if not getattr(app, "_oshirase_translators", None):
        app._oshirase_translators = install_translators(app)
    font = QFont(app.font())
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
        app.setFont(font)
    return app


def run_app(argv: list[str]) -> int:
    """Run the desktop app; ``argv`` may name a workbook to open.

    Returns:
        The exit status of the event loop.
    """
    from . import create_main_window

    workbook = next((a for a in argv if not a.startswith("-")), None)
    app = create_application([a for a in argv if a.startswith("-")])
    window = create_main_window(workbook)
    window.show()
    from PySide6.QtCore import QTimer

    from .settings_dialog import first_start_setup

    QTimer.singleShot(0, lambda: first_start_setup(window))  # no profile of its own yet: ask for the insurer
    return app.exec()
