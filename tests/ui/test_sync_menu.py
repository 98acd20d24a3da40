"""The window's Sync menu on real profiles: refusal before enrollment, the certificate request,
a full enrollment answered by a real office (subprocess CLI), then a day bundle sent."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from PySide6.QtWidgets import QFileDialog

from fieldapp.domain.errors import FieldappError
from fieldapp.ui.error_text import describe
from conftest import show_main_window

PASSPHRASE = "Mật khẩu công ty 2026"
COLLECTOR = "Trần Minh Khoa"


def _office(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_CA_PASSPHRASE=PASSPHRASE)
    out = subprocess.run([sys.executable, "-m", "fieldapp", "office", *args], capture_output=True,
                         text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    return out


@pytest.fixture
def window(qtbot, live_services, profile):
    win = show_main_window(qtbot, live_services, profile)
    qtbot.waitUntil(lambda: win.sync_menu.enroll_action.isEnabled())
    return win


def _answered(qtbot, win):
    qtbot.waitUntil(lambda: win.sync_menu.box is not None and win.sync_menu.box.isVisible())
    box = win.sync_menu.box
    text = box.text()
    box.close()
    win.sync_menu.box = None
    return text


def _titles(win):
    return [a.text() for a in win.menuBar().actions()]


def test_the_sync_menu_is_in_the_menu_bar_and_refuses_to_send_before_enrollment(
        qtbot, window, tmp_path, monkeypatch):
    menu = window.sync_menu.menu
    assert menu.menuAction() in window.menuBar().actions()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Sync &now", "Sync s&tatus…", "&Enroll this laptop…", "&Install the office's answer…", "&Send to the office…",
        "&Receive assignment pack…", "Take &acknowledgement…", "From the &office…"]
    out = tmp_path / "sync"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.sync_menu.send_action.trigger()
    assert _answered(qtbot, window) == describe(FieldappError("sync.not_enrolled"))
    assert not list(out.glob("*.zip"))


def test_enrolling_through_the_menu_then_sending_writes_a_day_bundle(
        qtbot, window, tmp_path, monkeypatch):
    request = tmp_path / "laptop.csr"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(request), ""))
    window.sync_menu.enroll_action.trigger()
    assert str(request) in _answered(qtbot, window)
    assert request.read_bytes().startswith(b"-----BEGIN CERTIFICATE REQUEST-----")

    office = tmp_path / "office"
    _office("init", "--company", "Công ty Thu hồi nợ ACME", "--home", str(office))
    from fieldapp.store.engine import open_store
    from fieldapp.store.tables import CollectorRow
    store = open_store(office / "office.db")
    try:
        with store.sessions.begin() as session:
            session.add(CollectorRow(id="c0000000-0000-4000-8000-000000000001", name=COLLECTOR,
                                     created_at="2026-11-29T00:00:00+00:00"))
    finally:
        store.close()
    answer = tmp_path / "answer.zip"
    _office("enroll", str(request), "--collector", COLLECTOR, "--out", str(answer),
            "--home", str(office))

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answer), ""))
    window.sync_menu.install_action.trigger()
    assert COLLECTOR in _answered(qtbot, window)
    qtbot.waitUntil(lambda: not window.sync_menu.enroll_action.isEnabled())
    assert COLLECTOR in window.sync_menu.enroll_action.toolTip()
    assert not window.sync_menu.install_action.isEnabled()

    out = tmp_path / "sync"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    window.sync_menu.send_action.trigger()
    text = _answered(qtbot, window)
    bundles = sorted(out.glob("day-*.zip"))
    assert len(bundles) == 1 and "1 bundles waiting" in text
    assert text.startswith("A day bundle with ")
    with zipfile.ZipFile(bundles[0]) as zipped:
        assert "manifest.json" in zipped.namelist()
    # The folder is remembered in the profile's settings for next time.
    assert window.sync_menu._folder() == str(out)

    # The office's pack for this collector: applied from the menu, and every view reloads.
    packs = tmp_path / "packs"
    _office("pack", "--collector", COLLECTOR, "--out", str(packs), "--home", str(office))
    pack = next(packs.glob("pack-*.zip"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack), ""))
    with qtbot.waitSignal(window.signals.data_changed, timeout=20000) as published:
        window.sync_menu.receive_action.trigger()
    assert published.args[0].all_customers and published.args[0].route
    assert _answered(qtbot, window).startswith("Assignment pack version 1 applied")
    # The same pack again is refused with its coded reason, and nothing is published.
    window.sync_menu.receive_action.trigger()
    assert _answered(qtbot, window) == describe(
        FieldappError("sync.pack_not_newer", version=1, applied=1))
