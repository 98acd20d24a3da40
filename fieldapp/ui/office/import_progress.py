"""A progress bar with Cancel inside a wizard page, following one ``run_long`` task."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class TaskStrip(QWidget):
    """Hidden until ``follow(task)``; hides itself again when the task ends. ``ended`` comes
    after the task's own callbacks (its ``finished`` comes before them)."""

    ended = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        self.task = None
        self._what = ""
        self.cancel.clicked.connect(self.stop)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.cancel.setText(self.tr("Stop"))

    def follow(self, task, what: str) -> None:
        self.task, self._what = task, what
        self.text.setText(what)
        self.bar.setRange(0, 0)  # busy until the first report says how far
        self.bar.setTextVisible(False)
        self.cancel.setEnabled(True)
        # A task stopped by Back may still end after the next one started: only ours counts.
        task.progressed.connect(lambda *report: task is self.task and self._step(*report))
        task.finished.connect(lambda: task is self.task and self._ended())
        self._step(*task.last)
        self.show()

    @property
    def running(self) -> bool:
        return self.task is not None

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel.setEnabled(False)
            self.text.setText(self.tr("Stopping…"))

    def _step(self, done: int, total: int, _text: str = "") -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setTextVisible(True)
            self.bar.setFormat(self.tr("line %v of about %m"))

    def _ended(self) -> None:
        self.task = None
        self.hide()
        QTimer.singleShot(0, self.ended.emit)
