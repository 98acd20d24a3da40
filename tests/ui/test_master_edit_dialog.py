"""The collector corrects a customer's details from the file (keyboard only): a wrong phone is
refused in words with nothing saved; a good one shows at once and waits to be sent with the
version it was made on; a new contact is added; the address line is changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldapp.ui.dialogs.master_edit import NEW_CONTACT


def _open_customer_with_contact(qtbot, window, services):
    page = services.portfolio.search("", limit=200)
    for row in page.rows:
        file = services.portfolio.open_customer(row.id)
        if file.contacts:
            break
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.customer_view.open(file.customer.id)
    return file


def _type(qtbot, field, text):
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def _dialog(qtbot, window):
    qtbot.keyClick(window.customer_view.details_button, Qt.Key.Key_Space)
    dialog = window.customer_view.findChild(QDialog, "MasterEditDialog")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_a_contacts_new_phone_is_checked_saved_and_shown(qtbot, live_window, live_services):
    file = _open_customer_with_contact(qtbot, live_window, live_services)
    dialog = _dialog(qtbot, live_window)
    first = file.contacts[0]
    assert dialog.contact.currentData() == first.id and dialog.phone.text() == first.phone
    assert dialog.address.text() == file.customer.address
    _type(qtbot, dialog.phone, "call me")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5000)
    assert "phone number" in dialog.problem.text() and dialog.isVisible()
    assert live_services.master_data.edits(file.customer.code) == []
    _type(qtbot, dialog.phone, "0987 654 321")
    with qtbot.waitSignal(live_window.customer_view.file_shown, timeout=5000):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    shown = live_window.customer_view.file.contacts
    assert [c.phone for c in shown if c.id == first.id] == ["0987 654 321"]
    [edit] = live_services.master_data.edits(file.customer.code)
    assert (edit.entity, edit.contact_name, edit.field, edit.old_value, edit.new_value) == (
        "contact", first.name, "phone", first.phone, "0987 654 321")


def test_a_new_contact_and_a_new_address_line(qtbot, live_window, live_services):
    file = _open_customer_with_contact(qtbot, live_window, live_services)
    dialog = _dialog(qtbot, live_window)
    _type(qtbot, dialog.address, "40 Pasteur")
    dialog.contact.setFocus()
    dialog.contact.setCurrentIndex(dialog.contact.findData(NEW_CONTACT))
    assert dialog.name.isVisible() and dialog.phone.text() == ""
    dialog.name.insert("Anh Tuấn")  # as an input method commits it (QTest types ASCII only)
    qtbot.keyClicks(dialog.phone, "0912 000 111")
    with qtbot.waitSignal(live_window.customer_view.file_shown, timeout=5000):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    shown = live_window.customer_view.file
    assert shown.customer.address == "40 Pasteur"
    assert ("Anh Tuấn", "0912 000 111") in [(c.name, c.phone) for c in shown.contacts]
    assert {(e.field, e.new_value) for e in live_services.master_data.edits(file.customer.code)
            } == {("address", "40 Pasteur"), ("added", "0912 000 111")}
