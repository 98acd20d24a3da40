"""Screenshots of the office's import wizard: the columns and the preview of a MISA ledger with
bad rows, over a throw-away office database.

Not a test (pytest does not collect it). Usage, from the checkout:

    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/import_wizard_screenshot.py OUT [LANG]
"""

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.office.import_wizard import ImportWizard
from fieldapp.ui.office.window import OfficeWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.unit.test_importers_decoding import cp1258  # noqa: E402
from tests.unit.test_importers_presets import S31  # noqa: E402

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
LANG = sys.argv[2] if len(sys.argv) > 2 else "en"
app = make_app([], ui_language=LANG)
home = Path(tempfile.mkdtemp())
store = open_store(home / "office.db")
window = OfficeWindow(build(store), Profile(home / "profile").ensure())
window.show()
export = home / "so-chi-tiet-131.csv"
export.write_bytes(cp1258(S31))


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
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shot(widget, name):
    settle()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


wizard = ImportWizard(window)
wizard.resize(1100, 720)
wizard.show()
wizard.page(wizard.FILE).path.setText(str(export))
wizard.next()
source = wizard.page(wizard.SOURCE)
wait(lambda: source.isComplete())
shot(wizard, f"import-source-{LANG}")
wizard.next()
shot(wizard, f"import-columns-{LANG}")
wizard.next()
preview = wizard.page(wizard.PREVIEW)
wait(lambda: preview.preview is not None)
shot(wizard, f"import-preview-errors-{LANG}")
preview.skip_bad.setChecked(True)
wizard.next()
wait(lambda: wizard.page(wizard.RUN).isComplete())
shot(wizard, f"import-done-{LANG}")
window.close()
store.close()
