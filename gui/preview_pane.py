"""The preview panel: page controls, zoom, outline toggle and the page itself.

It pages through a :class:`~gui.preview_document.PreviewDocument` — the
household's notices, then the employer's cover letter and target list —
laying out each part only when it is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from print_engine import EnvelopeWindow, Page

from .preview import PageView
from .preview_document import PreviewDocument

ZOOM_STEPS = (50, 75, 100, 125, 150, 200, 300)


class PreviewPane(QWidget):
    """Page navigation and zoom around a :class:`PageView`.

    Signals:
        page_shown(str): the label of the page now shown.
    """

    page_shown = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        style = QApplication.style()
        self.view = PageView()
        self.document: PreviewDocument | None = None
        self.part = 0
        self.page_in_part = 0
        self.fonts = None

        self.prev_button = self._button("previewPrev", style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack),
                                        self.tr("前のページ"), self.previous_page)
        self.next_button = self._button("previewNext", style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward),
                                        self.tr("次のページ"), self.next_page)
        self.page_label = QLabel()
        self.page_label.setObjectName("previewPageLabel")
        self.page_label.setMinimumWidth(60)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom = QComboBox()
        self.zoom.setObjectName("previewZoom")
        self.zoom.addItem(self.tr("ページ全体"), "page")
        self.zoom.addItem(self.tr("幅に合わせる"), "width")
        for pct in ZOOM_STEPS:
            self.zoom.addItem(f"{pct}%", pct)
        self.zoom.currentIndexChanged.connect(lambda _i: self.view.set_zoom(self.zoom.currentData()))
        self.outline = QToolButton()
        self.outline.setObjectName("previewOutline")
        self.outline.setText(self.tr("窓の位置"))
        self.outline.setToolTip(self.tr("封筒の窓と切り取り部分の位置を表示します"))
        self.outline.setCheckable(True)
        self.outline.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.outline.toggled.connect(self.set_outlines)
        self.note = QLabel()
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel#previewNote { background: #fff3cd; color: #6b4e00; padding: 4px 8px; }")
        self.note.hide()
        self.placeholder = QLabel(self.tr("加入者を選ぶと、印刷されるページをここに表示します。"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666; padding: 24px;")

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 4)
        bar.setSpacing(4)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.zoom)
        bar.addWidget(self.outline)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.view, 1)
        self.view.hide()
        self._update_controls()

    def _button(self, name: str, icon, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- content -------------------------------------------------------------

    def set_window(self, window: EnvelopeWindow) -> None:
        """The envelope window to outline (from the run profile)."""
        self.view.canvas.window = window
        self.view.canvas.update()

    def set_outlines(self, on: bool) -> None:
        if self.outline.isChecked() != on:
            self.outline.setChecked(on)
            return
        self.view.canvas.show_outlines = on
        self.view.canvas.update()

    def set_zoom(self, zoom: str | int) -> None:
        index = self.zoom.findData(zoom)
        if index >= 0:
            self.zoom.setCurrentIndex(index)

    def show_document(self, document: PreviewDocument | None, fonts=None) -> None:
        """Show ``document`` from its start part (None clears the preview)."""
        self.document = document
        self.fonts = fonts
        self.part = document.start if document is not None else 0
        self.page_in_part = 0
        if document is not None and document.note:
            self.note.setText(document.note)
            self.note.show()
        else:
            self.note.hide()
        self._show()

    def current_page(self) -> Page | None:
        return self.view.page

    def _show(self) -> None:
        page = None
        if self.document is not None and self.document.parts:
            pages = self.document.parts[self.part].get_pages()
            if pages:
                self.page_in_part = max(0, min(self.page_in_part, len(pages) - 1))
                page = pages[self.page_in_part]
        self.placeholder.setVisible(page is None)
        self.view.setVisible(page is not None)
        self.view.set_page(page, self.fonts)
        self._update_controls()
        self.page_shown.emit(self.page_label.text())

    def _update_controls(self) -> None:
        doc = self.document
        if doc is None or not doc.parts:
            self.page_label.setText("")
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        part = doc.parts[self.part]
        label = part.label
        if part.pages is not None and len(part.pages) > 1:
            label += f"  {self.page_in_part + 1} / {len(part.pages)}"
        self.page_label.setText(label)
        self.prev_button.setEnabled(self.part > 0 or self.page_in_part > 0)
        last_part = self.part == len(doc.parts) - 1
        last_page = part.pages is None or self.page_in_part >= len(part.pages) - 1
        self.next_button.setEnabled(not (last_part and last_page))

    # --- paging --------------------------------------------------------------

    def next_page(self) -> None:
        doc = self.document
        if doc is None:
            return
        pages = doc.parts[self.part].get_pages()
        if self.page_in_part + 1 < len(pages):
            self.page_in_part += 1
        elif self.part + 1 < len(doc.parts):
            self.part += 1
            self.page_in_part = 0
        else:
            return
        self._show()

    def previous_page(self) -> None:
        doc = self.document
        if doc is None:
            return
        if self.page_in_part > 0:
            self.page_in_part -= 1
        elif self.part > 0:
            self.part -= 1
            self.page_in_part = len(doc.parts[self.part].get_pages()) - 1
        else:
            return
        self._show()

    def show_part(self, kind: str) -> None:
        """Jump to the first part of ``kind`` (``"cover"``, ``"list"``)."""
        if self.document is None:
            return
        for i, part in enumerate(self.document.parts):
            if part.kind == kind:
                self.part, self.page_in_part = i, 0
                self._show()
                return

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.next_page()
        elif event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.previous_page()
        else:
            super().keyPressEvent(event)
