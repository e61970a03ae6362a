"""The run-profile editor: validated as typed, saved as the TOML the CLI reads.

Every change is checked at once by the engine (``profile_from_mapping``);
the first problem is shown under the form with its field highlighted, and
the profile cannot be saved until it is valid. Saving goes through
``save_profile`` with the document the profile was read from, so the
operator's comments stay. "Test page" prints the calibration page for the
envelope window as currently typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from print_engine import (
    ProfileError,
    RunProfile,
    load_profile,
    profile_from_mapping,
    save_profile,
)

from . import settings
from .profile_form import ProfileForm

ERROR_STYLE = "border: 2px solid #d9534f;"


class SettingsDialog(QDialog):
    """Edit the session's run profile.

    Attributes:
        profile: The valid profile as currently typed (None while invalid).
        error: The current validation message ('' when valid).
        saved_path: Where the profile was saved (after OK).
    """

    def __init__(self, session, parent: QWidget | None = None, setup: bool = False) -> None:
        """``setup``: the first-start page, which asks only for the insurer's own data."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("はじめに — 保険者の設定") if setup else self.tr("実行プロファイルの設定"))
        self.resize(720, 600)
        self.session = session
        self.profile: RunProfile | None = session.profile
        self.error = ""
        self.saved_path: Path | None = None
        self._marked: QWidget | None = None
        employers = {}
        if session.loaded is not None:
            employers = {code: e.name for code, e in sorted(session.loaded.employers.items())}
        self.form = ProfileForm(employers)
        self.form.set_profile(session.profile)
        self.intro = QLabel(self.tr(
            "お知らせに印字する保険者（自組合）の情報を入力してください。いまの設定は見本の組合のものです。"
            "保存すると、その実行プロファイルを次回からも使います（日付などほかの設定は「設定」でいつでも変えられます）。"))
        self.intro.setObjectName("setupIntro")
        self.intro.setWordWrap(True)
        self.intro.setVisible(setup)
        if setup:
            self._setup_page()
        self.form.changed.connect(self.validate)
        self._as_opened = self.form.mapping()  # what "no edits" looks like (Esc asks before losing edits)
        where = session.profile_path or self.tr("同梱の標準プロファイル（保存するときは名前を付けて保存します）")
        self.path_label = QLabel(self.tr("ファイル: %1").replace("%1", str(where)))
        self.path_label.setObjectName("profilePath")
        self.path_label.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("profileStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存して使う"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.save_as_button = QPushButton(self.tr("名前を付けて保存…"))
        self.save_as_button.setObjectName("saveAsButton")
        self.test_page_button = QPushButton(self.tr("テストページを印刷…"))
        self.test_page_button.setObjectName("testPageButton")
        self.test_page_button.setToolTip(self.tr("封筒の窓の位置を確かめる印刷です（窓の枠と目盛り）"))
        self.buttons.addButton(self.save_as_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.test_page_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_as_button.clicked.connect(lambda: self.save(ask_path=True))
        self.test_page_button.clicked.connect(self.print_test_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.path_label)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.validate()

    def _setup_page(self) -> None:
        """Only the insurer tab, its sample values cleared: the operator types the society's own."""
        sample = load_profile().insurer
        for i in range(self.form.count()):
            self.form.setTabVisible(i, i == 0)
        self.form.setCurrentIndex(0)
        if self.session.profile.insurer.number == sample.number or self.session.profile.insurer.name == sample.name:
            for key in ("name", "number", "postal_code", "address", "inquiry_name", "phone", "hours"):
                widget = self.form.field_for(f"insurer.{key}")
                if widget is not None:
                    widget.clear()
        self.resize(640, 420)

    def edited(self) -> bool:
        """Whether a field differs from what the dialog opened with."""
        return self.form.mapping() != self._as_opened

    def reject(self) -> None:
        """Esc, the close box or キャンセル: ask before throwing edits away."""
        if self.edited() and self.result() != QDialog.DialogCode.Accepted:
            answer = QMessageBox.question(
                self, self.tr("変更を破棄しますか"),
                self.tr("変更した設定は保存されていません。破棄して閉じますか？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # --- validation ------------------------------------------------------------

    def validate(self) -> RunProfile | None:
        """Check the form with the engine; show the first problem, if any."""
        base = self.session.profile_path.parent if self.session.profile_path else None
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked = None
        try:
            self.profile = profile_from_mapping(self.form.mapping(), base)
        except ProfileError as exc:
            self.profile = None
            self.error = exc.message
            self.status.setText("⚠ " + exc.message)
            self.status.setStyleSheet("color: #a12a1f;")
            widget = self.form.field_for(exc.key)
            if widget is not None:
                widget.setStyleSheet(ERROR_STYLE)
                self._marked = widget
        else:
            self.error = ""
            self.status.setText(self.tr("設定に問題はありません。"))
            self.status.setStyleSheet("color: #2d6a2d;")
        valid = self.profile is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(valid)
        self.save_as_button.setEnabled(valid)
        self.test_page_button.setEnabled(valid)
        return self.profile

    # --- saving --------------------------------------------------------------

    def _ask_path(self) -> Path | None:
        start = self.session.profile_path or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
        ) / "oshirase-profile.toml"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("実行プロファイルを保存"), str(start),
                                              self.tr("実行プロファイル (*.toml)"))
        return Path(path) if path else None

    def save(self, ask_path: bool = False) -> bool:
        """Save the profile (keeping comments) and use it; closes the dialog."""
        profile = self.validate()
        if profile is None:
            return False
        path = self.session.profile_path
        if ask_path or path is None:
            path = self._ask_path()
            if path is None:
                return False
        try:
            save_profile(profile, path, base_document=self.session.profile_document)
        except (ProfileError, OSError) as exc:
            self.status.setText(self.tr("保存できません: ") + str(exc))
            self.status.setStyleSheet("color: #a12a1f;")
            return False
        self.saved_path = path
        settings.write("profile/path", str(path))
        self.session.load_profile_file(path)
        self.accept()
        return True

    # --- test page -------------------------------------------------------------

    def print_test_page(self) -> bool:
        """Print the window calibration page on a printer the operator picks."""
        from print_engine import layout_test_page

        from .printing import PrintError, prepare_printer, print_single_pages

        profile = self.validate()
        if profile is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        prepare_printer(printer)
        from print_engine import FontSet

        fonts = FontSet.load(profile.fonts.fallback)
        try:
            print_single_pages(printer, [layout_test_page(profile.envelope, fonts)], fonts, self.tr("テストページ"))
        except PrintError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(self.tr("テストページを印刷しました。"))
        return True


def first_start_setup(window) -> SettingsDialog | None:
    """On a start without a profile of the society's own, ask for the insurer's data.

    Opens the settings dialog on its setup page (window-modal, not blocking)
    when the window uses the bundled sample profile; returns it, or ``None``
    when the operator has a profile already.
    """
    if window.session.profile_path is not None:
        return None
    dialog = SettingsDialog(window.session, window, setup=True)
    dialog.open()
    return dialog
