"""After a run: files, pages, envelopes per employer and exclusions.

:class:`RunSummary` is gathered on the worker thread right after the run
(from the engine's plan and print stream); :class:`RunSummaryDialog` shows
it with buttons to open the output folder and the manifest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from print_engine import FileSpec, Reason, RunPlan, packing_rows

from .member_model import status_labels


@dataclass(slots=True)
class RunSummary:
    """The outcome of a print or export run.

    Attributes:
        kind: ``"pdf"`` or ``"printer"``.
        folder: The output folder (PDF) or the run's records folder (printer).
        files: (file or job name, pages) in print order.
        employers: (code, name, container, envelopes, notices, returns, pages).
        exclusions: reason code → members not printed for it.
        errors: Rows with errors (held back).
        printer_name: The printer (printer runs).
        complete: False when a printer run was cancelled part-way.
        note: What the operator must know about an incomplete run (which
            jobs reached the spooler), or "".
    """

    kind: str
    folder: Path | None
    files: list[tuple[str, int]] = field(default_factory=list)
    employers: list[tuple] = field(default_factory=list)
    exclusions: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    printer_name: str = ""
    complete: bool = True
    note: str = ""

    @property
    def pages(self) -> int:
        return sum(p for _, p in self.files)

    @property
    def manifest(self) -> Path | None:
        return self.folder / "manifest.csv" if self.folder is not None else None


def summarize(kind: str, plan: RunPlan, files: list[FileSpec], folder: Path | None, printer_name: str = "",
              complete: bool = True) -> RunSummary:
    """Gather a :class:`RunSummary` (call on the worker, before the plan changes)."""
    pages_of: dict[str, int] = defaultdict(int)
    for spec in files:
        for entry in spec.entries:
            pages_of[entry.shipment.employer.code] += entry.pages
    sent = {entry.shipment.employer.code for spec in files for entry in spec.entries}
    # packing rows: code, name, container, envelopes, notices, certificates, leaflets…, returns
    employers = [
        (row[0], row[1], row[2], row[3], row[4] + row[5], row[-1], pages_of.get(row[0], 0))
        for row in packing_rows(plan.shipments)
        if row[0] in sent or complete
    ]
    counts = plan.counts()
    exclusions = {r.value: counts[r.value] for r in Reason if counts[r.value]}
    return RunSummary(kind, folder, [(f.name, f.pages) for f in files], employers, exclusions, counts["errors"],
                      printer_name, complete)


class RunSummaryDialog(QDialog):
    """Shows a :class:`RunSummary` with "open folder" and "open manifest"."""

    def __init__(self, summary: RunSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runSummaryDialog")
        self.summary = summary
        self.setWindowTitle(self.tr("印刷の結果") if summary.kind == "printer" else self.tr("PDF 出力の結果"))
        self.resize(720, 520)
        s = summary
        if s.kind == "pdf":
            head = self.tr("PDF %1 ファイル・%2 ページを出力しました。").replace("%1", str(len(s.files))).replace(
                "%2", f"{s.pages:,}")
        else:
            head = self.tr("プリンタ「%1」に %2 件の印刷ジョブ（%3 ページ）を送りました。").replace(
                "%1", s.printer_name).replace("%2", str(len(s.files))).replace("%3", f"{s.pages:,}")
            if not s.complete:
                head += "\n" + (s.note or self.tr("途中で中止しました。送信済みのジョブだけを記録しています。"))
        title = QLabel(head)
        title.setObjectName("summaryHeadline")
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold;")
        table = QTableWidget(len(s.employers), 7)
        table.setObjectName("summaryTable")
        table.setHorizontalHeaderLabels([self.tr("事業所コード"), self.tr("事業所名"), self.tr("梱包"), self.tr("封筒"),
                                         self.tr("お知らせ"), self.tr("返送"), self.tr("ページ")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(s.employers):
            for c, value in enumerate(row):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                table.setItem(r, c, item)
        labels = status_labels()
        lines = [f"{labels.get(code, code)}: {n:,}" for code, n in s.exclusions.items()]
        excluded = QLabel(self.tr("印刷しなかった加入者: ") + ("、".join(lines) if lines else self.tr("なし")))
        excluded.setObjectName("summaryExclusions")
        excluded.setWordWrap(True)
        where = QLabel(self.tr("記録の場所: %1").replace("%1", str(s.folder)) if s.folder else "")
        where.setObjectName("summaryFolder")
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        self.open_folder = QPushButton(self.tr("フォルダを開く"))
        self.open_folder.setObjectName("openFolderButton")
        self.open_manifest = QPushButton(self.tr("manifest.csv を開く"))
        self.open_manifest.setObjectName("openManifestButton")
        for button in (self.open_folder, self.open_manifest):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(s.folder is not None and s.folder.exists())
        self.open_folder.clicked.connect(lambda: self._open(s.folder))
        self.open_manifest.clicked.connect(lambda: self._open(s.manifest))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(table, 1)
        layout.addWidget(excluded)
        layout.addWidget(where)
        layout.addWidget(buttons)

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
