"""A character counter in the corner of a text box, shown once the text nears its limit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from .. import formats

NEAR = 0.8  # shown from this share of the limit on: out of the way for everyday notes
MUTED, OVER = "#5f6368", "#b3261e"


class LengthCounter(QLabel):
    """'16,012 / 20,000' over the bottom-right corner of ``editor``; red beyond the limit.

    The text itself is never cut: the visit's check says what is too long, and nothing
    typed is lost while the collector shortens it."""

    def __init__(self, editor: QPlainTextEdit | QLineEdit, limit: int):
        super().__init__(editor)
        self._editor, self.limit = editor, limit
        self.setObjectName("lengthCounter")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        editor.textChanged.connect(self.update_count)
        editor.installEventFilter(self)
        self.update_count()

    def length(self) -> int:
        editor = self._editor
        return len(editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text())

    def update_count(self, *_args) -> None:
        count = self.length()
        near = count >= NEAR * self.limit
        self.setVisible(near)
        if not near:
            return
        self.setText(self.tr("%1 / %2 characters").replace("%1", formats.number(count))
                     .replace("%2", formats.number(self.limit)))
        colour = OVER if count > self.limit else MUTED
        self.setStyleSheet(f"QLabel#lengthCounter {{ color: {colour}; background: palette(base);"
                           " padding: 0 3px; }")
        self.adjustSize()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._editor and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.update_count()

    def _place(self) -> None:
        # Clear of the vertical scroll bar of a long text.
        room = self._editor.rect()
        self.move(max(0, room.right() - self.width() - 20), max(0, room.bottom() - self.height() - 3))
