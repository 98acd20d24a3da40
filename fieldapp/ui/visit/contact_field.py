"""The person met: an editable list of the customer's contacts, the right party marked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QLabel

from ...domain.records import Contact
from .fields import Field


class ContactField(Field):
    """Pick a contact or type another name; ``contact_chosen`` fires for a known contact."""

    contact_chosen = Signal(object)  # Contact

    def __init__(self, item, language, contacts: tuple[Contact, ...], parent=None):
        super().__init__(item, language, parent)
        self.contacts = contacts
        self.editor = self._add(QComboBox(), 1)
        self.editor.setEditable(True)
        self.editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        bold = QFont()
        bold.setBold(True)
        # Whoever can decide on payment comes first and in bold: seed 004 §2.2, right party.
        for contact in sorted(contacts, key=lambda c: not c.authority_to_pay):
            self.editor.addItem(contact.name, contact.id)
            if contact.authority_to_pay:
                self.editor.setItemData(self.editor.count() - 1, bold, Qt.ItemDataRole.FontRole)
        self.editor.setCurrentIndex(-1)
        self.keep(lambda: self.editor.lineEdit().setPlaceholderText(
            QCoreApplication.translate("ContactField", "Choose a contact or type a name")))
        self.about = self._add(QLabel(), 1)
        self.keep(lambda: self._describe())
        self.about.setStyleSheet("color: palette(placeholder-text);")
        self.editor.lineEdit().textEdited.connect(self._edited)
        self.editor.activated.connect(self._picked)
        self.setFocusProxy(self.editor)

    def contact(self) -> Contact | None:
        name = self.value().strip()
        return next((c for c in self.contacts if c.name == name), None)

    def _edited(self, _text: str) -> None:
        self._describe()
        self.changed.emit()

    def _picked(self, _index: int) -> None:
        self._describe()
        self.changed.emit()
        if self.contact() is not None:
            self.contact_chosen.emit(self.contact())

    def _describe(self) -> None:
        contact = self.contact()
        if contact is None:
            self.about.clear()
            return
        parts = [contact.role, contact.phone]
        if contact.authority_to_pay:
            parts.append("✔ " + QCoreApplication.translate("ContactField", "Authority to pay"))
        self.about.setText(" · ".join(p for p in parts if p))

    def value(self) -> str:
        return self.editor.currentText()

    def set_value(self, value) -> None:
        self.editor.setEditText(value or "")
        self._describe()
