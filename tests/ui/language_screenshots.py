"""Regenerate docs/screenshots/lang-<language>-*.png: the window in each UI language, under Xvfb.

Not a test (pytest does not collect it). For each of vi, zh_TW and zh_CN it shows a customer of
that language, the Follow-ups list, and a visit's Resolve step with a promise, an installment plan
and a dispute. Usage, from the checkout:

    .venv/bin/fieldapp demo-data --customers 300 --home /tmp/langdemo
    Xvfb :99 -screen 0 1440x900x24 &
    for lang in vi zh_TW zh_CN; do
        DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/language_screenshots.py \\
            /tmp/langdemo docs/screenshots $lang
    done

It leaves an unfinished visit in the profile: use a throw-away copy.
"""

import sys
import time
from datetime import timedelta
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.visit import (Dispute, DisputeReason, InstallmentPlan, OutcomeKind, Promise,
                                   VisitKind)
from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.main_window import MainWindow

HOME, OUT, LANGUAGE = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
OUT.mkdir(parents=True, exist_ok=True)
app = make_app([], ui_language=LANGUAGE)
profile = Profile(HOME).ensure()
store = open_store(profile.database)
services = app_services.build(store)
win = MainWindow(services, profile, ask_collector=False)
win.resize(1280, 800)
win.show()


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
    settle(300)
    path = OUT / f"lang-{LANGUAGE}-{name}.png"
    widget.grab().save(str(path), "PNG")
    with Image.open(path) as im:  # few colours in a UI: a palette keeps it small and sharp
        im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                   dither=Image.Dither.NONE).save(path, optimize=True)
    print(path, path.stat().st_size // 1024, "KB")


def pick():
    """A customer of this language with several open invoices and some history."""
    best = None
    for cid in range(1, services.portfolio.count_customers() + 1):
        file = services.portfolio.open_customer(cid)
        if file.customer.language.value != LANGUAGE or not file.contacts:
            continue
        ctx = services.visits.context(cid)
        open_ones = [i for i in ctx.invoices if not i.disputed]
        rank = (len(open_ones) < 3, -len(services.visits.history(cid)))
        if best is None or rank < best[0]:
            best = (rank, file, ctx)
    if best is None:
        raise SystemExit(f"no {LANGUAGE} customer with contacts in {HOME}")
    return best[1], best[2]


def customer_and_follow_ups(file):
    win.customer_view.open(file.customer.id)
    wait(lambda: win.customer_view.file is not None
         and win.customer_view.file.customer.id == file.customer.id)
    shot(win, "customer")
    win.follow_ups_action.trigger()  # Ctrl+3
    wait(lambda: win.follow_up_view.isVisible() and win.follow_up_view.model.rowCount() > 0)
    shot(win, "follow-ups")


def resolve_step(file, ctx):
    opened = []
    win.launcher.opened.connect(opened.append)
    win.launcher.start(file.customer.id, VisitKind.VISIT)
    wait(lambda: opened and opened[0].session.errors)
    w = opened[0]
    w.resize(1280, 860)
    steps = [s.id for s in w.setup.checklist.steps]
    w.navigator._show(steps.index("resolve"))  # a picture: skip the steps before it
    wait(lambda: steps[w.navigator.current] == "resolve")
    resolve = w.page("resolve")
    open_ones = [i for i in ctx.invoices if not i.disputed]
    currency = open_ones[0].balance.currency
    contact = file.contacts[0].name
    now = w.setup.clock()
    day = now.date() + timedelta(days=10)
    disputed = open_ones[-1]
    resolve.add(OutcomeKind.DISPUTE, Dispute(
        DisputeReason.QUALITY, (disputed.id,), _words("dispute"), _words("resolution"), now),
        focus=False)
    first = open_ones[0].balance.minor
    unit = 100_000 if currency == "VND" else 100
    promise = Money(max(unit, first // 3 // unit * unit), currency)
    resolve.add(OutcomeKind.PROMISE, Promise(promise, day, contact), focus=False)
    total = Money(max(unit * 4, first // unit * unit), currency)
    lines = build_schedule(total, 4, day + timedelta(days=20), Frequency.MONTHLY)
    resolve.add(OutcomeKind.INSTALLMENT_PLAN, InstallmentPlan(total, lines, Frequency.MONTHLY),
                focus=False)
    settle(800)
    resolve.verticalScrollBar().setValue(0)
    shot(w, "resolve")
    return w


def _words(what):
    texts = {
        "vi": {"dispute": "32 bao xi măng bị ướt, vón cục; khách giữ lại làm bằng chứng",
               "resolution": "Đổi 32 bao mới, sau đó thanh toán hóa đơn này"},
        "zh_TW": {"dispute": "第三批貨受潮，32 包水泥結塊，客戶保留作為證據",
                  "resolution": "換新 32 包後再付這張發票"},
        "zh_CN": {"dispute": "第三批货受潮，32 包水泥结块，客户保留作为证据",
                  "resolution": "换新 32 包后再付这张发票"},
    }
    return texts[LANGUAGE][what]


wait(lambda: win.route_view.model.rowCount() > 0)
settle(500)
customer, context = pick()
customer_and_follow_ups(customer)
visit = resolve_step(customer, context)
visit.close()
wait(lambda: not win.launcher.windows)
win.close()
store.close()
