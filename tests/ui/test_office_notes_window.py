"""Notes from the office in the collector's window, end to end: a demo laptop's records are
imported at a demo office (made through the command line), the supervisor rejects one with a
reason and comments on it, approves another and finds issues in a third; the collector's pack
carries it all to the sync folder. The window's sync applies it to the encrypted profile; the
status bar says how many notes came and opens the list; the list shows them newest first,
unread marked; an item opens its customer and record, whose history shows the office's state."""

from __future__ import annotations

import getpass
import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from conftest import show_main_window
from fieldapp.services import app_services
from fieldapp.services import settings as cfg
from fieldapp.services.office_notes import OfficeNotes
from fieldapp.services.settings import Settings
from fieldapp.ui.models.office_notes import OfficeNotesModel
from fieldapp.ui.models.visit_history import VisitHistoryModel
from tests import laptop_db
from tests.integration.test_enroll_cli import run
from tests.sync_team import Team

DAY = date(2026, 11, 27)
REASON, FIRST, SECOND, ISSUES = ("Thiếu chữ ký của khách", "Gặp lại kế toán trưởng",
                                 "Mang theo biên bản đối chiếu", "Số tiền không khớp hoá đơn")


def _office(team: Team, *args) -> dict:
    out = team.office.run(*args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> dict:
    """A team whose office reviewed the laptop's records and wrote the collector's next pack
    into the sync folder (with its acks); what it did, by visit."""
    where = tmp_path_factory.mktemp("office-notes")
    team = Team(Team.template(where / "template"), where / "reviewed")
    folder = team.root / "shared"
    assert _send(team, folder)
    team.import_and_ack(folder)
    items = _office(team, "inbox")["items"]
    assert len(items) >= 3
    rejected, approved, issues = items[0]["id"], items[1]["id"], items[2]["id"]
    _office(team, "review", rejected, "--reject", "--reason", REASON)
    _office(team, "comment", rejected, FIRST)
    _office(team, "comment", rejected, SECOND)
    _office(team, "review", approved, "--approve")
    _office(team, "review", issues, "--issues", "--reason", ISSUES)
    team.pack(folder)
    return {"root": team.root, "rejected": rejected, "approved": approved, "issues": issues,
            "customer": items[0]["customer_name"]}


def _send(team: Team, folder: Path) -> list[Path]:
    done = run("sync", "send", "--out", str(folder / "to-office"), "--home", str(team.laptop))
    assert done.returncode == 0, done.stderr
    return sorted((folder / "to-office").glob("day-*.zip"))


@pytest.fixture
def team(reviewed, tmp_path) -> Team:
    return Team(reviewed["root"], tmp_path / "team")


@pytest.fixture
def laptop_store(team):
    store = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
    yield store
    store.close()


def _synced_window(qtbot, team, laptop_store, profile):
    services = app_services.build(laptop_store, DAY, home=team.laptop)
    services.settings.set(cfg.SYNC_FOLDER, str(team.root / "shared"))
    win = show_main_window(qtbot, services, profile)
    qtbot.waitUntil(lambda: win.sync_status.status is not None)
    assert win.office_notes.unread == 0 and not win.office_notes.button.isVisible()
    win.sync_status.button.click()
    qtbot.waitUntil(lambda: win.sync_status.last_result is not None
                    or win.sync_status.last_error is not None, timeout=30000)
    assert win.sync_status.last_error is None, win.sync_status.last_error
    return win, services


def _column(model, column) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_sync_bringing_notes_says_so_and_the_list_shows_them(qtbot, team, laptop_store,
                                                              profile, reviewed):
    win, services = _synced_window(qtbot, team, laptop_store, profile)
    result = win.sync_status.last_result
    assert result.pack is not None and result.notes == 5
    assert "5 new notes from the office." in win.statusBar().currentMessage()
    button = win.office_notes.button
    qtbot.waitUntil(lambda: button.isVisible() and win.office_notes.unread == 5)
    assert button.text() == "5 new notes from the office"
    assert win.office_notes.action in win.sync_menu.menu.actions()
    assert win.office_notes.action.shortcut().toString() == "Ctrl+Shift+O"

    button.click()
    dialog = win.office_notes.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible() and dialog.loaded)
    model = dialog.model
    assert model.rowCount() == 5 and dialog.summary.text() == "5 notes · 5 unread"
    assert _column(model, OfficeNotesModel.NEW) == ["New"] * 5
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    notes = model.records()
    assert [n.at for n in notes] == sorted((n.at for n in notes), reverse=True)
    # Times in the collector's zone, as the laptop's settings name it.
    zone = services.settings.zone()
    assert all(n.at.utcoffset() == n.at.astimezone(zone).utcoffset() for n in notes)
    by_text = {n.text: n for n in notes}
    assert set(by_text) == {REASON, FIRST, SECOND, ISSUES, ""}
    row = notes.index(by_text[REASON])
    assert model.index(row, OfficeNotesModel.WHAT).data() == "Rejected"
    assert model.index(row, OfficeNotesModel.CUSTOMER).data().startswith(reviewed["customer"])
    assert model.index(row, OfficeNotesModel.RECORD).data().startswith(("Visit of ", "Call of "))
    assert model.index(row, OfficeNotesModel.AUTHOR).data() == getpass.getuser()
    assert model.index(notes.index(by_text[FIRST]), OfficeNotesModel.WHAT).data() == "Comment"
    assert model.index(notes.index(by_text[ISSUES]), OfficeNotesModel.WHAT).data() == \
        "Has issues"
    assert model.index(notes.index(by_text[""]), OfficeNotesModel.WHAT).data() == "Approved"
    dialog.table.selectRow(row)
    assert REASON in dialog.detail.toPlainText()


def test_opening_a_note_shows_its_record_and_marks_it_read_for_good(qtbot, team, laptop_store,
                                                                    profile, reviewed):
    win, services = _synced_window(qtbot, team, laptop_store, profile)
    dialog = win.office_notes.show_list()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 5)
    notes = dialog.model.records()
    row = [n.text for n in notes].index(REASON)
    dialog.table.selectRow(row)
    assert dialog.open_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter opens, as the button does

    # The customer's file opens on the Visits tab with the rejected record selected.
    view = win.customer_view
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.id
                    == notes[row].customer_id)
    tab = view.visits
    qtbot.waitUntil(lambda: tab.selected() is not None
                    and tab.selected().visit.uuid == reviewed["rejected"])
    assert view.tabs.currentWidget() is tab
    # The visit history: the latest state and the comments reachable in the detail.
    uuids = [tab.model.entry(r).visit.uuid for r in range(tab.model.rowCount())]
    shown = tab.model.index(uuids.index(reviewed["rejected"]), VisitHistoryModel.OFFICE)
    assert shown.data() == "Rejected · 2 comments"
    assert shown.data(Qt.ItemDataRole.ToolTipRole) == f"{REASON}\n{SECOND}"
    detail = tab.detail.toPlainText()
    assert "From the office" in detail and all(t in detail for t in (REASON, FIRST, SECOND))

    # Opened is read: unmarked in the list, counted in the status bar, kept in the profile.
    qtbot.waitUntil(lambda: win.office_notes.unread == 4)
    assert dialog.model.index(row, OfficeNotesModel.NEW).data() == ""
    assert win.office_notes.button.text() == "4 new notes from the office"
    dialog.table.selectRow([n.text for n in notes].index(FIRST))
    dialog.read_button.click()
    qtbot.waitUntil(lambda: win.office_notes.unread == 3)
    assert dialog.summary.text() == "5 notes · 3 unread"
    again = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
    try:
        fresh = OfficeNotes(again, Settings(again), lambda: None)
        assert fresh.unread_count() == 3
        assert {n.text for n in fresh.newest() if n.read} == {REASON, FIRST}
    finally:
        again.close()
    dialog.all_read_button.click()
    qtbot.waitUntil(lambda: win.office_notes.unread == 0)
    assert not win.office_notes.button.isVisible()
    assert _column(dialog.model, OfficeNotesModel.NEW) == [""] * 5


def test_each_reviewed_record_shows_its_state_in_the_history(qtbot, team, laptop_store, profile,
                                                            reviewed):
    win, _services = _synced_window(qtbot, team, laptop_store, profile)
    qtbot.waitUntil(lambda: win.office_notes.unread == 5)
    dialog = win.office_notes.show_list()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 5)
    states = {"approved": "Approved", "issues": "Has issues"}
    for key, word in states.items():
        note = next(n for n in dialog.model.records() if n.visit_uuid == reviewed[key])
        win.customer_view.open_visit(note.customer_id, note.visit_uuid)
        tab = win.customer_view.visits
        qtbot.waitUntil(lambda: tab.selected() is not None  # noqa: B023
                        and tab.selected().visit.uuid == reviewed[key])  # noqa: B023
        row = tab.table.currentIndex().row()
        assert tab.model.index(row, VisitHistoryModel.OFFICE).data() == word
    # Opening a record from the history itself marks nothing read.
    assert win.office_notes.unread == 5

    # The lock hides the list and the status bar's button opens nothing until unlocked.
    win.lock.lock()
    assert not dialog.isVisible() and not win.office_notes.button.isEnabled()
    assert not win.office_notes.action.isEnabled()
    assert win.lock.unlock("")
    assert dialog.isVisible() and win.office_notes.button.isEnabled()


def test_the_notes_follow_a_language_switch(qtbot, qapp, team, laptop_store, profile):
    from test_language_switch import OPEN, PseudoTranslator

    win, _services = _synced_window(qtbot, team, laptop_store, profile)
    qtbot.waitUntil(lambda: win.office_notes.button.isVisible())
    dialog = win.office_notes.show_list()
    qtbot.waitUntil(lambda: dialog.loaded)
    pseudo = PseudoTranslator(qapp)
    qapp.installTranslator(pseudo)
    try:
        qtbot.waitUntil(lambda: win.office_notes.button.text().startswith(OPEN))
        assert dialog.windowTitle().startswith(OPEN) and dialog.open_button.text().startswith(OPEN)
        assert dialog.model.index(0, OfficeNotesModel.NEW).data().startswith(OPEN)
        assert win.office_notes.action.text().startswith(OPEN)
    finally:
        qapp.removeTranslator(pseudo)
    qtbot.waitUntil(lambda: win.office_notes.button.text().endswith("from the office"))
