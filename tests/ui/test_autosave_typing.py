"""Steady typing is saved as it goes: a program killed mid-typing loses at most about a second."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store

from conftest import copy_db
from ui_expect import TODAY

TEXT = "Gap chi Huong ke toan truong, hen tra nhieu dot truoc Tet "
KEYS = 36  # at 60-260 ms a key, about six seconds of typing that never pauses for the debounce
# The promise is one second (the session's MAX_WAIT_MS); the rest is room for a save to land on a
# machine shared with other work. Typing older than this must be in the stored draft.
ALLOWED_LOSS_S = 2.0

# The child: the real window, Ctrl+N on a customer, then a timer types one key into the focused
# field (the Plan step's objective) every 60-260 ms and prints "KEY n time" once Qt handled it.
CHILD = r"""
import sys, time
from datetime import date
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.main_window import MainWindow

home, customer_id, text = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
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

def wait(condition, seconds=20):
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
print("UUID", visit_window.session.visit.uuid, flush=True)
pauses = [60 + (n * 37) % 201 for n in range(10_000)]  # 60..260 ms, never the same twice in a row
typed = 0

def type_one():
    global typed
    QTest.keyClicks(QApplication.focusWidget(), text[typed % len(text)])
    typed += 1
    print("KEY", typed, time.time(), flush=True)
    timer.start(pauses[typed])

timer = QTimer(singleShot=True)
timer.timeout.connect(type_one)
timer.start(pauses[0])
app.exec()
"""


def test_a_program_killed_mid_typing_keeps_all_but_the_last_second(demo_db, tmp_path):
    home = tmp_path / "home"
    copy_db(demo_db, home)
    profile = Profile(home).ensure()
    store = open_store(profile.database)
    customer = next(c for c in range(1, 81)
                    if app_services.build(store, TODAY).visits.context(c).invoices)
    store.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), str(customer), TEXT,
                              TODAY.isoformat()], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    typed_at: list[float] = []
    try:
        first = child.stdout.readline()
        assert first.startswith("UUID"), child.stderr.read()
        uuid = first.split()[1]
        while len(typed_at) < KEYS:  # each line is a key the window has handled
            line = child.stdout.readline()
            assert line.startswith("KEY"), child.stderr.read()
            typed_at.append(float(line.split()[2]))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        killed_at = time.time()
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    store = open_store(profile.database)  # SQLite replays the WAL the killed process left
    try:
        saved = app_services.build(store, TODAY).visits.load(uuid).answers.get("objective", "")
    finally:
        store.close()
    must_have = sum(1 for t in typed_at if t < killed_at - ALLOWED_LOSS_S)
    full = (TEXT * 2)[:KEYS]
    assert must_have >= KEYS // 2  # the test typed long enough to mean something
    assert full.startswith(saved), saved
    assert len(saved) >= must_have, (len(saved), must_have, saved)
