"""Errors raised in services reach the window in words of the UI language, never as raw English."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from fieldapp.domain.errors import FieldappError, NotFound
from fieldapp.paths import Profile
from fieldapp.store.engine import open_store
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


# The real program in a child process; the box it opens is read and closed as a person would.
CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fieldapp.__main__ import main
from fieldapp.ui.app import make_app

app = make_app([])

def close_box():
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(20, close_box)
        return
    print("BOX", box.text(), flush=True)
    box.accept()

QTimer.singleShot(0, close_box)
sys.exit(main(["--home", sys.argv[1]]))
"""


def test_a_newer_database_is_refused_in_a_box_before_the_window(tmp_path):
    profile = Profile(tmp_path).ensure()
    open_store(profile.database).close()
    with sqlite3.connect(profile.database) as con:
        con.execute("UPDATE schema_meta SET value='42' WHERE key='schema_version'")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 2, out.stderr
    assert ("BOX This database was written by a newer version of fieldapp (schema 42; this one "
            "knows up to ") in out.stdout
    assert "newer fieldapp" in out.stderr  # the command line keeps its English text
