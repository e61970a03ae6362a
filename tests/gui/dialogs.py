"""Answering the app's modal dialogs in tests (no dialog may block a test)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from gui.print_dialog import PrintDialog


def answer_print_dialog(monkeypatch, destination: str = "pdf", scope: str = "all", out_dir: Path | None = None,
                        **combos: str) -> list[PrintDialog]:
    """Make the print dialog accept these choices; returns the dialogs shown."""
    shown: list[PrintDialog] = []

    def fake_exec(self: PrintDialog) -> int:
        shown.append(self)
        (self.to_pdf if destination == "pdf" else self.to_printer).setChecked(True)
        self.scope_buttons[scope].setChecked(True)
        if out_dir is not None:
            self.out_dir.setText(str(out_dir))
        for name, value in combos.items():
            combo = getattr(self, name)
            combo.setCurrentIndex(combo.findData(value))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PrintDialog, "exec", fake_exec)
    return shown


def answer_qprint_dialog(monkeypatch, pdf_file: Path | None, accept: bool = True) -> list[QPrinter]:
    """Make ``QPrintDialog`` pick a PDF-mode printer writing to ``pdf_file``."""
    printers: list[QPrinter] = []

    def fake_exec(self: QPrintDialog) -> int:
        printer = self.printer()
        printers.append(printer)
        if pdf_file is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(pdf_file))
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    return printers


def controller(window):
    """The window's run controller (created on first use, as the actions do)."""
    return window.actions._controller()
