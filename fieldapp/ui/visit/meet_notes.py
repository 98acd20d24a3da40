"""Notes on the Meet/Talk step: the numbers a call dials, what the absent path asks for."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.records import Contact
from ..kept_texts import KeptTexts


class NumbersToDial(KeptTexts, QLabel):
    """Every number of the customer's contacts, whoever can decide on payment first."""

    def __init__(self, contacts: tuple[Contact, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("numbersToDial")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._contacts = sorted(contacts, key=lambda c: not c.authority_to_pay)
        self.keep(self._word)

    def _word(self) -> None:
        lines = [f"☎ {html.escape(c.phone)} — {html.escape(c.name)}"
                 + (f", {html.escape(c.role)}" if c.role else "")
                 for c in self._contacts if c.phone]
        caption = QCoreApplication.translate("NumbersToDial", "Number to dial") if len(lines) == 1 \
            else QCoreApplication.translate("NumbersToDial", "Numbers to dial")
        if not lines:
            lines = [html.escape(QCoreApplication.translate(
                "NumbersToDial", "No phone number on file: ask the office for one."))]
        self.setText(f"<b>{caption}</b><br>" + "<br>".join(lines))


class AbsentNext(KeptTexts, QLabel):
    """Shown once "customer absent" is ticked: what that path skips and what it asks for."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("absentNext")
        self.setWordWrap(True)
        self.hide()
        self.keep(lambda: self.setText(QCoreApplication.translate(
            "AbsentNext", "Nobody to meet: Listen and the customer's signature are skipped. Under "
            "Resolve, say what you found, add a photo of the premises and the day you come back.")))
