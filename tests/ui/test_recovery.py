"""A visit killed mid-way (SIGKILL) loses nothing: the next start offers the draft back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store

from conftest import copy_db, show_main_window
from ui_expect import TODAY
from visit_helpers import press, wait_active

OBJECTIVE = "Gap chi Huong, chot ngay tra 15 trieu"

# The child: the real window on the profile, Ctrl+N on a customer, keys into the Plan step,
# then it waits until a services call sees the typed text in the stored draft and says READY.
CHILD = r"""
import sys, time
from datetime import date
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.main_window import MainWindow

home, customer_id, objective = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
app = make_app([])
profile = Profile(home).ensure()
services = app_services.build(open_store(profile.database), date.fromisoformat(sys.argv[4]))
window = MainWindow(services, profile, ask_collector=False)
window.show()
opened = []
window.launcher.opened.connect(opened.append)
window.customer_view.file_shown.connect(
    lambda _cid: QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier))
window.customer_view.open(customer_id)

def wait(condition, seconds=10):
    end = time.time() + seconds
    while not condition():
        if time.time() > end:
            sys.exit("timed out")
        app.processEvents()
        time.sleep(0.01)

wait(lambda: opened and opened[0].session.errors)
visit_window = opened[0]
visit_window.activateWindow()
wait(lambda: QApplication.activeWindow() is visit_window)
QTest.keyClicks(QApplication.focusWidget(), objective)
QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
QTest.keyClicks(QApplication.focusWidget(), "15000000")
uuid = visit_window.session.visit.uuid

def landed():
    answers = services.visits.load(uuid).answers
    return answers.get("objective") == objective and answers.get("target_amount")

wait(landed)
print("READY", uuid, flush=True)
app.exec()
"""


def test_a_killed_visit_is_offered_back_at_the_next_start(qtbot, history_db, tmp_path):
    home = tmp_path / "home"
    copy_db(history_db, home)
    profile = Profile(home).ensure()
    store = open_store(profile.database)
    services = app_services.build(store, TODAY)
    customer = next(c for c in range(1, 81) if services.visits.context(c).invoices)
    name = services.portfolio.open_customer(customer).customer.name
    store.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(customer), OBJECTIVE,
                              TODAY.isoformat()], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    try:
        line = child.stdout.readline()  # blocks until READY (or the child died)
        assert line.startswith("READY"), child.stderr.read()
        uuid = line.split()[1]
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    store = open_store(profile.database)  # the killed process left a WAL behind: SQLite replays it
    try:
        services = app_services.build(store, TODAY)
        window = show_main_window(qtbot, services, profile)
        qtbot.waitUntil(lambda: window.commands.recovery_dialog is not None, timeout=5000)
        dialog = window.commands.recovery_dialog
        wait_active(qtbot, dialog)
        rows = dialog.model.records()
        assert [(d.uuid, d.customer_name, d.kind.value) for d in rows] == [(uuid, name, "visit")]
        assert dialog.model.index(0, 1).data() == "Visit"
        with qtbot.waitSignal(window.launcher.opened, timeout=5000) as opened:
            press(qtbot, Qt.Key.Key_Return)  # Resume is the default button
        resumed = opened.args[0]
        plan = resumed.page("plan")
        assert plan.fields["objective"].value() == OBJECTIVE
        assert plan.fields["target_amount"].value() == {"minor": 15_000_000, "currency": "VND"}
        resumed.close()
        window.close()
    finally:
        store.close()


@pytest.mark.parametrize("answer", ["discard", "later"])
def test_the_recovery_dialog_discards_after_asking_or_waits(qtbot, live_services, profile, answer):
    visits = live_services.visits
    customer = next(c for c in range(1, 81) if visits.context(c).invoices)
    visits.start(customer)
    window = show_main_window(qtbot, live_services, profile)
    qtbot.waitUntil(lambda: window.commands.recovery_dialog is not None, timeout=5000)
    dialog = window.commands.recovery_dialog
    wait_active(qtbot, dialog)
    if answer == "later":
        press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
        assert len(visits.drafts()) == 1
        return
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.question is not None, timeout=2000)
    wait_active(qtbot, dialog.question)
    with qtbot.waitSignal(dialog.emptied, timeout=5000):
        press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "&Discard" confirms
    assert visits.drafts() == []
