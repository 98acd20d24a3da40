"""Screenshots of the office window's Portfolio tab: all customers, filters on, a search, the
Vietnamese window and an empty office.

Not a test (pytest does not collect it). Usage, from the checkout:

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/office_screenshots.py OUTDIR

Under Xvfb the assignment dialog is taken with the screen (a grab of the window alone
leaves it out). It builds a throw-away demo office (300 customers, three collectors) in a temporary folder.
"""

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.domain.office_filters import CustomerFilter
from fieldapp.paths import Profile
from fieldapp.services.demo import generate
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.office.portfolio_model import OfficeCustomerModel
from fieldapp.ui.office.window import OfficeWindow

TODAY = date(2026, 11, 22)
OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
app = make_app([], "en")


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


def shoot(win, name):
    settle()
    win.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def office(home: Path, customers: int):
    profile = Profile(home).ensure()
    store = open_store(profile.office_database)
    services = build(store, TODAY, actor="screenshots")
    if customers:
        generate(store, customers, seed=2026, today=TODAY)
        for name, province in (("Nguyễn Thị Lan", "TP. Hồ Chí Minh"), ("Trần Văn Bảo", "Hà Nội"),
                               ("林美玲", "")):
            collector, _changes = services.collectors.add(name, "0903 555 0" + str(len(name)))
            if province:
                services.assignments.assign(collector.id, wanted=CustomerFilter(province=province))
    return profile, store, services


def loaded(win, action):
    model = win.portfolio.model
    action()
    settle(150)
    wait(lambda: not model.loading and model.matching is not None)


def select_first(win):
    view = win.portfolio
    view.table.selectRow(0)
    wait(lambda: view.pane.shown is not None)


with tempfile.TemporaryDirectory() as tmp:
    profile, store, services = office(Path(tmp) / "demo", 300)
    win = OfficeWindow(services, profile)
    win.resize(1440, 860)
    win.show()
    view, bar = win.portfolio, win.portfolio.filters
    wait(lambda: view.model.rowCount() > 0 and bar.collector.count() > 2)
    select_first(win)
    shoot(win, "office-portfolio.png")
    header = view.table.horizontalHeader()
    loaded(win, lambda: bar.aging.setCurrentIndex(bar.aging.findData("90+")))
    loaded(win, lambda: bar.above.setText("50,000,000"))
    loaded(win, lambda: header.setSortIndicator(OfficeCustomerModel.LATE,
                                                Qt.SortOrder.DescendingOrder))
    select_first(win)
    shoot(win, "office-portfolio-filters.png")
    view.assign.matching_button.click()
    dialog = view.assign.dialog
    wait(lambda: dialog.ok.isEnabled())
    settle()
    app.primaryScreen().grabWindow(0).save(str(OUT / "office-portfolio-assign-all.png"))
    print("wrote", OUT / "office-portfolio-assign-all.png")
    dialog.reject()
    loaded(win, lambda: bar.clear_button.click())
    loaded(win, lambda: bar.collector.setCurrentIndex(1))
    loaded(win, lambda: view.search_box.setText("minh"))
    select_first(win)
    shoot(win, "office-portfolio-search.png")
    win.language_menu.choose("vi")
    settle(800)
    shoot(win, "office-portfolio-vi.png")
    win.language_menu.choose("en")
    win.close()
    store.close()
    profile, store, services = office(Path(tmp) / "empty", 0)
    empty = OfficeWindow(services, profile)
    empty.resize(1280, 720)
    empty.show()
    wait(lambda: empty.portfolio.model.matching is not None)
    shoot(empty, "office-portfolio-empty.png")
    empty.close()
    store.close()
