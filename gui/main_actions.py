"""The main window's actions, menus and toolbar.

Each action has an ``objectName`` (``openAction``, ``printAction``,
``exportPdfAction``, ``settingsAction``…) so tests and accessibility tools
find it; icons come from the style's standard icons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QStyle, QToolBar

from print_engine import MEMBER_FILE_SUFFIXES, SUFFIX_KINDS, ProfileError

from . import settings
from .icons import pdf_icon, printer_icon
from .recent_files import RecentFilesCheck

SP = QStyle.StandardPixmap


def _t(text: str) -> str:
    return QCoreApplication.translate("WindowActions", text)


def open_filter() -> str:
    """The open dialog's file filter: every format the engine reads, then each kind alone."""
    def patterns(kinds: tuple[str, ...]) -> str:
        return " ".join(f"*{suffix}" for suffix, kind in SUFFIX_KINDS.items() if kind in kinds)
    return ";;".join((
        _t("加入者台帳（Excel・OpenDocument・CSV）") + " (" + " ".join(f"*{s}" for s in MEMBER_FILE_SUFFIXES) + ")",
        _t("Excel ファイル") + f" ({patterns(('xlsx', 'xls', 'xlsb'))})",
        _t("OpenDocument スプレッドシート") + f" ({patterns(('ods',))})",
        _t("CSV・テキスト（カンマ・タブ区切り）") + f" ({patterns(('text',))})",
        _t("すべてのファイル") + " (*)",
    ))


class WindowActions:
    """Creates and handles the window's actions.

    Attributes:
        window: The :class:`~gui.main_window.MainWindow`.
        runs: The print / export / reprint controller (created on first use).
    """

    def __init__(self, window) -> None:
        self.window = window
        self.runs = None
        w = window
        style = w.style()
        self.open = self._action("openAction", _t("開く…"), SP.SP_DialogOpenButton, self.open_dialog,
                                 QKeySequence.StandardKey.Open, _t("加入者台帳（Excel・OpenDocument・CSV）を開きます"))
        self.reload = self._action("reloadAction", _t("再読み込み"), SP.SP_BrowserReload, w.reload,
                                   QKeySequence.StandardKey.Refresh, _t("同じファイルを読み直します（絞り込みはそのまま）"))
        self.print = self._action("printAction", _t("印刷…"), SP.SP_FileDialogDetailedView, self.print_dialog,
                                  QKeySequence.StandardKey.Print, _t("プリンタで印刷します（事業所ごとに1ジョブ）"))
        self.export_pdf = self._action("exportPdfAction", _t("PDF に出力…"), SP.SP_DialogSaveButton, self.export_dialog,
                                       QKeySequence("Ctrl+E"), _t("PDF と一覧表（CSV）をフォルダに出力します"))
        self.reprint = self._action("reprintAction", _t("再印刷…"), SP.SP_BrowserReload, self.reprint_dialog,
                                    None, _t("以前の印刷から、紙詰まりなどのページだけを印刷し直します"))
        self.settings = self._action("settingsAction", _t("実行プロファイルの設定…"), SP.SP_FileDialogContentsView,
                                     self.settings_dialog, QKeySequence("Ctrl+,"),
                                     _t("保険者・日付・窓位置などの設定を編集します"))
        self.open_profile = self._action("openProfileAction", _t("実行プロファイルを開く…"), SP.SP_DirOpenIcon,
                                         self.open_profile_dialog, None, _t("別の実行プロファイル（TOML）を使います"))
        self.quit = self._action("quitAction", _t("終了"), SP.SP_DialogCloseButton, w.close,
                                 QKeySequence.StandardKey.Quit, "")
        self.check_all = self._action("checkAllAction", _t("すべての事業所をチェック"), None,
                                      lambda: w.tree.set_all_checked(True), None, "")
        self.uncheck_all = self._action("uncheckAllAction", _t("すべてのチェックを外す"), None,
                                        lambda: w.tree.set_all_checked(False), None, "")
        self.about = self._action("aboutAction", _t("このアプリについて"), SP.SP_MessageBoxInformation,
                                  self.about_box, None, "")
        self.open_logs = self._action("openLogsAction", _t("ログフォルダを開く"), SP.SP_DirIcon,
                                      self.open_log_folder, None,
                                      _t("サポート用のログ（個人情報は含みません）のフォルダを開きます"))
        self.reprint.setIcon(style.standardIcon(SP.SP_MediaSeekBackward))
        self.print.setIcon(printer_icon())
        self.export_pdf.setIcon(pdf_icon())

        menu = w.menuBar()
        file_menu = menu.addMenu(_t("ファイル(&F)"))
        file_menu.addAction(self.open)
        self.recent_menu = QMenu(_t("最近使ったファイル"), w)
        self.recent_check = RecentFilesCheck(w)
        self.recent_check.checked.connect(self._recent_checked)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.reload)
        file_menu.addSeparator()
        file_menu.addAction(self.print)
        file_menu.addAction(self.export_pdf)
        file_menu.addAction(self.reprint)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        scope_menu = menu.addMenu(_t("範囲(&R)"))
        scope_menu.addAction(self.check_all)
        scope_menu.addAction(self.uncheck_all)
        settings_menu = menu.addMenu(_t("設定(&S)"))
        settings_menu.addAction(self.settings)
        settings_menu.addAction(self.open_profile)
        help_menu = menu.addMenu(_t("ヘルプ(&H)"))
        help_menu.addAction(self.open_logs)
        help_menu.addAction(self.about)

        bar = QToolBar(_t("ツールバー"), w)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.open, self.reload, None, self.print, self.export_pdf, self.reprint, None, self.settings):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        w.addToolBar(bar)
        w.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        w.tree.addAction(self.check_all)
        w.tree.addAction(self.uncheck_all)
        self.update_recent_menu()
        self.set_busy(False)

    def open_log_folder(self) -> None:
        """Show the support log's folder in the file manager (created if need be)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from print_engine import logs_dir

        folder = logs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(self.window, _t("ログフォルダ"), _t("ログは次のフォルダにあります:\n") + str(folder))

    def _action(self, name, text, icon, slot, shortcut, tip) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- state ---------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """``True`` when a load or a run starts: disable what cannot run meanwhile.

        ``False`` when one ends: enable what the state allows — unless the
        other (a load, a print/export run) is still going, which keeps its
        actions disabled until it ends too.
        """
        running = self.runs is not None and self.runs.busy
        idle = not (busy or running or self.window.session.busy)
        loaded = self.window.session.loaded is not None
        self.open.setEnabled(idle)
        self.reload.setEnabled(idle and loaded)
        for action in (self.print, self.export_pdf, self.reprint):
            action.setEnabled(idle and loaded)
        self.settings.setEnabled(idle)
        self.open_profile.setEnabled(idle)

    def update_recent_menu(self) -> None:
        """The recent files, at once; each is checked in the background and greyed out if missing."""
        self.recent_menu.clear()
        files = settings.recent_files()
        for i, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{i}  {Path(path).name}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.open_workbook(p))
        self.recent_menu.setEnabled(bool(files))
        if files:
            self.recent_check.check(files)

    def _recent_checked(self, path: str, exists: bool) -> None:
        if exists:
            return
        for action in self.recent_menu.actions():
            if action.data() == path and action.isEnabled():
                action.setEnabled(False)
                action.setText(action.text() + _t("（見つかりません）"))
                action.setToolTip(_t("見つかりません: %1").replace("%1", path))

    # --- handlers ------------------------------------------------------------

    def open_dialog(self) -> None:
        w = self.window
        start = settings.read("files/last_open_dir")
        path, _ = QFileDialog.getOpenFileName(w, _t("加入者台帳を開く"), start, open_filter())
        if path:
            w.open_workbook(path)

    def _controller(self):
        if self.runs is None:
            from .run_control import RunController

            self.runs = RunController(self.window)
        return self.runs

    def print_dialog(self) -> None:
        self._controller().start("printer")

    def export_dialog(self) -> None:
        self._controller().start("pdf")

    def reprint_dialog(self) -> None:
        self._controller().reprint()

    def cancel_runs(self) -> None:
        if self.runs is not None:
            self.runs.cancel()

    def settings_dialog(self) -> None:
        from .settings_dialog import SettingsDialog

        w = self.window
        dialog = SettingsDialog(w.session, w)
        dialog.exec()

    def open_profile_dialog(self) -> None:
        w = self.window
        path, _ = QFileDialog.getOpenFileName(w, _t("実行プロファイルを開く"), settings.read("profile/path"),
                                              _t("実行プロファイル (*.toml)"))
        if not path:
            return
        try:
            w.session.load_profile_file(path)
        except ProfileError as exc:
            w.message_bar.show_message(_t("実行プロファイルを使えません: ") + str(exc), "error")
            return
        settings.write("profile/path", path)
        w.message_bar.show_message(_t("実行プロファイル %1 を使います。").replace("%1", Path(path).name), "info")

    def about_box(self) -> None:
        w = self.window
        QMessageBox.about(w, _t("このアプリについて"),
                          _t("お知らせ印刷 — 資格情報のお知らせを事業所ごとに印刷します。"))
