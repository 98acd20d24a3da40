"""The office's Laptops tab over a real office store: laptops and their bundles listed, a
quarantined bundle's reason in words, Discard asks then removes, File › Import day bundles…
imports the chosen files and says what became of them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.services.office.enrollment import Enrollment
from fieldapp.store.engine import open_store
from fieldapp.store.tables import DeviceRow
from fieldapp.sync import office_keys
from fieldapp.ui.office.window import OfficeWindow
from tests.unit.test_office_device_health import A, B, fill

TODAY = date(2026, 11, 29)


@pytest.fixture
def win(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    fill(store)
    profile = Profile(tmp_path / "office-profile").ensure()
    window = OfficeWindow(build(store, TODAY, actor="test"), profile)
    qtbot.addWidget(window)
    view = window.devices
    qtbot.waitUntil(lambda: view.laptops.rowCount() == 2 and view.bundles.rowCount() == 4)
    yield window
    window.close()
    store.close()


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_tab_lists_laptops_and_their_bundles_with_reasons_in_words(qtbot, win):
    view = win.devices
    assert win.tabs.tabText(win.tabs.indexOf(view)) == "Laptops"
    a = cells(view.laptops, 0)
    assert (a[0], a[1], a[4], a[6], a[8]) == (A[:8], "Trần Minh Khoa", "2", "1", "1")
    assert "2" in a[7] and a[7] != "2"  # the pack's version and whether it was confirmed
    b = cells(view.laptops, 1)
    assert (b[0], b[4], b[6], b[8]) == (B[:8], "", "0", "0") and b[3]  # revoked: when
    bad = cells(view.bundles, 0)  # newest first
    assert bad[1:4] == ["bad.zip", "3", "Quarantined"]
    assert bad[4] == "The bundle's signature does not verify: it was changed or damaged."
    assert cells(view.bundles, 1)[4] == "Waiting for an earlier bundle from this laptop"
    view.laptops.selectRow(1)
    qtbot.waitUntil(lambda: view.bundles.rowCount() == 0)
    view.all_button.click()
    qtbot.waitUntil(lambda: view.bundles.rowCount() == 4)


def test_discard_asks_first_and_then_removes(qtbot, win, monkeypatch):
    view = win.devices
    view.bundles.selectRow(2)  # an imported bundle: nothing to retry or discard
    assert not view.discard_button.isEnabled() and not view.retry_button.isEnabled()
    view.bundles.selectRow(0)
    assert view.discard_button.isEnabled() and view.retry_button.isEnabled()
    asked = []

    def answer(choice):
        def question(parent, title, text, *args):
            asked.append(text)
            return choice
        return question
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    view.discard_button.click()
    assert "bad.zip" in asked[0] and view.bundles.rowCount() == 4
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    view.discard_button.click()
    qtbot.waitUntil(lambda: view.bundles.rowCount() == 3)
    assert "bad.zip" not in [cells(view.bundles, r)[1] for r in range(3)]
    qtbot.waitUntil(lambda: cells(view.laptops, 0)[8] == "0")


def test_import_day_bundles_from_the_file_menu(qtbot, win, tmp_path, monkeypatch):
    with win.services.store.sessions.begin() as session:  # B's made-up certificate: unrevoked
        session.get(DeviceRow, B).revoked_at = None
    Enrollment(None, lambda: None).create_ca(office_keys.keys_folder(win.profile.home),
                                            "pass phrase!", "ACME")
    junk = tmp_path / "day-9.zip"
    junk.write_bytes(b"PK not really a zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kw: ([str(junk)], "*.zip"))
    assert win.import_bundles_action in win.file_menu.actions()
    assert win.import_bundles_action.text() == "Import day bundles…"
    errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: errors.append(text))
    win.import_bundles_action.trigger()
    view = win.devices
    qtbot.waitUntil(lambda: bool(errors) or getattr(view, "summary", None) is not None
                    and view.summary.isVisible(), timeout=10000)
    assert errors == []
    assert "Quarantined: 1" in view.summary.text()
    assert "Imported: 0" in view.summary.text()
    assert "fieldapp office import-bundles" in view.summary.text()
    qtbot.waitUntil(lambda: view.bundles.rowCount() == 5)
    assert "day-9.zip" in [cells(view.bundles, r)[1] for r in range(5)]
    view.summary.close()


def test_a_reason_with_values_is_worded_in_the_window_language_with_them(win):
    from types import SimpleNamespace  # noqa: PLC0415

    from fieldapp.ui.error_text import words  # noqa: PLC0415
    view = win.devices
    kept = SimpleNamespace(reason="sync.unknown_signer",
                           detail="the bundle was signed by CN=Lan, who is not certified\n"
                                  '{"signer": "CN=Lan"}')
    shown = view.reason_text(kept)
    assert shown == words("sync.unknown_signer", {"signer": "CN=Lan"})
    assert "CN=Lan" in shown and "\n" not in shown and "certified" not in shown
    older = SimpleNamespace(reason="sync.unknown_signer",
                            detail="the bundle was signed by CN=Lan, who is not certified")
    assert view.reason_text(older) == older.detail  # kept before the values were: as it was
