"""Files of an output folder held open by another program (``output/open_files``)."""

from __future__ import annotations

import builtins
from pathlib import Path

from print_engine.output import open_files as of


def _lock(monkeypatch, locked: set[Path]) -> None:
    """Windows' sharing violation, simulated: opening a locked file for update fails."""
    real_open = builtins.open

    def fake_open(file, mode="r", *args, **kwargs):
        if Path(file) in locked and mode == "r+b":
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)


def test_a_file_held_open_is_found_and_named(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    files = [tmp_path / "1_株式会社サンプル電機.pdf", tmp_path / "manifest.csv", tmp_path / "sub" / "x.pdf"]
    for f in files:
        f.write_bytes(b"%PDF old")
    assert of.open_files(tmp_path) == []
    _lock(monkeypatch, {files[0], files[2]})
    found = of.open_files(tmp_path)
    assert found == [files[0], files[2]]
    message = of.open_file_message(tmp_path, found)
    assert "「1_株式会社サンプル電機.pdf」" in message and "閉じて" in message and "そのまま残っています" in message
    assert all(f.read_bytes() == b"%PDF old" for f in files)  # probing changes nothing


def test_no_folder_or_a_read_only_file_is_not_a_lock(tmp_path, monkeypatch):
    assert of.open_files(tmp_path / "missing") == []
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    monkeypatch.setattr(of.os, "access", lambda path, mode: False)
    _lock(monkeypatch, {f})
    assert of.open_files(tmp_path) == []
