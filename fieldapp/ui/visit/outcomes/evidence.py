"""Files and photos of an outcome: listed with Remove; 'Attach…' opens Pictures or Documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...kept_texts import KeptTexts


def start_folder(photos: bool) -> str:
    """Where a collector keeps photos (Pictures) or papers (Documents), not the program's folder."""
    kind = QStandardPaths.StandardLocation.PicturesLocation if photos \
        else QStandardPaths.StandardLocation.DocumentsLocation
    return QStandardPaths.writableLocation(kind) or \
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)


class EvidenceList(KeptTexts, QWidget):
    """Holds attachment ids; adding goes through ``attach(paths, done)`` (the worker copies)."""

    changed = Signal()

    def __init__(self, attach, names: dict[str, str], photos_only: bool = False,
                 parent: QWidget | None = None, detach=None):
        super().__init__(parent)
        self._attach = attach
        self._detach = detach or (lambda _id: None)  # the stored copy goes too (worker)
        self._names = names  # attachment id → file name, shared by the window's cards
        self._ids: list[str] = []
        self._photos_only = photos_only
        self.listing = QLabel()
        self.listing.setWordWrap(True)
        self.files = QVBoxLayout()  # one row per file: its name and Remove
        self.files.setContentsMargins(0, 0, 0, 0)
        self.remove_buttons: dict[str, QPushButton] = {}
        self.button = QPushButton()
        self.keep(lambda: self.button.setText(
            QCoreApplication.translate("EvidenceList", "Attach photo…") if photos_only
            else QCoreApplication.translate("EvidenceList", "Attach files…")))
        self.button.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.listing)
        layout.addLayout(self.files)
        layout.addLayout(row)
        self.keep(lambda: self._show())  # once every part has its parent (no stray windows)

    def choose(self) -> None:
        pattern = QCoreApplication.translate("EvidenceList", "Photos (*.jpg *.jpeg *.png *.heic)") \
            if self._photos_only else QCoreApplication.translate(
                "EvidenceList", "Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf);;All files (*)")
        paths, _ = QFileDialog.getOpenFileNames(self, self.button.text(),
                                                start_folder(self._photos_only), pattern)
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

    def remove(self, attachment_id: str) -> None:
        """Take a file off the outcome before finalizing (a wrong photo, the wrong paper)."""
        if attachment_id in self._ids:
            self._ids.remove(attachment_id)
            self._detach(attachment_id)
            self._show()
            self.changed.emit()
            self.button.setFocus()

    def _show(self) -> None:
        while self.files.count():
            row = self.files.takeAt(0).widget()
            row.hide()
            row.deleteLater()
        self.remove_buttons = {}
        for attachment_id in self._ids:
            self.files.addWidget(self._file_row(attachment_id))
        self.listing.setHidden(bool(self._ids))
        self.listing.setText(QCoreApplication.translate("EvidenceList", "Nothing attached"))

    def _file_row(self, attachment_id: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        name = QLabel("• " + self._names.get(attachment_id, attachment_id[:8]))
        remove = QPushButton(QCoreApplication.translate("EvidenceList", "Remove"))
        remove.setToolTip(QCoreApplication.translate("EvidenceList", "Remove this file"))
        remove.clicked.connect(lambda _c=False, a=attachment_id: self.remove(a))
        self.remove_buttons[attachment_id] = remove
        line.addWidget(name, 1)
        line.addWidget(remove)
        return row
