"""The office's tab of the portfolio across collectors: search, filters, sorting, paging."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class PortfolioView(QWidget):
    """Built by the OfficeWindow window (services, taskman, changed, publish)."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        QVBoxLayout(self)
