"""Log a call (Ctrl+L): the shorter checklist, the same outcomes, no signatures."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from fieldapp.domain.visit import Promise, VisitKind, VisitStatus

from ui_expect import TODAY
from visit_helpers import (ALT, CTRL, customer_with_open_invoices, go_on, inside, open_visit,
                           press, tab_to, type_text, wait_active)

KEY = Qt.Key


def test_log_a_call_with_a_promise(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services, "zh_TW", at_least=1)
    win = open_visit(qtbot, live_window, file.customer.id, KEY.Key_L)
    assert win.windowTitle() == f"Call — {file.customer.name}"
    steps = [s.id for s in win.setup.checklist.steps]
    assert steps == ["prepare", "meet", "listen", "resolve", "next_steps"]
    assert win.steps_list.item(1).text().endswith("Talk")
    press(qtbot, KEY.Key_Space)  # amounts, due dates and history reviewed
    go_on(qtbot, win, "meet")
    talk = win.page("meet")
    # A call speaks to someone: no "person met", no "purpose of the visit", the numbers shown.
    assert talk.captions["met_contact"].text() == "<b>Person spoken to *</b>"
    assert "purpose_stated" not in talk.fields
    dial = talk.dial.text()
    assert dial.startswith("<b>Number")
    for contact in (c for c in file.contacts if c.phone):
        assert contact.phone in dial
    press(qtbot, KEY.Key_Down)  # the first contact (the one with authority to pay)
    go_on(qtbot, win, "listen")
    type_text(qtbot, "C")  # cash-flow difficulty
    go_on(qtbot, win, "resolve")
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_P, ALT)
    qtbot.waitUntil(lambda: len(resolve.cards) == 1 and inside(resolve.cards[0]), timeout=2000)
    amount = min(ctx.collectible(win.session.visit).minor, 5_000_000)
    type_text(qtbot, f"{amount / 100:.2f}")  # TWD has cents
    tab_to(qtbot, resolve.cards[0].due_on)
    type_text(qtbot, (TODAY + timedelta(days=5)).isoformat())  # English: year first
    go_on(qtbot, win, "next_steps")
    assert win.finalize_button.isVisible() and not win.next_button.isVisible()
    press(qtbot, KEY.Key_Return, CTRL)  # the last step: Finalize
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, KEY.Key_F, ALT)
    entry = next(e for e in live_services.visits.history(file.customer.id)
                 if e.visit.uuid == win.session.visit.uuid)
    call = entry.visit
    assert call.kind is VisitKind.CALL and call.status is VisitStatus.FINAL
    assert call.customer_signature is None
    (promise,) = call.outcomes
    assert isinstance(promise, Promise) and promise.amount.minor == amount
    assert promise.amount.currency == "TWD" and promise.due_on == TODAY + timedelta(days=5)
    assert promise.promised_by == call.answers["met_contact"]
    # Its record is drawn and signed off the database thread, without anyone asking for it,
    # and the customer's Documents tab hears of it.
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=10000,
                          check_params_cb=lambda changes: changes.documents) as made:
        pass
    assert made.args[0].touches(file.customer.id)
    kinds = {d.kind.value for d in live_services.documents.of_visit(call.uuid)}
    assert "visit_record" in kinds
