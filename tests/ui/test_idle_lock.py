"""The locked window: customer data hidden, visit windows hidden with their drafts kept, the
PIN asked to come back; idle minutes and Ctrl+Shift+L lock it."""

from PySide6.QtCore import Qt

from fieldapp import sealed
from fieldapp.store import keyfile
from tests.ui.conftest import show_main_window
from tests.ui.visit_helpers import open_visit, saved

PIN = "482913"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def encrypted_window(qtbot, live_services, profile):
    keyfile.create(keyfile.key_file(profile.database), PIN)  # the profile's PIN, as at unlock
    return show_main_window(qtbot, live_services, profile)


def test_ctrl_shift_l_hides_the_data_and_the_pin_brings_back_the_draft(qtbot, live_services,
                                                                      profile):
    window = encrypted_window(qtbot, live_services, profile)
    visit = open_visit(qtbot, window, 1)
    session = visit.session
    saved(qtbot, visit)
    splitter = window.centralWidget()
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.lock.locked and window.centralWidget() is window.lock.panel
    assert not window.customer_view.isVisible() and not visit.isVisible()
    assert not window.start_visit_action.isEnabled() and not window.menuBar().isEnabled()
    window.lock.panel.secret.setText("000000")
    window.lock.panel.button.click()
    assert window.lock.locked and "not the right one" in window.lock.panel.problem.text()
    window.lock.panel.secret.setText(PIN)
    window.lock.panel.button.click()
    assert not window.lock.locked and window.centralWidget() is splitter
    assert visit.isVisible() and visit.session is session  # the same draft, still open
    assert window.menuBar().isEnabled()
    sealed.use(None)


def test_the_window_locks_by_itself_when_idle(qtbot, live_services, profile):
    window = encrypted_window(qtbot, live_services, profile)
    assert window.lock.timer.interval() == 10 * 60_000  # the default: ten minutes
    window.lock.timer.setInterval(50)
    window.lock.timer.start()
    qtbot.waitUntil(lambda: window.lock.locked, timeout=3000)
    assert not window.customer_view.isVisible()
