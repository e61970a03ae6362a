"""Choosing what to reprint: an earlier run, an employer's file, pages or a household."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from print_engine import EarlierRun, ReprintError, load_run

DOCUMENT_LABELS = {"cover": "送付状", "list": "対象者リスト", "notice": "お知らせ", "certificate": "資格確認書"}


@dataclass(frozen=True, slots=True)
class ReprintRequest:
    """Pages ``first``–``last`` of ``file_name`` of the run in ``run``."""

    run: EarlierRun
    file_name: str
    first: int
    last: int


def earlier_runs(runs_dir: Path) -> list[Path]:
    """Run folders with a manifest under ``runs_dir``, newest first."""
    if not runs_dir.is_dir():
        return []
    found = [p for p in runs_dir.iterdir() if (p / "manifest.csv").is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


class ReprintDialog(QDialog):
    """Pick an earlier run, a file (employer) and a page range or a household."""

    def __init__(self, runs_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprintDialog")
        self.setWindowTitle(self.tr("再印刷"))
        self.setMinimumWidth(620)
        self.run: EarlierRun | None = None

        self.run_combo = QComboBox()
        self.run_combo.setObjectName("reprintRun")
        for folder in earlier_runs(runs_dir):
            self.run_combo.addItem(folder.name, str(folder / "manifest.csv"))
        browse = QPushButton(self.tr("参照…"))
        browse.setObjectName("reprintBrowse")
        browse.clicked.connect(self._browse)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_combo, 1)
        run_row.addWidget(browse)
        self.file_combo = QComboBox()
        self.file_combo.setObjectName("reprintFile")
        self.by_pages = QRadioButton(self.tr("ページを指定"))
        self.by_pages.setObjectName("reprintByPages")
        self.by_household = QRadioButton(self.tr("世帯を指定"))
        self.by_household.setObjectName("reprintByHousehold")
        group = QButtonGroup(self)
        group.addButton(self.by_pages)
        group.addButton(self.by_household)
        self.by_pages.setChecked(True)
        self.first = QSpinBox()
        self.first.setObjectName("reprintFirst")
        self.last = QSpinBox()
        self.last.setObjectName("reprintLast")
        pages_row = QHBoxLayout()
        pages_row.addWidget(self.by_pages)
        pages_row.addWidget(self.first)
        pages_row.addWidget(QLabel("～"))
        pages_row.addWidget(self.last)
        pages_row.addStretch(1)
        self.household = QComboBox()
        self.household.setObjectName("reprintHousehold")
        household_row = QHBoxLayout()
        household_row.addWidget(self.by_household)
        household_row.addWidget(self.household, 1)
        self.info = QLabel()
        self.info.setObjectName("reprintInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #444;")

        form = QFormLayout()
        form.addRow(self.tr("以前の印刷"), run_row)
        form.addRow(self.tr("ファイル（事業所）"), self.file_combo)
        form.addRow(self.tr("範囲"), pages_row)
        form.addRow("", household_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("印刷…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.buttons)

        self.run_combo.currentIndexChanged.connect(lambda _i: self.load(self.run_combo.currentData()))
        self.file_combo.currentIndexChanged.connect(self._file_changed)
        self.household.currentIndexChanged.connect(self._household_changed)
        for widget in (self.first, self.last):
            widget.valueChanged.connect(self._update_info)
        self.by_pages.toggled.connect(self._update_info)
        if self.run_combo.count():
            self.load(self.run_combo.currentData())
        else:
            self._update_info()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("印刷の記録（manifest.csv）を選ぶ"), "",
                                              self.tr("manifest.csv (manifest.csv);;CSV (*.csv)"))
        if path:
            self.run_combo.addItem(str(Path(path).parent), path)
            self.run_combo.setCurrentIndex(self.run_combo.count() - 1)

    def load(self, manifest: str | None) -> None:
        """Show the files of the run whose manifest is ``manifest``."""
        self.run = None
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        self.file_combo.blockSignals(False)
        if not manifest:
            self._update_info()
            return
        try:
            self.run = load_run(manifest)
        except ReprintError as exc:
            self.info.setText(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.file_combo.blockSignals(True)
        for name, _code, pages in self.run.files():
            self.file_combo.addItem(self.tr("%1（%2 ページ）").replace("%1", name).replace("%2", str(pages)), name)
        self.file_combo.blockSignals(False)
        self._file_changed()

    def _file_changed(self) -> None:
        name = self.file_combo.currentData()
        pages = next((p for n, _c, p in self.run.files() if n == name), 0) if self.run and name else 0
        for spin in (self.first, self.last):
            spin.blockSignals(True)
            spin.setRange(1 if pages else 0, max(pages, 0))
            spin.blockSignals(False)
        self.first.setValue(1 if pages else 0)
        self.last.setValue(1 if pages else 0)
        self.household.blockSignals(True)
        self.household.clear()
        if self.run is not None and name:
            for h in self.run.households(name):
                self.household.addItem(h.label, (h.first_page, h.last_page))
        self.household.blockSignals(False)
        self.by_household.setEnabled(self.household.count() > 0)
        self._update_info()

    def _household_changed(self) -> None:
        self.by_household.setChecked(True)
        self._update_info()

    def selected_range(self) -> tuple[int, int]:
        if self.by_household.isChecked() and self.household.currentData():
            return tuple(self.household.currentData())
        return self.first.value(), max(self.first.value(), self.last.value())

    def _update_info(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        name = self.file_combo.currentData()
        if self.run is None or not name:
            self.info.setText(self.tr("以前の印刷の記録（manifest.csv）を選んでください。"))
            ok.setEnabled(False)
            return
        first, last = self.selected_range()
        rows = self.run.documents_on(name, first, last)
        described = []
        for r in rows[:6]:
            doc = DOCUMENT_LABELS.get(r["document"], r["document"])
            who = f" {r['kigo']}-{r['bango']}-{r['edaban']} {r['name']}" if r["document"] in ("notice", "certificate") else ""
            described.append(f"{doc}{who}")
        more = self.tr(" ほか %1 件").replace("%1", str(len(rows) - 6)) if len(rows) > 6 else ""
        self.info.setText(self.tr("%1～%2 ページ: ").replace("%1", str(first)).replace("%2", str(last))
                          + "、".join(described) + more)
        ok.setEnabled(bool(rows))

    def request(self) -> ReprintRequest | None:
        if self.run is None or not self.file_combo.currentData():
            return None
        first, last = self.selected_range()
        return ReprintRequest(self.run, self.file_combo.currentData(), first, last)
