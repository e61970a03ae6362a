"""The print / export dialog: destination, scope, documents.

It only collects the operator's choices into a :class:`PrintRequest`; the
choices are options of ``main.py batch`` (``--documents``, ``--split`` and
the selectors), so anything the window can do, a script can.

The variant and the packing order are shown, not chosen here: they are the
profile's, which the preview shows, so the dialog cannot print a variant or
an order the operator never saw. They are changed in the settings (the
preview follows at once). The scope starts on what the employer tree's
check boxes select when they select part of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from print_engine import RunProfile

SCOPES = ("all", "filtered", "checked", "households")


def _t(text: str) -> str:
    return QCoreApplication.translate("PrintDialog", text)


def variant_labels() -> dict[str, str]:
    return {"initial": _t("一斉送付（initial）"), "new-members": _t("新規加入者（new-members）"),
            "reissue": _t("再交付（reissue）")}


def order_labels() -> dict[str, str]:
    return {"profile": _t("プロファイルどおり（事業所ごとの設定）"), "number": _t("番号順"),
            "affiliation": _t("所属別")}


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """What the operator asked for.

    Attributes:
        destination: ``"printer"`` or ``"pdf"``.
        scope: ``"all"``, ``"filtered"``, ``"checked"`` or ``"households"``.
        variant, order, documents: As ``--variant``, ``--order``, ``--documents``.
        out_dir: The PDF folder (``"pdf"`` only).
        split: As ``--split`` (``"pdf"`` only).
        unissued: As ``--unissued``: only who has no document of the kind yet, or whose data changed.
    """

    destination: str
    scope: str
    variant: str
    order: str
    documents: str
    out_dir: Path | None = None
    split: str = "employer"
    unissued: bool = False


class PrintDialog(QDialog):
    """Choose what to print and where.

    Args:
        profile: Gives the defaults (variant, order, documents, split).
        destination: ``"printer"`` or ``"pdf"`` preselected.
        scope_counts: For each scope, a short description of what it holds
            (e.g. ``"12 人"``), or ``None`` when the scope is not available.
        out_dir: The folder to propose for a PDF export.
    """

    def __init__(self, profile: RunProfile, destination: str, scope_counts: dict[str, str | None],
                 out_dir: str = "", parent: QWidget | None = None, scope: str = "all") -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.setWindowTitle(_t("印刷・PDF 出力"))
        self.setMinimumWidth(560)

        dest_box = QGroupBox(_t("出力先"))
        self.to_printer = QRadioButton(_t("プリンタ（事業所ごとに1つの印刷ジョブ）"))
        self.to_printer.setObjectName("destPrinter")
        self.to_pdf = QRadioButton(_t("PDF ファイル（フォルダに出力）"))
        self.to_pdf.setObjectName("destPdf")
        dest_layout = QVBoxLayout(dest_box)
        dest_layout.addWidget(self.to_printer)
        dest_layout.addWidget(self.to_pdf)

        scope_box = QGroupBox(_t("範囲"))
        scope_layout = QVBoxLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        texts = {"all": _t("すべて"), "filtered": _t("絞り込み中の加入者"),
                 "checked": _t("チェックした事業所・所属"), "households": _t("選択した行の世帯")}
        self.scope_buttons: dict[str, QRadioButton] = {}
        for i, name in enumerate(SCOPES):
            count = scope_counts.get(name)
            button = QRadioButton(texts[name] + (f"（{count}）" if count else ""))
            button.setObjectName(f"scope_{name}")
            button.setEnabled(count is not None)
            self.scope_group.addButton(button, i)
            self.scope_buttons[name] = button
            scope_layout.addWidget(button)
        start = self.scope_buttons.get(scope)
        (start if start is not None and start.isEnabled() else self.scope_buttons["all"]).setChecked(True)

        form_box = QGroupBox(_t("内容"))
        form = QFormLayout(form_box)
        self._variant, self._order = profile.run.variant, profile.run.order
        self.variant = QLabel(variant_labels().get(self._variant, self._variant))
        self.variant.setObjectName("variantLabel")
        self.order = QLabel(order_labels().get(self._order, self._order))
        self.order.setObjectName("orderLabel")
        self.documents = self._combo("documentsCombo", {"all": _t("送付状・対象者リスト・お知らせ"),
                                                        "notices": _t("お知らせのみ")}, profile.run.documents)
        fixed = QLabel(_t("種類と梱包順はプレビューのとおりです。変えるときは「設定」で変えてください。"))
        fixed.setObjectName("variantOrderNote")
        fixed.setWordWrap(True)
        fixed.setStyleSheet("color: #555;")
        form.addRow(_t("種類"), self.variant)
        form.addRow(_t("梱包順"), self.order)
        form.addRow("", fixed)
        form.addRow(_t("書類"), self.documents)
        self.unissued = QCheckBox(_t("未発行の方のみ（発行台帳で同じ内容を発行済みの方を除く）"))
        self.unissued.setObjectName("unissuedCheck")
        self.unissued.setEnabled(self._variant != "reissue")  # a reissue is printed again on purpose
        form.addRow("", self.unissued)

        self.pdf_box = QGroupBox(_t("PDF の出力"))
        pdf_form = QFormLayout(self.pdf_box)
        self.out_dir = QLineEdit(out_dir)
        self.out_dir.setObjectName("outDirEdit")
        browse = QPushButton(_t("参照…"))
        browse.setObjectName("browseOutDir")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out_dir, 1)
        row.addWidget(browse)
        self.split = self._combo("splitCombo", {"employer": _t("事業所ごとに1ファイル"), "run": _t("全体で1ファイル"),
                                                "pages": _t("ページ数で分割")}, profile.run.split.split(":")[0])
        self.pages = QSpinBox()
        self.pages.setObjectName("splitPages")
        self.pages.setRange(1, 100000)
        self.pages.setSuffix(_t(" ページまで"))
        self.pages.setValue(int(profile.run.split.split(":")[1]) if profile.run.split.startswith("pages:") else 500)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split, 1)
        split_row.addWidget(self.pages)
        pdf_form.addRow(_t("出力フォルダ"), row)
        pdf_form.addRow(_t("ファイルの分け方"), split_row)
        self.split.currentIndexChanged.connect(self._update)

        self.hint = QLabel()
        self.hint.setObjectName("printHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("キャンセル"))

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(dest_box, 1)
        top.addWidget(scope_box, 1)
        layout.addLayout(top)
        layout.addWidget(form_box)
        layout.addWidget(self.pdf_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        (self.to_pdf if destination == "pdf" else self.to_printer).setChecked(True)
        self.to_pdf.toggled.connect(self._update)
        self.out_dir.textChanged.connect(self._update)
        self._update()

    def _combo(self, name: str, items: dict[str, str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for code, label in items.items():
            combo.addItem(label, code)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        return combo

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _t("出力フォルダを選ぶ"), self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    def _update(self) -> None:
        pdf = self.to_pdf.isChecked()
        self.pdf_box.setEnabled(pdf)
        self.pages.setEnabled(self.split.currentData() == "pages")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_t("PDF に出力") if pdf else _t("印刷…"))
        ok.setEnabled(not pdf or bool(self.out_dir.text().strip()))
        if pdf:
            self.hint.setText(_t("PDF は一時フォルダに作成し、すべて完了してから出力フォルダに移します。"
                                 "中止しても途中までの PDF は残りません。"))
        else:
            self.hint.setText(_t("次の画面でプリンタを選びます。事業所ごとに1つの印刷ジョブで、梱包順に印刷します。"
                                 "印刷の記録（manifest.csv）は再印刷に使えます。"))

    def request(self) -> PrintRequest:
        """The choices as a :class:`PrintRequest`."""
        scope = SCOPES[max(0, self.scope_group.checkedId())]
        split = self.split.currentData()
        if split == "pages":
            split = f"pages:{self.pages.value()}"
        out = self.out_dir.text().strip()
        return PrintRequest(
            destination="pdf" if self.to_pdf.isChecked() else "printer",
            scope=scope,
            variant=self._variant,  # the profile's, as the preview shows them
            order=self._order,
            documents=self.documents.currentData(),
            out_dir=Path(out) if out else None,
            split=split,
            unissued=self.unissued.isChecked() and self.unissued.isEnabled(),
        )
