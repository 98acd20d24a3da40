"""A finalized record is never edited: an amendment with a reason; the history shows both."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.visit import MoneyReceived, Promise, VisitKind

from ui_expect import TODAY
from visit_helpers import ALT, CTRL, go_on, press, sign, type_text, wait_active

KEY = Qt.Key


def record_with(services, predicate):
    for cid in range(1, 81):
        for entry in services.visits.history(cid):
            if entry.visit.kind is VisitKind.VISIT and any(predicate(o) for o in entry.visit.outcomes):
                return cid, entry
    raise AssertionError("the demo history has such a record")


def open_amendment(qtbot, window, cid, entry, reason):
    """Visits tab → select the record → Alt+A → type the reason → Enter."""
    view = window.customer_view
    with qtbot.waitSignal(view.visits.loaded, timeout=5000):
        view.open(cid)
    view.tabs.setCurrentWidget(view.visits)
    view.visits.select_uuid(entry.visit.uuid)
    view.visits.table.setFocus()
    wait_active(qtbot, window)
    press(qtbot, KEY.Key_A, ALT)
    qtbot.waitUntil(lambda: window.commands.reason_dialog is not None, timeout=2000)
    dialog = window.commands.reason_dialog
    wait_active(qtbot, dialog)
    assert not dialog.ok.isEnabled()  # no reason, no amendment
    type_text(qtbot, reason)
    with qtbot.waitSignal(window.launcher.opened, timeout=5000) as opened:
        press(qtbot, KEY.Key_Return)
    win = opened.args[0]
    qtbot.waitUntil(lambda: win.session.errors != {}, timeout=5000)
    wait_active(qtbot, win)
    return win


def test_amend_a_promise_and_the_history_shows_both(qtbot, live_window, live_services):
    services = live_services
    cid, entry = record_with(services, lambda o: isinstance(o, Promise) and o.due_on > TODAY)
    reason = "Khách hàng xin dời ngày hẹn thêm 3 ngày"
    win = open_amendment(qtbot, live_window, cid, entry, reason)
    assert win.amendment.isVisible() and reason in win.amendment.text()
    assert win.session.visit.amends == entry.visit.uuid

    for step in ("prepare", "meet", "listen", "resolve"):
        go_on(qtbot, win, step)
    card = win.page("resolve").cards[0]
    card.due_on.setFocus()
    old = card.outcome().due_on
    press(qtbot, KEY.Key_Up, times=3)  # three days later
    assert card.outcome().due_on.toordinal() == old.toordinal() + 3
    go_on(qtbot, win, "next_steps")
    go_on(qtbot, win, "sign")
    sign_page = win.page("sign")
    sign(qtbot, sign_page.customer.pad)
    sign(qtbot, sign_page.collector.pad)
    press(qtbot, KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, KEY.Key_F, ALT)

    history = {e.visit.uuid: e for e in services.visits.history(cid)}
    amendment = next(e for e in history.values() if e.visit.amends == entry.visit.uuid)
    assert history[entry.visit.uuid].amended_by == (amendment.visit.uuid,)
    assert history[entry.visit.uuid].visit.outcomes == entry.visit.outcomes  # untouched
    assert amendment.visit.amend_reason == reason
    assert amendment.visit.outcomes[0].due_on.toordinal() == old.toordinal() + 3

    tab = live_window.customer_view.visits
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(history), timeout=5000)
    # Its documents are drawn after finalizing: marked pending until they are made.
    qtbot.waitUntil(lambda: amendment.visit.uuid not in tab.model.pending, timeout=10000)
    marks = {tab.model.entry(r).visit.uuid: tab.model.index(r, 4).data()
             for r in range(tab.model.rowCount())}
    assert marks[entry.visit.uuid] == "Amended"
    assert marks[amendment.visit.uuid] == f"Amendment: {reason}"
    tab.select_uuid(entry.visit.uuid)
    assert not tab.amend_button.isEnabled()  # amend the latest correction, not the original
    assert "Corrected by a later amendment" in tab.detail.toPlainText()
    tab.select_uuid(amendment.visit.uuid)
    assert reason in tab.detail.toPlainText() and tab.amend_button.isEnabled()


def test_an_amendment_keeps_the_receipt_already_issued(qtbot, live_window, live_services):
    cid, entry = record_with(live_services, lambda o: isinstance(o, MoneyReceived))
    win = open_amendment(qtbot, live_window, cid, entry, "sai ghi chú")
    card = next(c for c in win.page("resolve").cards if c.kind.value == "money_received")
    receipt = next(o.receipt_no for o in entry.visit.outcomes if isinstance(o, MoneyReceived))
    assert not card.amount.isEnabled() and card.remove_button.isHidden()
    assert receipt in card.receipt.text()
    assert card.outcome().receipt_no == receipt
    win.close()


def test_amending_only_the_note_to_the_supervisor_needs_the_collector_alone(
        qtbot, live_window, live_services):
    services = live_services
    cid, entry = record_with(services, lambda o: isinstance(o, Promise) and o.due_on > TODAY)
    assert entry.visit.customer_signature is not None
    with qtbot.waitSignal(live_window.launcher.opened, timeout=5000) as opened:
        live_window.launcher.amend(entry.visit.uuid, "Bổ sung ghi chú cho cấp trên")
    win = opened.args[0]
    qtbot.waitUntil(lambda: win.session.errors != {}, timeout=5000)
    wait_active(qtbot, win)
    assert win.session.visit.started_at == entry.visit.started_at  # the meeting's own time
    note = win.page("next_steps").fields["supervisor_note"]
    note.setFocus()
    type_text(qtbot, "Khách hứa chắc chắn, nên gọi nhắc trước 1 ngày")
    steps = [s.id for s in win.setup.checklist.steps]
    win.navigator.go_to(steps.index("sign"))
    sign_page = win.page("sign")
    qtbot.waitUntil(lambda: win.stack.currentWidget() is sign_page, timeout=5000)
    assert sign_page.customer.isHidden() and "Nothing the customer signed" in \
        sign_page.absent_note.text()
    sign(qtbot, sign_page.collector.pad)
    press(qtbot, KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, KEY.Key_F, ALT)
    amended = next(e.visit for e in services.visits.history(cid)
                   if e.visit.amends == entry.visit.uuid)
    assert amended.answers["supervisor_note"].startswith("Khách hứa")
    assert amended.customer_signature == entry.visit.customer_signature
    assert amended.started_at == entry.visit.started_at


def test_amending_what_the_customer_signed_asks_for_their_signature_again(
        qtbot, live_window, live_services):
    cid, entry = record_with(live_services,
                             lambda o: isinstance(o, Promise) and o.due_on > TODAY)
    with qtbot.waitSignal(live_window.launcher.opened, timeout=5000) as opened:
        live_window.launcher.amend(entry.visit.uuid, "Sửa chức vụ")
    win = opened.args[0]
    qtbot.waitUntil(lambda: win.session.errors != {}, timeout=5000)
    wait_active(qtbot, win)
    role = win.page("meet").fields["met_role"]
    role.setFocus()
    type_text(qtbot, " (kiêm thủ quỹ)")
    steps = [s.id for s in win.setup.checklist.steps]
    win.navigator.go_to(steps.index("sign"))
    sign_page = win.page("sign")
    qtbot.waitUntil(lambda: win.stack.currentWidget() is sign_page, timeout=5000)
    assert not sign_page.customer.isHidden() and sign_page.absent_note.isHidden()


def test_an_amendment_keeps_the_receipt_s_allocation_to_an_invoice_since_closed(
        qtbot, live_window, live_services, live_store):
    """The receipt paid its invoice in full, so the invoice is closed when the record is amended:
    the amendment still says where the money went, and an edit elsewhere does not drop it."""
    from sqlalchemy import text

    from fieldapp.domain.checklist import customer_signed_already
    from fieldapp.domain.visit import MoneyReceived
    cid = 12
    entry = next(e for e in live_services.visits.history(cid)
                 if any(isinstance(o, MoneyReceived) for o in e.visit.outcomes))
    money = next(o for o in entry.visit.outcomes if isinstance(o, MoneyReceived))
    with live_store.engine.begin() as conn:
        conn.execute(text("UPDATE invoice SET open_minor = 0 WHERE id = :i"),
                     {"i": money.allocations[0].invoice_id})
    win = open_amendment(qtbot, live_window, cid, entry, "sai ghi chú")
    card = next(c for c in win.page("resolve").cards if c.kind.value == "money_received")
    assert card.outcome() == money
    win._page_changed(win.page("resolve"))  # any edit on the Resolve step takes the cards again
    kept = [o for o in win.session.visit.outcomes if isinstance(o, MoneyReceived)][0]
    assert kept.allocations == money.allocations
    assert customer_signed_already(win.session.visit, win.setup.checklist, entry.visit)
    win.close()
