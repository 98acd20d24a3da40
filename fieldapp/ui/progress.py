"""A progress dialog with Cancel over long background work (``TaskManager.run_long``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 400  # quick work finishes without a flash of a dialog


def follow(task, parent: QWidget, text: str) -> QProgressDialog:
    """Show ``task``'s progress (a LongTask) under ``text``; Cancel cancels it.

    The dialog is window-modal and goes away by itself when the task ends."""
    dialog = QProgressDialog(text, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Progress", "Working"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def step(done: int, total: int, label: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if label:
            dialog.setLabelText(f"{text}\n{label}")

    def end() -> None:
        dialog.canceled.disconnect(task.cancel)  # hiding it is not the collector's Cancel
        dialog.hide()
        dialog.deleteLater()

    task.progressed.connect(step)
    dialog.canceled.connect(task.cancel)
    task.finished.connect(end)
    dialog.setValue(0)  # starts the timer that shows the dialog after SHOW_AFTER_MS
    step(*task.last)  # what was reported before we listened
    return dialog
