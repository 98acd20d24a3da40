"""Settings › Change PIN: the current one and the new one twice, saved in one crash-safe step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from ...domain.errors import FieldappError
from ..error_text import describe
from ..unsent_view import UnsentPanel


class ChangePinDialog(QDialog):
    """``change(old, new)`` does it, or raises a coded error said in the dialog."""

    def __init__(self, parent, change: Callable[[str, str], None], unsent: list | None = None):
        """``unsent``: what exists only on this laptop (services.unsent), listed above."""
        super().__init__(parent)
        self._change = change
        self.setWindowTitle(self.tr("Change PIN or passphrase"))
        self.old, self.new, self.again = (QLineEdit(echoMode=QLineEdit.EchoMode.Password)
                                          for _ in range(3))
        self.problem = QLabel(wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Current PIN or passphrase:"), self.old)
        form.addRow(self.tr("New PIN or passphrase:"), self.new)
        form.addRow(self.tr("The same again:"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.unsent = UnsentPanel(unsent or [], self)
        layout.addWidget(self.unsent)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.problem.setText(self.tr("The two new entries are not the same."))
            return
        try:
            self._change(self.old.text(), self.new.text())
        except FieldappError as exc:
            self.problem.setText(describe(exc))
            return
        self.accept()
