"""The window's start on an encrypted profile, as a person meets it: the unlock dialog in the
profile's own language, a damaged database offered its backup after the PIN, a lost key file
said before any PIN is asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from fieldapp import __main__ as entry
from fieldapp import sealed
from fieldapp.services import before_unlock, profile_lock
from fieldapp.store import keyfile
from fieldapp.ui import language
from fieldapp.ui.unlock_dialog import UnlockDialog
from tests.unit.test_encrypted_restore import PIN, encrypted_profile, overwrite


@pytest.fixture
def by_hand(monkeypatch):
    """No FIELDAPP_PASSPHRASE: the PIN is typed into the dialog; the language comes back."""
    monkeypatch.delenv(profile_lock.PASSPHRASE_ENV, raising=False)
    yield
    language.prefer(None)
    language.uninstall(QApplication.instance())
    sealed.use(None)


class Person:
    """Answers the modal windows as they come: the PIN into the unlock dialog, then ``box``
    (what to click in a message box), noting what each said."""

    def __init__(self, box=QMessageBox.StandardButton.Yes):
        self.box, self.seen = box, []
        QTimer.singleShot(0, self.answer)

    def answer(self):
        shown = QApplication.activeModalWidget()
        if isinstance(shown, UnlockDialog):
            self.seen.append(("unlock", shown.windowTitle(), shown.secret.text()))
            shown.secret.setText(PIN)
            shown.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        elif isinstance(shown, QMessageBox):
            self.seen.append(("box", shown.text(), shown.informativeText()))
            shown.button(self.box).click()
            return
        QTimer.singleShot(20, self.answer)


def test_the_unlock_dialog_speaks_the_language_the_profile_was_set_to(qtbot, tmp_path, by_hand):
    profile, _backup = encrypted_profile(tmp_path / "p")
    before_unlock.note_language(profile, "vi")  # as the Settings dialog notes it
    assert before_unlock.read(profile).language == "vi"
    vietnamese = QTranslator()
    assert vietnamese.load("fieldapp_vi", str(language.translations_dir()))
    title = vietnamese.translate("UnlockDialog", "Unlock the profile")
    assert title and title != "Unlock the profile"
    person = Person()
    entry._speak_profile_language(profile)
    store = entry._unlock_for_window(profile, demo=False)
    store.close()
    assert person.seen[0][:2] == ("unlock", title)


def test_a_damaged_database_is_offered_its_backup_after_the_pin(qtbot, tmp_path, by_hand):
    profile, backup = encrypted_profile(tmp_path / "p")
    damaged = overwrite(profile.database, 100, 3000)
    person = Person(QMessageBox.StandardButton.Yes)
    store = entry._open_for_window(profile)
    try:
        assert store.path == profile.database and store.key is not None
    finally:
        store.close()
    kinds = [seen[0] for seen in person.seen]
    assert kinds == ["unlock", "box"]  # the PIN once: the backup opens with the same keys
    _kind, text, detail = person.seen[1]
    assert "is damaged" in text and "Restore the backup of" in text
    assert "What will be lost" in detail and "kept in the backups folder" in detail
    kept = list(profile.backups.glob("fieldapp-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged and backup.exists()


def test_a_damaged_database_left_unrestored_changes_nothing(qtbot, tmp_path, by_hand):
    profile, _backup = encrypted_profile(tmp_path / "p")
    damaged = overwrite(profile.database, 100, 3000)
    person = Person(QMessageBox.StandardButton.No)
    with pytest.raises(profile_lock.laptop.UnreadableProfile):
        entry._open_for_window(profile)
    assert [seen[0] for seen in person.seen] == ["unlock", "box"]
    assert profile.database.read_bytes() == damaged
    assert not list(profile.backups.glob("fieldapp-damaged-*"))


def test_a_lost_key_file_is_said_before_any_pin_is_asked(qtbot, tmp_path, by_hand):
    profile, _backup = encrypted_profile(tmp_path / "p")
    keyfile.key_file(profile.database).unlink()
    person = Person(QMessageBox.StandardButton.Ok)
    with pytest.raises(keyfile.UnlockError) as caught:
        entry._open_for_window(profile)
    assert caught.value.code == "unlock.no_key_file"
    assert [seen[0] for seen in person.seen] == ["box"]
    said = person.seen[0][1]
    assert "key file of this profile is missing" in said and "not damaged" in said
    assert "enroll this laptop again" in said
