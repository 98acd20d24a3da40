"""Sync › Sync folder…: where this office meets its laptops, and whether to watch it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout)

from ..views.common import Retranslating


class SyncFolderDialog(Retranslating, QDialog):
    """``chosen()`` is (folder or None, watch) once accepted; the caller stores it."""

    def __init__(self, parent, root: Path | None, watch: bool):
        super().__init__(parent)
        self.setObjectName("SyncFolderDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.folder_edit = QLineEdit(str(root) if root else "", self)
        self.browse_button = QPushButton(self)
        self.watch_box = QCheckBox(self)
        self.watch_box.setChecked(watch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        for part in (self.intro, row, self.watch_box, self.buttons):
            (layout.addLayout if isinstance(part, QHBoxLayout) else layout.addWidget)(part)
        self.browse_button.clicked.connect(self.browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"),
                                                  self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def chosen(self) -> tuple[Path | None, bool]:
        text = self.folder_edit.text().strip()
        return (Path(text) if text else None), self.watch_box.isChecked()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sync folder"))
        self.intro.setText(self.tr(
            "The folder this office shares with its laptops: a shared drive, a cloud folder or "
            "a USB stick. Laptops put their day bundles in its to-office folder; the office "
            "puts each laptop's acknowledgements and assignment packs in to-laptops. Every "
            "supervisor of this office uses the same folder. Leave it empty to use none."))
        self.browse_button.setText(self.tr("Browse…"))
        self.watch_box.setText(self.tr("Watch the folder and import bundles as they arrive"))
