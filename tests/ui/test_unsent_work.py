"""What a forgotten PIN would lose is said while it can still be sent: the list in the PIN
settings and at close, the count on the locked window and, from the clear file, in the next
unlock dialog's explanation (without naming any customer)."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp import sealed
from fieldapp.services import before_unlock
from fieldapp.store import keyfile
from fieldapp.ui.unlock_dialog import UnlockDialog
from tests.ui.conftest import show_main_window

PIN = "482913"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def encrypted_window(qtbot, live_services, profile):
    keyfile.create(keyfile.key_file(profile.database), PIN)  # the profile's PIN, as at unlock
    return show_main_window(qtbot, live_services, profile)


def unsent_in_store(store) -> tuple[int, set[str]]:
    """Finalized records no bundle held (the demo's history was never sent), and their
    customers' names: read with SQL, not through the code under test."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.name FROM visit v JOIN customer c ON c.id = v.customer_id "
            "WHERE v.status = 'final' AND NOT EXISTS (SELECT 1 FROM sync_sent s "
            "WHERE s.kind = 'visit' AND s.record_id = v.uuid)").fetchall()
    return len(rows), {name for (name,) in rows}


def test_the_locked_window_says_how_many_and_notes_only_the_count(qtbot, live_services,
                                                                 live_store, profile):
    count, names = unsent_in_store(live_store)
    assert count > 0
    window = encrypted_window(qtbot, live_services, profile)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    panel = window.lock.panel
    qtbot.waitUntil(lambda: panel.unsent.isVisibleTo(panel), timeout=5000)
    said = panel.unsent.text()
    assert f"These {count:,} records exist only on this laptop" in said
    assert "forgotten" in said and "lost" in said
    shown = " ".join(label.text() for label in (panel.title, panel.problem, panel.unsent))
    assert not any(name in shown for name in names)  # the locked window names nobody
    noted = before_unlock.read(profile)
    assert noted.unsent == count and noted.unsent_at is not None
    file = (profile.home / before_unlock.FILE).read_text("utf-8")
    assert not any(name in file for name in names)
    window.lock.unlock(PIN)
    sealed.use(None)


def test_the_pin_settings_list_customer_kind_and_date(qtbot, live_services, live_store,
                                                      profile):
    count, names = unsent_in_store(live_store)
    window = encrypted_window(qtbot, live_services, profile)
    window.commands.open_settings()
    qtbot.waitUntil(lambda: window.commands.settings_dialog is not None
                    and window.commands.settings_dialog.isVisible(), timeout=5000)
    window.commands.settings_dialog.change_pin.click()
    qtbot.waitUntil(lambda: getattr(window.commands, "pin_dialog", None) is not None,
                    timeout=5000)
    panel = window.commands.pin_dialog.unsent
    assert panel.isVisibleTo(window.commands.pin_dialog)
    assert panel.model.rowCount() == count
    assert f"These {count:,} records" in panel.text.text()
    model = panel.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Customer", "Kind", "Date"]
    first = [model.index(0, c).data() for c in range(3)]
    assert first[0] in names and first[1] in ("Visit", "Call", "Amendment") and first[2]
    window.commands.pin_dialog.reject()
    window.commands.settings_dialog.reject()


def test_closing_with_unsent_work_asks_first_and_keep_open_keeps_it(qtbot, live_services,
                                                                   live_store, profile):
    count, names = unsent_in_store(live_store)
    window = encrypted_window(qtbot, live_services, profile)
    window.close()
    qtbot.waitUntil(lambda: window.unsent.box is not None, timeout=5000)
    box = window.unsent.box
    assert window.isVisible()
    assert f"These {count:,} records exist only on this laptop" in box.text()
    assert window.unsent.panel.model.rowCount() == count
    assert window.unsent.panel.model.index(0, 0).data() in names
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.isVisible() and window.unsent.box is None
    window.close()
    qtbot.waitUntil(lambda: window.unsent.box is not None, timeout=5000)
    window.unsent.box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert before_unlock.read(profile).unsent == count


def test_a_locked_window_closes_without_listing_anyone(qtbot, live_services, live_store,
                                                      profile):
    count, _names = unsent_in_store(live_store)
    window = encrypted_window(qtbot, live_services, profile)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.lock.panel.unsent.isVisibleTo(window.lock.panel), timeout=5000)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.unsent.box is None and before_unlock.read(profile).unsent == count
    sealed.use(None)


def test_a_plain_profile_closes_without_asking(qtbot, live_services, profile):
    window = show_main_window(qtbot, live_services, profile)  # no key file: not encrypted
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.unsent.box is None and before_unlock.read(profile).unsent is None


def test_the_forgotten_pin_explanation_gives_the_count_noted_at_the_last_close(qtbot,
                                                                               monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    at = datetime(2026, 11, 27, 9, 30, tzinfo=timezone.utc)
    for noted in (before_unlock.BeforeUnlock("", 7, at), before_unlock.BeforeUnlock("", 0, at),
                  before_unlock.BeforeUnlock()):
        dialog = UnlockDialog(False, lambda s: None, lambda: 0, before=noted)
        qtbot.addWidget(dialog)
        dialog.forgot.click()
    with_count, none_left, unknown = said
    assert "7 records had not been sent to the office" in with_count
    assert "2026" in with_count and "enroll" in with_count
    assert "everything recorded here had been sent" in none_left
    assert "cannot be shown without the PIN" in unknown
