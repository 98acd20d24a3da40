"""Errors raised in services reach the window in words of the UI language, never as raw English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from fieldapp.domain.errors import FieldappError, NotFound
from fieldapp.ui import formats
from fieldapp.ui.error_text import UNEXPECTED, WORDS, describe

from conftest import show_main_window
from visit_helpers import press, wait_active

VIETNAMESE = {
    WORDS["visit.not_found"]: "Lượt thăm này không còn nữa.",
    WORDS["demo.profile_not_empty"]: "Cơ sở dữ liệu đã có {count} khách hàng.",
    WORDS["receipt.already_issued"]: "Biên nhận {receipts đã được cấp.",  # a translator's slip
}


class Vietnamese(QTranslator):
    """Stands in for a .qm file: the 'Errors' context in Vietnamese, everything else as is."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return VIETNAMESE.get(source, "") if context == "Errors" else ""

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def vietnamese(qapp):
    translator = Vietnamese()
    qapp.installTranslator(translator)
    formats.set_ui_language("vi")
    yield translator
    formats.set_ui_language("en")
    qapp.removeTranslator(translator)


def test_a_service_error_reaches_the_window_worded(qtbot, live_services, profile):
    """A draft discarded elsewhere while the recovery dialog offers it: Resume says so plainly."""
    visits = live_services.visits
    customer = next(c for c in range(1, 81) if visits.context(c).invoices)
    uuid = visits.start(customer).uuid
    window = show_main_window(qtbot, live_services, profile)
    qtbot.waitUntil(lambda: window.commands.recovery_dialog is not None, timeout=5000)
    dialog = window.commands.recovery_dialog
    wait_active(qtbot, dialog)
    visits.discard(uuid)  # another window (or a second start) got there first
    press(qtbot, Qt.Key.Key_Return)  # Resume
    status = window.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage() != "", timeout=5000)
    assert status.currentMessage() == "This visit no longer exists."
    assert uuid not in status.currentMessage()  # the id is for the log, not the collector


def test_the_words_follow_the_installed_translator_and_the_ui_notation(vietnamese):
    assert describe(NotFound("visit.not_found", visit="0c1d")) == "Lượt thăm này không còn nữa."
    error = FieldappError("demo.profile_not_empty", database="/x/fieldapp.sqlite", count=1200)
    assert describe(error) == "Cơ sở dữ liệu đã có 1.200 khách hàng."  # Vietnamese grouping
    # A translation with a broken placeholder falls back to the English sentence, filled in.
    slipped = describe(FieldappError("receipt.already_issued", receipts="AB12CD34-000007"))
    assert slipped.startswith("Receipt AB12CD34-000007 was already issued")
    # Without the translator, English again.
    QCoreApplication.removeTranslator(vietnamese)
    assert describe(NotFound("visit.not_found", visit="0c1d")) == "This visit no longer exists."


def test_unknown_codes_and_foreign_errors_get_a_generic_sentence(qapp):
    assert describe(FieldappError("import.row_bad", line=7)) == (
        "Something went wrong (error import.row_bad).")
    foreign = RuntimeError("(sqlite3.OperationalError) database is locked [SQL: UPDATE visit …]")
    assert describe(foreign) == UNEXPECTED and "SQL" not in describe(foreign)
    disk = OSError(28, "No space left on device")
    assert describe(disk) == "A file could not be read or written: No space left on device"
