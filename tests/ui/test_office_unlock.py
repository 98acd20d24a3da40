"""An encrypted office database file opened through the passphrase dialog (a real SQLCipher file):
a wrong passphrase is said and changes nothing, the right one opens the window, which says the
file is encrypted; a new file's passphrase is chosen twice."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from fieldapp.paths import Profile
from fieldapp.services.office import encryption
from fieldapp.services.office.app import build
from fieldapp.store import encrypted
from fieldapp.ui.office.window import OfficeWindow
from fieldapp.ui.unlock_dialog import UnlockDialog

SECRET = "office passphrase 1"


def dialog_for(qtbot, path, backups, setting):
    dialog = UnlockDialog(setting, lambda s: encryption.unlock(path, backups, s), lambda: 0,
                          office_file=str(path))
    qtbot.addWidget(dialog)
    return dialog


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_wrong_passphrase_is_said_and_the_right_one_opens_the_window(qtbot, tmp_path):
    path, backups = tmp_path / "office.db", tmp_path / "backups"
    encryption.encrypt(path, backups, SECRET)  # a new encrypted office
    assert encryption.opening(path) == encryption.ASK
    before = path.read_bytes()
    dialog = dialog_for(qtbot, path, backups, setting=False)
    assert dialog.again.isHidden() and dialog.forgot.isHidden()
    assert str(path) in dialog.findChildren(type(dialog.problem))[0].text()
    dialog.secret.setText("not the passphrase")
    ok(dialog).click()
    assert dialog.opened is None and dialog.secret.text() == ""
    assert "not the passphrase of the office database" in dialog.problem.text()
    assert path.read_bytes() == before
    dialog.secret.setText(SECRET)
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog).click()
    store = dialog.opened
    try:
        window = OfficeWindow(build(store, date(2026, 11, 22), actor="test"),
                              Profile(tmp_path / "profile").ensure())
        qtbot.addWidget(window)
        assert "(encrypted)" in window.database_label.text()
        window.close()
    finally:
        store.close()


def test_a_new_office_file_gets_its_passphrase_typed_twice(qtbot, tmp_path):
    path, backups = tmp_path / "office.db", tmp_path / "backups"
    assert encryption.opening(path, encrypt_new=True) == encryption.CHOOSE
    dialog = dialog_for(qtbot, path, backups, setting=True)
    dialog.secret.setText(SECRET)
    dialog.again.setText(SECRET + "x")
    ok(dialog).click()
    assert dialog.opened is None and "not the same" in dialog.problem.text()
    assert not path.exists()  # nothing made before the passphrase is settled
    dialog.again.setText(SECRET)
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog).click()
    dialog.opened.close()
    assert encrypted.state(path) == "locked"
