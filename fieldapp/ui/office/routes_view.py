"""The office's tab of a collector's route for a day: suggested, reordered, printed."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class RoutesView(QWidget):
    """Built by the OfficeWindow window (services, taskman, changed, publish)."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        QVBoxLayout(self)
