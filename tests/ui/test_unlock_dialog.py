"""The unlock dialog on a real encrypted profile: set the PIN twice, refuse a wrong one, wait."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from fieldapp import sealed
from fieldapp.paths import Profile
from fieldapp.services import profile_lock
from fieldapp.ui.unlock_dialog import UnlockDialog

PIN = "482913"


def dialog_for(qtbot, profile):
    state = profile_lock.state(profile)
    dialog = UnlockDialog(state in ("new", "plain"), lambda s: profile_lock.unlock(profile, s),
                          lambda: profile_lock.wait_left(profile))
    qtbot.addWidget(dialog)
    return dialog


def ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_first_start_sets_the_pin_typed_twice(qtbot, tmp_path):
    profile = Profile(tmp_path).ensure()
    dialog = dialog_for(qtbot, profile)
    assert not dialog.again.isHidden()
    dialog.secret.setText(PIN)
    dialog.again.setText("482914")
    ok(dialog).click()
    assert dialog.opened is None and "not the same" in dialog.problem.text()
    assert not profile.database.exists()  # nothing made before the PIN is settled
    dialog.again.setText(PIN)
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog).click()
    dialog.opened.close()
    sealed.use(None)
    assert profile_lock.state(profile) == "locked"


def test_a_wrong_pin_is_said_and_repeated_ones_make_the_dialog_wait(qtbot, tmp_path):
    profile = Profile(tmp_path).ensure()
    profile_lock.unlock(profile, PIN).close()
    sealed.use(None)
    dialog = dialog_for(qtbot, profile)
    assert dialog.again.isHidden()
    for _ in range(profile_lock.FREE_TRIES):
        dialog.secret.setText("000000")
        ok(dialog).click()
        assert dialog.opened is None and dialog.secret.text() == ""
    assert "not the right one" in dialog.problem.text() or "Wait" in dialog.problem.text()
    assert not ok(dialog).isEnabled() and "Wait" in dialog.problem.text()
    # A new dialog (a restart) waits too: the count is kept on disk.
    again = dialog_for(qtbot, profile)
    assert not ok(again).isEnabled()


def test_the_right_pin_opens_and_a_forgotten_one_is_explained(qtbot, tmp_path, monkeypatch):
    profile = Profile(tmp_path).ensure()
    profile_lock.unlock(profile, PIN).close()
    sealed.use(None)
    dialog = dialog_for(qtbot, profile)
    said = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: said.append(text))
    dialog.forgot.click()
    assert "enroll" in said[0] and "not yet sent" in said[0]
    dialog.secret.setText(PIN)
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.opened.close()
    sealed.use(None)


def test_settings_change_the_pin_only_with_the_current_one(qtbot, tmp_path):
    from fieldapp.ui.dialogs.change_pin import ChangePinDialog
    profile = Profile(tmp_path).ensure()
    profile_lock.unlock(profile, PIN).close()
    sealed.use(None)
    dialog = ChangePinDialog(None, lambda old, new: profile_lock.change_secret(profile, old, new))
    qtbot.addWidget(dialog)
    dialog.old.setText("000000")
    dialog.new.setText("55555555")
    dialog.again.setText("55555555")
    ok(dialog).click()
    assert "not the right one" in dialog.problem.text()
    dialog.old.setText(PIN)
    dialog.again.setText("55555556")
    ok(dialog).click()
    assert "not the same" in dialog.problem.text()
    dialog.again.setText("55555555")
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog).click()
    profile_lock.unlock(profile, "55555555").close()
    sealed.use(None)
