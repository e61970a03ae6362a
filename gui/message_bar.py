"""A message strip at the top of the window (errors, warnings, notes).

Problems the operator must see — an unreadable workbook, a failed run —
appear here in plain Japanese instead of a modal box or a traceback; the
strip stays until closed or until the next successful action. A message may
offer actions (buttons beside the text, e.g. 「確定処理」 for a pending run);
they go with the message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
)

_STYLES = {
    "error": ("#fde3e1", "#8a1c12", "#e0a09a", QStyle.StandardPixmap.SP_MessageBoxCritical),
    "warning": ("#fff3cd", "#6b4e00", "#e6cf86", QStyle.StandardPixmap.SP_MessageBoxWarning),
    "info": ("#e4f0fb", "#174a7c", "#a9c8e8", QStyle.StandardPixmap.SP_MessageBoxInformation),
}


class MessageBar(QFrame):
    """One message with an icon and a close button (``messageBar``).

    Attributes:
        kind: ``"error"``, ``"warning"`` or ``"info"`` of the shown message.
        buttons: the shown message's action buttons, in order.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.kind = ""
        self.buttons: list[QPushButton] = []
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setObjectName("messageClose")
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("閉じる"))
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self._actions = QHBoxLayout()
        layout.addLayout(self._actions)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "error",
                     actions: Sequence[tuple[str, Callable[[], object]] | tuple[str, Callable[[], object], str]] = ()
                     ) -> None:
        """Show ``text``; ``kind`` sets the colour and icon.

        ``actions``: ``(label, callback)`` or ``(label, callback, objectName)``
        per button; they replace the previous message's buttons.
        """
        bg, fg, border, icon = _STYLES.get(kind, _STYLES["info"])
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#messageBar {{ background: {bg}; border: 1px solid {border}; border-radius: 3px; }}"
            f" QLabel {{ color: {fg}; }}"
        )
        self.icon.setPixmap(QApplication.style().standardIcon(icon).pixmap(20, 20))
        self.text.setText(text)
        self._set_actions(actions)
        self.show()

    def _set_actions(self, actions) -> None:
        for button in self.buttons:
            self._actions.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for n, (label, callback, *name) in enumerate(actions):
            button = QPushButton(label)
            button.setObjectName(name[0] if name else f"messageAction{n}")
            button.clicked.connect(lambda _checked=False, cb=callback: cb())
            self._actions.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons.append(button)

    def set_actions_enabled(self, enabled: bool) -> None:
        """Enable or disable the shown message's buttons (while their work runs)."""
        for button in self.buttons:
            button.setEnabled(enabled)

    def message(self) -> str:
        """The text shown, or '' when the bar is hidden."""
        return self.text.text() if not self.isHidden() else ""

    def clear(self) -> None:
        self.kind = ""
        self.text.clear()
        self._set_actions(())
        self.hide()
