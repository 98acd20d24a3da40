"""Regenerate docs/screenshots/sync-status*.png: the laptop's sync status in the status bar and
its details (Sync › Sync status…), after a sync through a sync folder with a real office.

Not a test (pytest does not collect it). Usage, from the checkout (it makes a throw-away office
and an enrolled demo laptop under WORK through the command line, about a minute):

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb PYTHONPATH=$PWD .venv/bin/python \\
        tests/ui/sync_screenshots.py WORK docs/screenshots
"""

import sys
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent

from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.services import settings as cfg
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.main_window import MainWindow
from tests import laptop_db
from tests.sync_team import Team

WORK, OUT = Path(sys.argv[1]), Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
team = Team(Team.template(WORK / "template"), WORK / "team")
folder = WORK / "shared"
folder.mkdir(exist_ok=True)
app = make_app([])
store = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
services = app_services.build(store, home=team.laptop)
services.settings.set(cfg.SYNC_FOLDER, str(folder))
win = MainWindow(services, Profile(WORK / "profile").ensure(), ask_collector=False)
win.resize(1280, 800)
win.show()


def wait(condition, seconds=60):
    end = time.time() + seconds
    while not condition():
        if time.time() > end:
            raise SystemExit(f"timed out waiting for {condition}")
        app.processEvents()
        time.sleep(0.01)


def settle(ms=300):
    end = time.time() + ms / 1000
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shot(widget, name):
    settle(400)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path), "PNG")
    with Image.open(path) as im:
        im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                   dither=Image.Dither.NONE).save(path, optimize=True)
    print(path, path.stat().st_size // 1024, "KB")


def sync():
    results = win.sync_status
    wait(lambda: results.status is not None and results.status.folder)  # else it asks for one
    results.last_result = None
    results.sync_now()
    wait(lambda: results.last_result is not None and results.task is None)
    settle(600)


sync()  # the day bundle goes to the office
team.import_and_ack(folder)
team.pack(folder)
sync()  # the ack and the pack come back
shot(win.statusBar(), "sync-status-bar")
win.sync_status.show_details()
shot(win.sync_status.box, "sync-status-details")
win.sync_status.box.close()
win.close()
store.close()
