"""The status bar's note after an assignment, with Undo for that batch."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .. import formats
from ..views.common import Retranslating


class UndoBar(Retranslating, QWidget):
    """Says what the last assignment did and undoes it on request (one per window)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("assignUndoBar")
        self.window_ = window
        self.batch_id: str | None = None
        self._said = ("", 0, "")  # what the label says: kind, count, name
        self.label = QLabel(self)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("assignUndo")
        self.undo_button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.undo_button)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_result(self, result, name: str) -> None:
        self.batch_id = result.batch_id
        self._said = ("assigned" if result.batch_id else "unchanged", result.changed, name)
        self.retranslate_ui()
        self.show()

    def undo(self) -> None:
        batch, self.batch_id = self.batch_id, None
        if not batch:
            return
        self.undo_button.setEnabled(False)
        self.window_.taskman.run(lambda: self.window_.services.assignments.undo(batch),
                                 self._undone, self._failed)

    def _undone(self, result) -> None:
        self._said = ("undone", result.changed, "")
        self.window_.publish(result.changes.from_source(self))
        self.retranslate_ui()

    def _failed(self, error: BaseException) -> None:
        self._said = ("", 0, "")
        self.retranslate_ui()
        self.window_.show_error(error)

    def retranslate_ui(self) -> None:
        kind, count, name = self._said
        if kind == "assigned":
            text = self.tr("Assigned %n customers to %1.", "", count).replace(
                "%1", name or self.tr("no collector"))
        elif kind == "unchanged":
            text = self.tr("Nothing changed: the customers already had this collector.")
        elif kind == "undone":
            text = self.tr("Undone: %n customers are back with their previous collectors.", "",
                           count)
        else:
            text = ""
        self.label.setText(formats.counted(text, count))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setVisible(bool(self.batch_id))
        self.undo_button.setEnabled(bool(self.batch_id))


def offer_undo(window, result, name: str) -> UndoBar:
    """Show ``result`` (an AssignResult) in the window's status bar, with Undo."""
    bar = window.findChild(UndoBar, "assignUndoBar")
    if bar is None:
        bar = UndoBar(window)
        window.statusBar().addWidget(bar, 1)
    window.statusBar().show()  # made on first use, after the window was shown: hidden
    bar.show_result(result, name)
    return bar
