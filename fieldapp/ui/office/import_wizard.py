"""File › Import receivables…: choose file, source, mapping, preview, import with progress."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard


class ImportWizard(QWizard):
    """Built by the OfficeWindow ``window`` (services, taskman, publish)."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
