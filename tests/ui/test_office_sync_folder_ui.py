"""The office window and its sync folder over a real office store and real signed bundles: the
watcher imports a bundle written into to-office, Import arrived bundles answers the laptop
with the passphrase asked once, bundles dropped on the window are imported (other files named),
the Laptops tab's empty state, and a laptop's clock skew flagged."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from fieldapp.files import write_atomically
from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.sync import folder
from fieldapp.ui.office.devices_view import FLAGGED, SKEW_COLUMN
from fieldapp.ui.office.window import OfficeWindow
from tests.sync_helpers import PASS, enroll_laptop, office_with_ca

A = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0"
LAST_BUNDLE, LAST_ACK = 4, 11


def now():
    return datetime.now(timezone.utc)


@pytest.fixture
def office(tmp_path):
    store = open_store(tmp_path / "office.db")
    profile = Profile(tmp_path / "office-profile").ensure()
    office_with_ca(store, profile.home, now)
    laptop = enroll_laptop(store, profile.home, now, A, "Trần Minh Khoa")
    root = tmp_path / "shared"
    root.mkdir()
    yield store, profile, laptop, root
    store.close()


def open_window(qtbot, store, profile) -> OfficeWindow:
    window = OfficeWindow(build(store, actor="test"), profile)
    qtbot.addWidget(window)
    window.show()
    return window


def cell(window, column: int) -> str:
    item = window.devices.laptops.item(0, column)
    return item.text() if item else ""


def test_the_watcher_imports_a_bundle_written_into_the_folder(qtbot, office):
    store, profile, laptop, root = office
    build(store).sync_folder.configure(root, True)
    window = open_window(qtbot, store, profile)
    qtbot.waitUntil(lambda: folder.to_office(root).is_dir()
                    and window.sync.watcher.directories() != [])
    assert "Watching" in window.sync.label.text()
    bundle = folder.to_office(root) / f"day-{A}-000001.zip"
    write_atomically(bundle, laptop.bundle(1, now()))
    # Quicker than the fallback timer: the watcher saw it.
    qtbot.waitUntil(lambda: not bundle.exists() and cell(window, LAST_BUNDLE) == "1",
                    timeout=10_000)
    qtbot.waitUntil(lambda: "Acknowledgements wait for the CA passphrase"
                    in window.sync.label.text())
    assert "Bundles waiting: 0" in window.sync.label.text()
    assert not folder.to_laptop(root, A).exists()  # no passphrase: no ack yet
    window.close()


def test_import_arrived_bundles_asks_the_passphrase_once_and_answers_the_laptop(
        qtbot, office, monkeypatch):
    store, profile, laptop, root = office
    build(store).sync_folder.configure(root, False)
    window = open_window(qtbot, store, profile)
    qtbot.waitUntil(lambda: "Last import: never" in window.sync.label.text())
    write_atomically(folder.to_office(root) / "day-1.zip", laptop.bundle(1, now()))
    asked = []

    def get_text(parent, title, label, echo):
        asked.append(echo)
        return PASS, True
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window.sync_now_action.trigger()
    qtbot.waitUntil(lambda: getattr(window.sync, "summary", None) is not None, timeout=10_000)
    assert "Imported: 1" in window.sync.summary.text()
    assert "Acknowledgements written: 1" in window.sync.summary.text()
    assert asked == [QLineEdit.EchoMode.Password]
    assert sorted(p.name for p in folder.to_laptop(root, A).iterdir()) == [
        f"ack-{A}-000001.zip", f"pack-{A[:8]}-v1.zip"]
    qtbot.waitUntil(lambda: cell(window, LAST_ACK).startswith("1, "))
    window.send_packs_action.trigger()  # the passphrase is remembered: not asked again
    qtbot.waitUntil(lambda: "Packs written: 1" in window.sync.summary.text()
                    and "Imported: 0" in window.sync.summary.text(), timeout=10_000)
    assert len(asked) == 1
    assert sorted(p.name for p in folder.to_laptop(root, A).iterdir()) == [
        f"ack-{A}-000001.zip", f"pack-{A[:8]}-v2.zip"]  # the older pack removed
    window.close()


def drag(target, mime) -> bool:
    """A real drag entering ``target`` and, if it is welcome, dropped there; True if it was."""
    with warnings.catch_warnings():  # Qt 6 deprecates the QPoint form; PySide offers no other
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(40, 40), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def files(paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_bundles_dropped_on_the_window_are_imported_and_other_files_named(
        qtbot, office, tmp_path):
    store, profile, laptop, root = office
    window = open_window(qtbot, store, profile)
    bundle, notes = tmp_path / "day-1.zip", tmp_path / "notes.txt"
    bundle.write_bytes(laptop.bundle(1, now()))
    notes.write_text("not a bundle")
    text = QMimeData()
    text.setText("day-1.zip")
    assert not drag(window, text)  # only files are welcome
    window.tabs.setCurrentWidget(window.devices)
    assert drag(window.devices.bundles.viewport(), files([bundle, notes]))  # onto the tab
    assert "notes.txt" in window.not_bundles.text() and "day-1.zip" not in (
        window.not_bundles.text())
    qtbot.waitUntil(lambda: getattr(window.devices, "summary", None) is not None,
                    timeout=10_000)
    assert "Imported: 1" in window.devices.summary.text()
    qtbot.waitUntil(lambda: cell(window, LAST_BUNDLE) == "1")
    assert window.tabs.currentWidget() is window.devices
    window.close()


def test_a_laptop_clock_ahead_by_a_quarter_hour_is_flagged(qtbot, office):
    store, profile, laptop, root = office
    build(store).sync_folder.configure(root, False)
    write_atomically(folder.to_office(root) / "day-1.zip",
                     laptop.bundle(1, now() + timedelta(minutes=15)))
    build(store).sync_folder.sync(profile.home, root, None)
    window = open_window(qtbot, store, profile)
    qtbot.waitUntil(lambda: cell(window, SKEW_COLUMN) != "")
    assert cell(window, SKEW_COLUMN) == "15 min ahead"
    item = window.devices.laptops.item(0, SKEW_COLUMN)
    assert item.background().color() == FLAGGED and "10 minutes" in item.toolTip()
    window.close()


def test_the_laptops_tab_says_how_to_enroll_when_no_laptop_is(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    window = open_window(qtbot, store, Profile(tmp_path / "p").ensure())
    view = window.devices
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.empty_label.isVisible())
    assert not view.laptops.isVisible()
    assert view.empty_label.text().startswith("No laptop is enrolled yet.")
    assert "fieldapp office enroll" in view.empty_label.text()
    assert window.sync.label.text() == "No sync folder"
    window.close()
    store.close()


def test_the_sync_folder_dialog_stores_the_folder_for_the_office(qtbot, office):
    store, profile, laptop, root = office
    window = open_window(qtbot, store, profile)
    window.sync_folder_action.trigger()
    dialog = window.sync.dialog
    dialog.folder_edit.setText(str(root))
    dialog.watch_box.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.sync.watching and window.sync.root == root)
    assert (build(store).sync_folder.root(), build(store).sync_folder.watching()) == (root, True)
    window.close()
