"""Files and photos attached to an outcome: names listed, 'Attach…' opens a file dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...kept_texts import KeptTexts


class EvidenceList(KeptTexts, QWidget):
    """Holds attachment ids; adding goes through ``attach(paths, done)`` (the worker copies)."""

    changed = Signal()

    def __init__(self, attach, names: dict[str, str], photos_only: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._attach = attach
        self._names = names  # attachment id → file name, shared by the window's cards
        self._ids: list[str] = []
        self._photos_only = photos_only
        self.listing = QLabel()
        self.listing.setWordWrap(True)
        self.button = QPushButton()
        self.keep(lambda: self.button.setText(
            QCoreApplication.translate("EvidenceList", "Attach photo…") if photos_only
            else QCoreApplication.translate("EvidenceList", "Attach files…")))
        self.keep(lambda: self._show())
        self.button.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.listing)
        layout.addLayout(row)

    def choose(self) -> None:
        pattern = QCoreApplication.translate("EvidenceList", "Photos (*.jpg *.jpeg *.png *.heic)") \
            if self._photos_only else QCoreApplication.translate(
                "EvidenceList", "Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)")
        paths, _ = QFileDialog.getOpenFileNames(self, self.button.text(), "", pattern)
        if paths:
            self.attach_files(paths)

    def attach_files(self, paths: list[str]) -> None:
        """Copy the files into the profile (worker) and list them when done."""
        self.button.setEnabled(False)
        self._attach(paths, self._attached)

    def _attached(self, items: list) -> None:
        self.button.setEnabled(True)
        for item in items:
            self._names[item.id] = item.name
            self._ids.append(item.id)
        self._show()
        if items:
            self.changed.emit()

    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def set_ids(self, ids) -> None:
        self._ids = list(ids)
        self._show()

    def _show(self) -> None:
        names = [self._names.get(i, i[:8]) for i in self._ids]
        self.listing.setText("\n".join(f"• {n}" for n in names) if names
                             else QCoreApplication.translate("EvidenceList", "Nothing attached"))
