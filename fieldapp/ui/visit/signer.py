"""One signer: the pad, Clear/Undo/Redo, printed name and title, and what is wrong with it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ...domain.visit import Signature
from ..kept_texts import KeptTexts
from .errors import ErrorLabel
from .signature_pad import SignaturePad


class SignerPanel(KeptTexts, QGroupBox):
    """``signature()`` is None until something is drawn; ``changed`` after a stroke or an edit."""

    changed = Signal()

    def __init__(self, ink_error: ErrorLabel, name_error: ErrorLabel,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.pad = SignaturePad()
        self.name = QLineEdit()
        self.title_edit = QLineEdit()
        self.ink_error, self.name_error = ink_error, name_error
        buttons = QHBoxLayout()
        self.clear_button, self.undo_button, self.redo_button = (QPushButton() for _ in range(3))
        name_caption, title_caption = QLabel(), QLabel()
        self.keep(lambda: self.clear_button.setText(QCoreApplication.translate("SignerPanel", "Clear")))
        self.keep(lambda: self.undo_button.setText(QCoreApplication.translate("SignerPanel", "Undo")))
        self.keep(lambda: self.redo_button.setText(QCoreApplication.translate("SignerPanel", "Redo")))
        self.keep(lambda: name_caption.setText(
            QCoreApplication.translate("SignerPanel", "Printed name")))
        self.keep(lambda: title_caption.setText(QCoreApplication.translate("SignerPanel", "Title")))
        for button, slot in ((self.clear_button, self.pad.clear), (self.undo_button, self.pad.undo),
                             (self.redo_button, self.pad.redo)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(name_caption, self.name)
        form.addRow("", self.name_error)
        form.addRow(title_caption, self.title_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pad)
        layout.addWidget(self.ink_error)
        layout.addLayout(buttons)
        layout.addLayout(form)
        self.pad.changed.connect(self.changed)
        self.name.textEdited.connect(lambda _t: self.changed.emit())
        self.title_edit.textEdited.connect(lambda _t: self.changed.emit())

    def signature(self) -> Signature | None:
        if self.pad.is_empty():
            return None
        return self.pad.signature(self.name.text().strip(), self.title_edit.text().strip())

    def load(self, signature: Signature | None) -> None:
        self.pad.set_strokes(signature.strokes if signature else ())
        if signature is not None:
            self.name.setText(signature.signer_name)
            self.title_edit.setText(signature.signer_title)

    def prefill(self, name: str, title: str) -> None:
        """Fill empty name and title fields only: what the collector typed stays."""
        if not self.name.text().strip():
            self.name.setText(name)
        if not self.title_edit.text().strip():
            self.title_edit.setText(title)

    def clear_ink(self) -> None:
        self.pad.set_strokes(())
        self.pad.update()
