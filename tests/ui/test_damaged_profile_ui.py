"""A full disk in the visit window (the draft is kept and said to be, saved and the window
closed once space is freed), and the start's boxes for a damaged database."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event

from fieldapp.domain.errors import FieldappError

from visit_helpers import CTRL, press, resume_draft, type_text

LONG_NOTE = "Khách hứa gọi lại tuần sau, kế toán trưởng đang nghỉ phép. " * 60


class Disk:
    """A disk that fills up: SQLite's own page limit on every new connection of the store."""

    def __init__(self, store):
        self.store, self.full = store, False
        event.listen(store.engine, "connect", self._limit)

    def _limit(self, dbapi_conn, _record):
        if self.full:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    def fill(self):
        with sqlite3.connect(self.store.path) as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.full = True
        self.store.engine.dispose()

    def free(self):
        self.full = False
        self.store.engine.dispose()


def test_a_full_disk_keeps_the_draft_says_so_and_saves_once_space_is_freed(
        qtbot, live_window, live_services, live_store):
    win = resume_draft(qtbot, live_window, live_services, 1, {"materials": []})
    uuid = win.session.visit.uuid
    disk = Disk(live_store)
    disk.fill()
    type_text(qtbot, LONG_NOTE)  # pasted at once
    qtbot.waitUntil(lambda: "disk is full" in win.saved_label.text(), timeout=20000)
    assert "kept in this window" in win.saved_label.text()
    assert win.session.visit.answers["objective"] == LONG_NOTE  # in memory
    assert live_services.visits.load(uuid).answers.get("objective") != LONG_NOTE
    disk.free()  # the session retries by itself
    qtbot.waitUntil(lambda: win.saved_label.text().startswith("Saved"), timeout=20000)
    assert live_services.visits.load(uuid).answers["objective"] == LONG_NOTE
    win.close()


def test_closing_on_a_full_disk_waits_for_space_and_loses_nothing(qtbot, live_window,
                                                                  live_services, live_store):
    win = resume_draft(qtbot, live_window, live_services, 1, {"materials": []})
    uuid = win.session.visit.uuid
    disk = Disk(live_store)
    disk.fill()
    type_text(qtbot, LONG_NOTE)
    press(qtbot, Qt.Key.Key_W, CTRL)  # the last save finds the disk full
    qtbot.waitUntil(lambda: "disk is full" in win.saved_label.text(), timeout=20000)
    assert win.isVisible() and uuid in live_window.launcher.windows
    disk.free()
    qtbot.waitUntil(lambda: uuid not in live_window.launcher.windows, timeout=20000)
    assert live_services.visits.load(uuid).answers["objective"] == LONG_NOTE


def test_finalize_on_a_full_disk_is_refused_in_words_and_the_draft_stays(qtbot, live_window,
                                                                         live_services):
    win = resume_draft(qtbot, live_window, live_services, 1)
    win.session.close()  # as Finalize does before it asks the services
    win.finisher._failed(FieldappError("disk.full", database="/home/khoa/fieldapp.db"))
    assert not win.session.closed and win.centralWidget().isEnabled()
    box = win.finisher.question
    assert "/home/khoa/fieldapp.db is full" in box.text() and "Free some space" in box.text()
    box.close()
    win.close()


def test_the_restore_question_names_the_backups_day_and_keeps_quit_the_default(qtbot):
    from fieldapp.ui.app import restore_box

    error = FieldappError("db.damaged", database="/p/fieldapp.db", reason="cut off")
    from fieldapp.ui import formats

    written = datetime(2026, 6, 29, 17, 5, tzinfo=timezone.utc)
    box = restore_box(error, written)
    qtbot.addWidget(box)
    assert "/p/fieldapp.db is damaged" in box.text()
    assert box.text().endswith(f"Restore the backup of {formats.moment(written)}?")
    assert "2026" in formats.moment(written)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert "kept in the backups folder" in box.informativeText()


def test_the_window_start_restores_the_newest_backup_when_asked(qtbot, tmp_path, demo_db):
    from fieldapp import __main__ as entry
    from fieldapp.paths import Profile

    profile = Profile(tmp_path / "home").ensure()
    profile.database.write_bytes(b"\0" * 10_000)
    backup = profile.backups / "fieldapp-v6-20260629-170500.db"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, answer)
    QTimer.singleShot(0, answer)
    store = entry._open_for_window(profile)
    try:
        assert store.path == profile.database
    finally:
        store.close()
    kept = list(profile.backups.glob("fieldapp-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\0" * 10_000
    assert backup.exists()
