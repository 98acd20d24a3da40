"""Regenerate docs/screenshots/doc-preview*.png: the document viewer and the Documents tab.

Not a test (pytest does not collect it). Usage, from the checkout:

    .venv/bin/fieldapp demo-data --customers 300 --home /tmp/docdemo
    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/doc_screenshots.py \
        /tmp/docdemo docs/screenshots

It writes into the profile (statements, an agreement for ink): use a throw-away copy.
"""

import sys
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QDate, QEvent
from PySide6.QtWidgets import QApplication

from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.services.documents import DocumentKind
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.main_window import MainWindow

OUT = Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
app = make_app([])
profile = Profile(Path(sys.argv[1])).ensure()
store = open_store(profile.database)
services = app_services.build(store)
win = MainWindow(services, profile, ask_collector=False)
win.resize(1280, 800)
win.show()
opened = []
win.documents.opened.connect(opened.append)


def wait(condition, seconds=20):
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
    # Few colours: a 256-colour palette keeps text and tints intact at a fraction of the size.
    with Image.open(path) as im:
        im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                   dither=Image.Dither.NONE).save(path, optimize=True)
    print(path, path.stat().st_size // 1024, "KB")


def customer_with(kinds, language):
    """A customer in ``language`` whose documents include every kind in ``kinds``."""
    for cid in range(1, services.portfolio.count_customers() + 1):
        docs = services.documents.of_customer(cid)
        if kinds <= {d.kind for d in docs}:
            file = services.portfolio.open_customer(cid)
            if file.customer.language.value == language:
                return file, docs
    raise SystemExit(f"no {language} customer with {kinds}")


def show_customer(file):
    view = win.customer_view
    loaded = []
    view.documents.loaded.connect(loaded.append)
    view.open(file.customer.id)
    wait(lambda: file.customer.id in loaded)
    view.documents.loaded.disconnect(loaded.append)
    return view


def chinese_customer(language):
    """A customer in ``language`` with open invoices (their statement has something to say)."""
    for cid in range(1, services.portfolio.count_customers() + 1):
        file = services.portfolio.open_customer(cid)
        if file.customer.language.value == language and file.open_invoices:
            return file
    raise SystemExit(f"no {language} customer with open invoices")


def open_viewer(trigger):
    count = len(opened)
    trigger()
    wait(lambda: len(opened) > count)
    viewer = opened[-1]
    viewer.resize(1180, 860)
    settle(600)  # QtPdf renders pages in the background
    return viewer


# The Documents tab of a Vietnamese customer who signed an installment agreement.
file, docs = customer_with({DocumentKind.VISIT_RECORD, DocumentKind.AGREEMENT}, "vi")
view = show_customer(file)
# An agreement printed for ink and a statement, so the list shows every kind there is.
visit_uuid = next(d.visit_uuid for d in docs if d.kind is DocumentKind.AGREEMENT)
ink = open_viewer(lambda: win.documents.agreement_for_print(visit_uuid, 1, file.customer.name))
ink.close()
statement = open_viewer(lambda: win.make_statement())
shot(statement, "doc-preview-statement")
statement.close()
wait(lambda: view.documents.model.rowCount() == len(docs) + 2)
view.tabs.setCurrentWidget(view.documents)
view.documents.table.selectRow(0)
win.activateWindow()
shot(win, "doc-preview-tab")

# The Visits tab: the selected visit's documents and the agreement for ink.
view.tabs.setCurrentWidget(view.visits)
view.visits.select_uuid(visit_uuid)
wait(lambda: view.visits.documents_bar.docs)
shot(win, "doc-preview-visits")

# The visit record in the viewer.
record = next(d for d in docs if d.kind is DocumentKind.VISIT_RECORD)
viewer = open_viewer(lambda: win.documents.open(record, file.customer.name))
shot(viewer, "doc-preview")
viewer.close()

# Traditional Chinese in the page and the panel: a Taiwanese customer's installment
# agreement if the demo history has one, else a statement made now.
try:
    file_tw, docs_tw = customer_with({DocumentKind.AGREEMENT}, "zh_TW")
    agreement_tw = next(d for d in docs_tw if d.kind is DocumentKind.AGREEMENT)
    viewer = open_viewer(lambda: win.documents.open(agreement_tw, file_tw.customer.name))
except SystemExit:
    show_customer(chinese_customer("zh_TW"))
    viewer = open_viewer(lambda: win.make_statement())
shot(viewer, "doc-preview-zh")
viewer.close()

# File › Print agreements of a day… on the day of the first agreement.
win.print_day_action.trigger()
dialog = win.commands.day_dialog
made = record.created_at.date()
dialog.day.setDate(QDate(made.year, made.month, made.day))
wait(lambda: dialog.count() > 0)
shot(dialog, "doc-preview-day")
dialog.close()
win.close()
QApplication.processEvents()
