"""Exporting over a folder whose PDF is open in a viewer: one clear message, before rendering."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from print_engine.output import open_files

from .dialogs import answer_print_dialog, controller


def test_an_open_pdf_in_the_export_folder_stops_the_export_with_its_name(qtbot, sample_window, monkeypatch, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    held = out / "1_株式会社サンプル電機.pdf"
    held.write_bytes(b"%PDF-1.4 the old export")
    (out / "manifest.csv").write_text("old", encoding="utf-8")
    monkeypatch.setattr(open_files, "is_held_open", lambda path: path == held)
    answer_print_dialog(monkeypatch, "pdf", out_dir=out)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    runs = controller(sample_window)
    progress = []
    with qtbot.waitSignal(runs.run_failed, timeout=60_000) as blocker:
        job = runs.start("pdf")
        job.progressed.connect(lambda *a: progress.append(a))
    message = blocker.args[0]
    assert "「1_株式会社サンプル電機.pdf」" in message and "閉じてから" in message
    assert sample_window.message_bar.kind == "error" and "1_株式会社サンプル電機.pdf" in sample_window.message_bar.message()
    assert held.read_bytes() == b"%PDF-1.4 the old export"
    assert (out / "manifest.csv").read_text(encoding="utf-8") == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no partial folder
    assert not [p for p in progress if p[1]]  # no page was rendered
