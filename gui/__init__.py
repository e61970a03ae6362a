"""The desktop app (PySide6): open, check, filter, preview, print and export.

``gui`` holds no rule of its own; every decision comes from ``print_engine``.
:func:`create_main_window` is the one factory that ``main.py`` and the
tests use alike.
"""

from __future__ import annotations

from pathlib import Path


def create_main_window(workbook: str | Path | None = None):
    """Create the main window, loading ``workbook`` in the background if given.

    A ``QApplication`` must exist. The window is not shown.

    Args:
        workbook: A member file to open at once (any format the engine reads).

    Returns:
        The :class:`~gui.main_window.MainWindow`.
    """
    from .main_window import MainWindow

    window = MainWindow()
    if workbook is not None:
        window.open_workbook(workbook)
    return window


__all__ = ["create_main_window"]
