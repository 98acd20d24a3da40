"""Correct a customer's details on the laptop: the address, a contact's phone, a new contact."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)

from ...domain import master_data as md
from ...domain.errors import InvalidValue
from ...services.changes import Changes
from ..error_text import describe
from ..views.common import Retranslating

NEW_CONTACT = -1  # the contact box's entry for a person not listed yet


class MasterEditDialog(Retranslating, QDialog):
    """Filled from the customer's file on screen; Save runs the service on the database lane
    and closes, or shows the refusal under the fields and keeps what was typed."""

    def __init__(self, parent, service, taskman, file):
        super().__init__(parent)
        self.setObjectName("MasterEditDialog")
        self._service, self._taskman, self._file = service, taskman, file
        self.changes: Changes | None = None  # what the save changed
        customer = file.customer
        self.address, self.district, self.province = (QLineEdit(self) for _ in range(3))
        for field, value in ((self.address, customer.address),
                             (self.district, customer.district),
                             (self.province, customer.province)):
            field.setMaxLength(md.ADDRESS_MAX)
            field.setText(value)
        self.contact = QComboBox(self)
        for contact in file.contacts:
            self.contact.addItem(contact.name, contact.id)
        self.contact.addItem("", NEW_CONTACT)
        self.name = QLineEdit(self)
        self.name.setMaxLength(md.NAME_MAX)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(md.PHONE_MAX)
        self.note, self.problem = QLabel(self), QLabel(self)
        self.note.setWordWrap(True)
        self.problem.setObjectName("masterEditProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.contact.currentIndexChanged.connect(self._contact_chosen)
        self._build()
        self._contact_chosen()
        self.retranslate_ui()
        self.address.setFocus()

    def _build(self) -> None:
        self._labels = [QLabel(self) for _ in range(6)]
        form = QFormLayout()
        fields = (self.address, self.district, self.province, self.contact, self.name,
                  self.phone)
        for label, field in zip(self._labels, fields):
            label.setBuddy(field)
            form.addRow(label, field)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _contact_chosen(self) -> None:
        chosen = self.contact.currentData()
        known = {c.id: c for c in self._file.contacts}
        self._form.setRowVisible(self.name, chosen == NEW_CONTACT)
        self.phone.setText(known[chosen].phone if chosen in known else "")
        if chosen == NEW_CONTACT:
            self.name.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Correct the customer's details"))
        texts = (self.tr("&Address:"), self.tr("&District:"), self.tr("P&rovince:"),
                 self.tr("&Contact:"), self.tr("&Name:"), self.tr("&Phone:"))
        for label, text in zip(self._labels, texts):
            label.setText(text)
        self.contact.setItemText(self.contact.findData(NEW_CONTACT), self.tr("New contact…"))
        self.note.setText(self.tr("Changes are used here at once and sent to the office with "
                                  "the next sync. If the office changed the same detail "
                                  "meanwhile, a supervisor decides which one to keep."))

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.problem.hide()
        cid, service = self._file.customer.id, self._service
        address = (self.address.text(), self.district.text(), self.province.text())
        chosen, name, phone = self.contact.currentData(), self.name.text(), self.phone.text()
        known = {c.id: c.phone for c in self._file.contacts}
        names = {c.name for c in self._file.contacts}

        def work() -> Changes:
            # Both checked before either is written: a refusal leaves nothing half-saved.
            for field, value in zip(("address", "district", "province"), address):
                md.clean_address_part(field, value)
            phone_changed = chosen == NEW_CONTACT and (name.strip() or phone.strip()) \
                or chosen in known and phone.strip() != known[chosen]
            if phone_changed:
                md.clean_phone(phone)
                if chosen == NEW_CONTACT and md.clean_name(name) in names:
                    raise InvalidValue("master.contact_exists", name=md.clean_name(name))
            changes = service.change_address(cid, *address)
            if phone_changed and chosen == NEW_CONTACT:
                changes = service.add_contact(cid, name, phone)
            elif phone_changed:
                changes = service.change_phone(chosen, phone)
            return changes
        self._taskman.run(work, self._saved, self._refused)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.problem.setText(describe(error))
        self.problem.show()
        self.save_button.setEnabled(True)
