"""Screenshots of the demo office after a day of imported visits: the Laptops tab (device health,
a quarantined bundle selected), the Inbox, the dispute queue and the Dashboard, in English and
Vietnamese.

Not a test (pytest does not collect it). Usage, from the checkout:

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb PYTHONPATH=$PWD .venv/bin/python \\
        tests/ui/office_sync_screenshots.py OUTDIR [LANG…]

It prepares the demo office of `fieldapp office --demo` in a temporary folder and drops two
bad files on it (a zip that is no bundle, and a day bundle whose member was changed), which are
quarantined with their reasons.
"""

import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

from fieldapp.domain.queues import MONEY, QUEUES
from fieldapp.office_cli import demo as office_demo
from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui import language
from fieldapp.ui.app import make_app
from fieldapp.ui.office.window import OfficeWindow

TODAY = date(2026, 11, 27)
OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
app = make_app([], "en")


def settle(ms=600):
    end = time.time() + ms / 1000
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def wait(condition, seconds=30):
    end = time.time() + seconds
    while not condition():
        if time.time() > end:
            raise SystemExit(f"timed out waiting for {condition}")
        app.processEvents()
        time.sleep(0.01)


def bad_files(folder: Path) -> list[Path]:
    """A zip that is no bundle, and a day bundle from a laptop of another company (the golden
    one of the tests, signed under their own CA)."""
    junk = folder / "day-photos.zip"
    with zipfile.ZipFile(junk, "w") as z:
        z.writestr("photo.txt", "not a bundle")
    stranger = folder / "day-other-company.zip"
    stranger.write_bytes((Path(__file__).parents[1] / "golden" / "day_v1.zip").read_bytes())
    return [junk, stranger]


with tempfile.TemporaryDirectory() as tmp:
    profile = Profile(Path(tmp) / "office").ensure()
    office_demo.prepare(profile, TODAY)
    store = open_store(profile.office_database)
    services = build(store, TODAY, actor="screenshots")
    services.device_health.import_paths(profile.home, bad_files(Path(tmp)))
    win = OfficeWindow(services, profile)
    win.resize(1440, 860)
    win.show()
    for lang in sys.argv[2:] or ("en", "vi"):
        language.switch(app, lang)
        settle()
        win.tabs.setCurrentWidget(win.devices)
        wait(lambda: win.devices.laptops.rowCount() > 0 if hasattr(win.devices, "laptops")
             else True)
        settle(1200)
        table = win.devices.bundles
        picked = [r for r in range(table.rowCount())
                  if table.item(r, 1).text() == "day-other-company.zip"]
        table.selectRow(picked[0])  # a quarantined bundle: Retry and Discard
        settle(600)
        win.grab().save(str(OUT / f"office-laptops-{lang}.png"))
        win.tabs.setCurrentWidget(win.inbox)
        settle(2500)
        win.grab().save(str(OUT / f"office-inbox-{lang}.png"))
        win.tabs.setCurrentWidget(win.queues)
        win.queues.queue_list.setCurrentRow(0)  # the disputes and their 24-hour deadline
        settle(2500)
        win.grab().save(str(OUT / f"office-queues-disputes-{lang}.png"))
        win.queues.queue_list.setCurrentRow(QUEUES.index(MONEY))  # money to confirm
        settle(2000)
        win.grab().save(str(OUT / f"office-queues-money-{lang}.png"))
        win.tabs.setCurrentWidget(win.dashboard)
        win.dashboard.show_button.click()
        settle(6000)
        win.grab().save(str(OUT / f"office-dashboard-{lang}.png"))
        print("wrote", lang)
    win.close()
    store.close()
