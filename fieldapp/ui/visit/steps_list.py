"""The steps down the left side, each marked done, with problems, current or still to do."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ...domain.checklist import Checklist, localized
from .. import formats


class StepState(str, Enum):
    TODO = "todo"
    DONE = "done"
    PROBLEMS = "problems"
    SKIPPED = "skipped"  # does not apply to this visit (Listen when the customer was absent)


# Marks carry the state without colour too (printouts of screenshots, colour blindness).
_MARKS = {StepState.TODO: "○", StepState.DONE: "✓", StepState.PROBLEMS: "⚠",
          StepState.SKIPPED: "–"}
_COLOURS = {StepState.TODO: QColor("#5f6368"), StepState.DONE: QColor("#1b5e20"),
            StepState.PROBLEMS: QColor("#b3261e"), StepState.SKIPPED: QColor("#9aa0a6")}


class StepsList(QListWidget):
    """``step_requested(index)`` when the collector picks a step (click or Enter)."""

    step_requested = Signal(int)

    def __init__(self, checklist: Checklist, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepsList")
        self._checklist = checklist
        self._states = [StepState.TODO] * len(checklist.steps)
        self._current = 0
        for _ in checklist.steps:
            self.addItem(QListWidgetItem())
        self.setSpacing(2)
        self.setMinimumWidth(190)
        self.setStyleSheet("QListWidget#stepsList { font-size: 11pt; }")
        self.itemActivated.connect(lambda item: self.step_requested.emit(self.row(item)))
        self.itemClicked.connect(lambda item: self.step_requested.emit(self.row(item)))
        self._render()

    def set_state(self, index: int, state: StepState) -> None:
        self._states[index] = state
        self._render_row(index)

    def state(self, index: int) -> StepState:
        return self._states[index]

    def set_current(self, index: int) -> None:
        self._current = index
        self._render()
        self.blockSignals(True)
        self.setCurrentRow(index)
        self.blockSignals(False)

    def _render(self) -> None:
        for index in range(len(self._states)):
            self._render_row(index)

    def _render_row(self, index: int) -> None:
        step, state, item = self._checklist.steps[index], self._states[index], self.item(index)
        title = localized(step.title, formats.ui_language())
        item.setText(f"{_MARKS[state]}  {formats.number(index + 1)}. {title}")
        item.setForeground(QBrush(_COLOURS[state]))
        font = QFont(self.font())
        font.setBold(index == self._current)
        font.setStrikeOut(state is StepState.SKIPPED)
        item.setFont(font)
        item.setSizeHint(QSize(0, self.fontMetrics().height() + 14))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {state.value}")

    def retranslate(self) -> None:
        self._render()
