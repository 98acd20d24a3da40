"""Non-blocking questions: the dialog is opened, the answer arrives by callback (tests can reply)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox,
                               QVBoxLayout, QWidget)


def ask(parent: QWidget, title: str, text: str, on_yes: Callable[[], None],
        yes_text: str = "", icon=QMessageBox.Icon.Question) -> QMessageBox:
    """Yes/No, No being the default (Enter must never confirm something final by accident)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.accepted.connect(on_yes)  # Yes has the accept role
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def tell(parent: QWidget, title: str, text: str,
         icon=QMessageBox.Icon.Information) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


class ReasonDialog(QDialog):
    """Asks why a finalized record is corrected; OK stays disabled until a reason is typed."""

    def __init__(self, parent: QWidget, title: str, prompt: str, on_reason: Callable[[str], None]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QLineEdit()  # one line: Enter accepts, as in any dialog
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(QCoreApplication.translate("ReasonDialog", "Amend"))
        self.ok.setEnabled(False)
        self.text.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.accepted.connect(lambda: on_reason(self.text.text().strip()))
        self.finished.connect(self.deleteLater)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(520, 160)
        self.open()
