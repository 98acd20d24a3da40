"""Sync through the sync folder from the collector's window, on a demo laptop enrolled with a
demo office (made through the command line): the Sync button and F9 run it, the status bar says
when and what waits, settings keep the folder, sync at start and at close when enabled."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from conftest import settle, show_main_window
from fieldapp.services import app_services
from fieldapp.services import settings as cfg
from fieldapp.services.changes import Changes
from fieldapp.store.engine import open_store
from tests import laptop_db
from tests.sync_team import Team

DAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return Team.template(tmp_path_factory.mktemp("sync-window-template"))


@pytest.fixture
def team(template, tmp_path) -> Team:
    return Team(template, tmp_path / "team")


@pytest.fixture
def laptop_store(team):
    store = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
    yield store
    store.close()


def _services(store, team, **settings):
    services = app_services.build(store, DAY, home=team.laptop)
    for setting, value in settings.items():
        services.settings.set(getattr(cfg, setting), value)
    return services


def _bundles(folder: Path) -> list[str]:
    out = folder / "to-office"
    return sorted(p.name for p in out.glob("day-*.zip")) if out.exists() else []


def _synced(qtbot, win):
    qtbot.waitUntil(lambda: win.sync_status.last_result is not None
                    or win.sync_status.last_error is not None, timeout=20000)
    qtbot.waitUntil(lambda: win.sync_status.task is None, timeout=20000)
    assert win.sync_status.last_error is None, win.sync_status.last_error
    return win.sync_status.last_result


def test_the_sync_button_sends_and_the_status_bar_follows(qtbot, team, laptop_store, profile,
                                                         tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    services = _services(laptop_store, team, SYNC_FOLDER=str(folder))
    win = show_main_window(qtbot, services, profile)
    label = win.sync_status.label
    qtbot.waitUntil(lambda: "Last sync: never" in label.text())
    unsent = win.sync_status.status.unsent
    assert unsent > 0 and f"Not sent: {unsent:,}" in label.text()
    assert "Waiting: 0" in label.text()
    assert team.device in label.toolTip() and "Phạm Đức Thắng" in label.toolTip()
    assert win.sync_status.sync_action in win.sync_menu.menu.actions()
    assert win.sync_status.sync_action.shortcut().toString() == "F9"

    win.sync_status.button.click()
    result = _synced(qtbot, win)
    assert (result.made, result.records, result.waiting) == (1, unsent, 1)
    assert _bundles(folder) == [f"day-{team.device}-000001.zip"]
    qtbot.waitUntil(lambda: "Last sync: today" in label.text())
    assert "Not sent: 0" in label.text() and "Waiting: 1" in label.text()
    assert win.statusBar().currentMessage().startswith(f"Synced: {unsent:,} records sent.")
    win.sync_status.details_action.trigger()
    assert win.sync_status.box.isVisible() and team.device in win.sync_status.box.text()
    assert "Bundles waiting for the office&#x27;s acknowledgement: 1" in \
        win.sync_status.box.text()
    win.sync_status.box.close()

    # A visit finalized later waits to be sent: the status bar says so at once.
    with laptop_db.connect(team.laptop / "fieldapp.db") as con:
        con.execute("INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, "
                    "finalized_at, amends, body, sha256) SELECT ?, customer_id, kind, status, "
                    "started_at, updated_at, finalized_at, NULL, body, sha256 FROM visit "
                    "WHERE status = 'final' LIMIT 1", (str(uuid.uuid4()),))
    win.signals.data_changed.emit(Changes(visits=True))
    qtbot.waitUntil(lambda: "Not sent: 1" in label.text())


def test_without_a_folder_sync_asks_for_one_and_keeps_it(qtbot, team, laptop_store, profile,
                                                        tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: asked.append(a) or str(folder))
    services = _services(laptop_store, team)
    win = show_main_window(qtbot, services, profile)
    qtbot.waitUntil(lambda: win.sync_status.status is not None)
    win.sync_status.sync_action.trigger()
    _synced(qtbot, win)
    assert asked and _bundles(folder)
    assert services.settings.get(cfg.SYNC_FOLDER) == str(folder)
    qtbot.waitUntil(lambda: str(folder) in win.sync_status.label.toolTip())


def test_a_missing_folder_is_said_and_changes_nothing(qtbot, team, laptop_store, profile,
                                                     tmp_path):
    stick = tmp_path / "pulled-stick"
    services = _services(laptop_store, team, SYNC_FOLDER=str(stick))
    win = show_main_window(qtbot, services, profile)
    qtbot.waitUntil(lambda: win.sync_status.status is not None)
    win.sync_status.button.click()
    qtbot.waitUntil(lambda: win.sync_status.last_error is not None, timeout=20000)
    assert str(stick) in win.statusBar().currentMessage()
    assert not stick.exists()
    qtbot.waitUntil(lambda: "The last sync failed" in win.sync_status.label.toolTip())


@pytest.mark.parametrize("enabled", [True, False])
def test_sync_at_start_happens_only_when_enabled(qtbot, team, laptop_store, profile, tmp_path,
                                                enabled):
    folder = tmp_path / "shared"
    folder.mkdir()
    services = _services(laptop_store, team, SYNC_FOLDER=str(folder), SYNC_AT_START=enabled)
    win = show_main_window(qtbot, services, profile)
    if enabled:
        _synced(qtbot, win)
        assert _bundles(folder)
    else:
        qtbot.waitUntil(lambda: win.sync_status.status is not None)
        settle(qtbot, win.taskman)
        assert win.sync_status.task is None and win.sync_status.last_result is None
        assert _bundles(folder) == []


def test_sync_at_close_runs_before_the_window_closes(qtbot, team, laptop_store, profile,
                                                    tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    services = _services(laptop_store, team, SYNC_FOLDER=str(folder), SYNC_AT_CLOSE=True)
    win = show_main_window(qtbot, services, profile)
    qtbot.waitUntil(lambda: win.sync_status.status is not None)
    assert _bundles(folder) == []  # not at start
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=20000)
    assert _bundles(folder) == [f"day-{team.device}-000001.zip"]


def test_the_sync_settings_are_edited_and_kept(qtbot, team, laptop_store, profile, tmp_path,
                                              monkeypatch):
    folder = tmp_path / "cloud"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    services = _services(laptop_store, team)
    win = show_main_window(qtbot, services, profile)
    win.settings_action.trigger()
    qtbot.waitUntil(lambda: win.commands.settings_dialog is not None, timeout=5000)
    dialog = win.commands.settings_dialog
    editors = dialog.editors
    assert editors[cfg.SYNC_FOLDER].text() == ""
    assert not editors[cfg.SYNC_AT_START].isChecked()
    editors[cfg.SYNC_FOLDER].choose.click()  # the folder picker
    assert editors[cfg.SYNC_FOLDER].text() == str(folder)
    editors[cfg.SYNC_AT_START].setChecked(True)
    editors[cfg.SYNC_AT_CLOSE].setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: services.settings.get(cfg.SYNC_AT_CLOSE), timeout=5000)
    assert services.settings.get_many(cfg.SYNC_FOLDER, cfg.SYNC_AT_START) == (str(folder), True)
    qtbot.waitUntil(lambda: win.sync_status.status.folder == str(folder), timeout=5000)
    win.commands.settings_dialog = None
    win.settings_action.trigger()
    qtbot.waitUntil(lambda: win.commands.settings_dialog is not None, timeout=5000)
    again = win.commands.settings_dialog.editors
    assert again[cfg.SYNC_FOLDER].text() == str(folder) and again[cfg.SYNC_AT_CLOSE].isChecked()
    win.commands.settings_dialog.reject()
    win.close()  # syncs first (at close is on now): wait, so no sync outlives this test
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=20000)


def test_the_sync_status_follows_a_language_switch(qtbot, qapp, team, laptop_store, profile):
    from test_language_switch import OPEN, PseudoTranslator

    win = show_main_window(qtbot, _services(laptop_store, team), profile)
    label = win.sync_status.label
    qtbot.waitUntil(lambda: "Last sync: never" in label.text())
    pseudo = PseudoTranslator(qapp)
    qapp.installTranslator(pseudo)  # a LanguageChange to every window, as a switch sends
    try:
        qtbot.waitUntil(lambda: label.text().startswith(OPEN) and OPEN in label.toolTip())
        assert OPEN in win.sync_status.button.text()
        assert OPEN in win.sync_status.sync_action.text()
    finally:
        qapp.removeTranslator(pseudo)
    qtbot.waitUntil(lambda: label.text().startswith("Last sync: never"))


def test_a_failed_sync_at_close_never_keeps_the_window_open(qtbot, team, laptop_store, profile,
                                                           tmp_path):
    stick = tmp_path / "pulled-stick"
    services = _services(laptop_store, team, SYNC_FOLDER=str(stick), SYNC_AT_CLOSE=True)
    win = show_main_window(qtbot, services, profile)
    qtbot.waitUntil(lambda: win.sync_status.status is not None)
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=20000)
    assert win.sync_status.last_error is not None and not stick.exists()
