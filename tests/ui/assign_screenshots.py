"""Screenshots of the office's collectors tab, the assign question, Undo and the history.

Not a test (pytest does not collect it). Usage, from the checkout:

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/assign_screenshots.py OUT [LANG]

It builds a throw-away office database (the demo portfolio, six collectors) in a temp folder.
"""

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from fieldapp.domain.office_filters import CustomerFilter
from fieldapp.services.demo import generate
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.office.assign_dialog import AssignDialog
from fieldapp.ui.office.window import OfficeWindow

TODAY = date(2026, 11, 22)
COLLECTORS = [("Trần Minh Khoa", "0903 111 222", "vi"), ("Lê Thu Hà", "0912 345 678", "vi"),
              ("Nguyễn Văn Đức", "0988 765 432", "vi"), ("Phạm Thị Mai", "0935 246 810", "vi"),
              ("陳雅婷", "0912-345-678", "zh_TW"), ("王建国", "138 0013 8000", "zh_CN")]

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
app = make_app([], sys.argv[2] if len(sys.argv) > 2 else "en")
folder = Path(tempfile.mkdtemp(prefix="assign-shots-"))
store = open_store(folder / "office.db")
generate(store, customers=300, seed=2026, today=TODAY)
services = build(store, TODAY, actor="lan.supervisor")
for name, phone, language in COLLECTORS:
    services.collectors.add(name, phone=phone, language=language)
districts = [c.district for c in services.assignments.customers(CustomerFilter(), 1000)]
for (name, _p, _l), district in zip(COLLECTORS[:5], sorted(set(districts))):
    services.assignments.assign(name, wanted=CustomerFilter(district=district))
services.collectors.deactivate("王建国")


def wait(condition, seconds=20):
    end = time.time() + seconds
    while not condition():
        if time.time() > end:
            raise SystemExit(f"timed out waiting for {condition}")
        app.processEvents()
        time.sleep(0.01)


def settle(ms=400):
    end = time.time() + ms / 1000
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(name):
    settle()
    app.primaryScreen().grabWindow(0).copy(win.frameGeometry().adjusted(0, 0, 80, 80)).save(
        str(OUT / f"{name}.png"))


win = OfficeWindow(services, None)
win.resize(1280, 800)
win.move(0, 0)
win.show()
win.tabs.setCurrentWidget(win.collectors)
view = win.collectors
wait(lambda: view.model.rowCount() == 6)
view.table.selectRow(view.model.row_of(services.collectors.get("Lê Thu Hà").id))
wait(lambda: view.customers.rowCount() > 0)
shoot("collectors")
dialog = AssignDialog(win, CustomerFilter(no_collector=True), services.collectors.get(
    "Nguyễn Văn Đức").id)
dialog.open()
wait(lambda: dialog.ok.isEnabled())
shoot("assign-question")
dialog.ok.click()
wait(lambda: not dialog.isVisible())
wait(lambda: not win.taskman.busy)
shoot("assign-undo")
history = view.show_history()
wait(lambda: history.changes.rowCount() > 0)
shoot("assign-history")
print(f"written to {OUT}")
