"""The run-profile editor: validated as typed, saved with comments, read by the CLI."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from gui import settings
from gui.settings_dialog import SettingsDialog
from print_engine.profile.loading import default_profile_path, load_profile

from .dialogs import answer_qprint_dialog


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.toml"
    shutil.copy(default_profile_path(), path)
    return path


@pytest.fixture
def dialog(qtbot, sample_window, profile_file):
    sample_window.session.load_profile_file(profile_file)
    d = SettingsDialog(sample_window.session, sample_window)
    qtbot.addWidget(d)
    return d


def test_a_bad_insurer_number_is_shown_at_once_and_blocks_saving(dialog):
    number = dialog.form.fields["insurer.number"]
    number.setText("06134804")  # wrong check digit
    assert dialog.profile is None
    assert "insurer.number" in dialog.error
    assert "border" in number.styleSheet()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    assert dialog.status.text().startswith("⚠")
    number.setText("06134803")
    assert dialog.profile is not None and dialog.error == ""
    assert number.styleSheet() == ""
    assert dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()


def test_a_window_outside_the_page_is_refused(dialog):
    dialog.form.fields["envelope.window_left_mm"].setValue(150.0)
    assert dialog.profile is None
    assert dialog.form.field_for("envelope.window_left_mm") is dialog.form.fields["envelope.window_left_mm"]
    assert dialog.error


def test_saving_keeps_comments_and_the_cli_reads_it(qtbot, dialog, sample_window, profile_file):
    before = profile_file.read_text(encoding="utf-8")
    dialog.form.fields["insurer.phone"].setText("03-1111-2222")
    dialog.form.fields["rules.freeze"].edit.setDate(QDate(2024, 8, 9))
    dialog.form.fields["envelope.window_top_mm"].setValue(14.5)
    employers = dialog.form.employer_table
    row = next(r for r in range(employers.rowCount()) if employers.item(r, 0).text() == "2")
    employers.cellWidget(row, 2).setCurrentIndex(employers.cellWidget(row, 2).findData("affiliation"))
    with qtbot.waitSignal(sample_window.session.plan_changed, timeout=30_000):  # re-planned on a worker
        assert dialog.save() is True
    text = profile_file.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert all(c in text for c in comments)  # every comment line kept
    saved = load_profile(profile_file)  # what `main.py --profile` reads
    assert saved.insurer.phone == "03-1111-2222"
    assert saved.rules.freeze == date(2024, 8, 9)
    assert saved.envelope.window_top_mm == 14.5
    assert saved.packing.employers == {"2": "affiliation"}
    # the window uses it at once: employer 2 now packs by affiliation
    shipment = next(s for s in sample_window.session.plan.shipments if s.employer.code == "2")
    assert shipment.by_affiliation
    assert settings.read("profile/path") == str(profile_file)


def test_the_bundled_default_is_saved_under_a_new_name(qtbot, sample_window, monkeypatch, tmp_path):
    target = tmp_path / "mine.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    d = SettingsDialog(sample_window.session, sample_window)
    qtbot.addWidget(d)
    assert sample_window.session.profile_path is None
    d.form.fields["run.variant"].setCurrentIndex(d.form.fields["run.variant"].findData("new-members"))
    with qtbot.waitSignal(sample_window.session.plan_changed, timeout=30_000):
        assert d.save()
    assert load_profile(target).run.variant == "new-members"
    assert "# お知らせ印刷" in target.read_text(encoding="utf-8")  # the bundled comments came along
    assert default_profile_path().read_text(encoding="utf-8").count("variant = \"initial\"") == 1
    assert sample_window.counts()["NOT_IN_PERIOD"] > 0  # the view follows the new variant


def test_issue_date_today(dialog, profile_file):
    field = dialog.form.fields["run.issue_date"]
    field.today.setChecked(True)
    assert dialog.profile.run.issue_date == "today"
    assert dialog.save()
    assert 'issue_date = "today"' in profile_file.read_text(encoding="utf-8")


def test_the_test_page_prints_the_window_outline(qtbot, dialog, monkeypatch, tmp_path):
    answer_qprint_dialog(monkeypatch, tmp_path / "test-page.pdf")
    dialog.form.fields["envelope.window_left_mm"].setValue(25.0)
    assert dialog.print_test_page()
    reader = PdfReader(tmp_path / "test-page.pdf")
    assert len(reader.pages) == 1
    from print_engine.layout.test_page import layout_test_page

    page = layout_test_page(dialog.profile.envelope)
    assert "左 25.0 mm" in page.text()
    from print_engine.layout.primitives import Rect

    window = [p for p in page.variable if isinstance(p, Rect) and p.dash]
    assert (window[0].x, window[0].y, window[0].w, window[0].h) == (25.0, 12.0, 90.0, 45.0)


def test_first_start_asks_for_the_insurer_on_a_setup_page(qtbot, window, monkeypatch, tmp_path):
    from gui.settings_dialog import first_start_setup

    target = tmp_path / "ours.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    d = first_start_setup(window)  # no profile of the society's own yet
    qtbot.addWidget(d)
    assert d.isVisible() and d.intro.isVisible() and "保険者" in d.windowTitle()
    form = d.form
    assert [form.isTabVisible(i) for i in range(form.count())] == [True] + [False] * (form.count() - 1)
    assert form.fields["insurer.name"].text() == "" and d.profile is None  # the sample is not kept by accident
    save = d.buttons.button(d.buttons.StandardButton.Save)
    assert not save.isEnabled()
    for key, value in (("name", "試験健康保険組合"), ("number", "06139992"), ("postal_code", "100-0001"),
                       ("address", "東京都千代田区千代田1-1"), ("inquiry_name", "お問い合わせ窓口"),
                       ("phone", "03-0000-0000"), ("hours", "平日9:00~17:00")):
        form.fields[f"insurer.{key}"].setText(value)
    assert d.profile is not None, d.error
    assert d.save()
    assert settings.read("profile/path") == str(target)
    assert load_profile(target).insurer.name == "試験健康保険組合"
    assert load_profile(target).run == load_profile().run  # the other settings are the bundled ones
    assert first_start_setup(window) is None  # asked once: the profile is the society's own now


def test_the_window_says_when_the_profile_is_an_earlier_runs(qtbot, sample_window):
    text = sample_window.message_bar.message()
    assert "issue_date" in text and "見本" in text  # the bundled profile: August 2024, the sample insurer
