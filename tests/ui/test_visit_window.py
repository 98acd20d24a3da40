"""The visit window's own behaviour: schedules, re-signing after a change, closing, geometry."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from fieldapp.domain.installments import Frequency

from visit_helpers import (ALT, CTRL, customer_with_open_invoices, go_on, inside, press,
                           resume_draft, saved, sign, tab_to, type_text)

KEY = Qt.Key


def test_plan_schedule_recomputes_and_keeps_hand_edited_dates(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_I, ALT)
    qtbot.waitUntil(lambda: len(resolve.cards) == 1 and inside(resolve.cards[0]), timeout=2000)
    card = resolve.cards[0]
    card.total.edit.selectAll()
    type_text(qtbot, "1000001")  # an odd total: the remainder goes on the last line
    tab_to(qtbot, card.count)
    type_text(qtbot, "3")
    card.frequency.setCurrentIndex(card.frequency.findData(Frequency.WEEKLY.value))
    card.frequency.activated.emit(card.frequency.currentIndex())
    plan = card.outcome()
    assert [line.amount.minor for line in plan.lines] == [333_333, 333_333, 333_335]
    assert [(b.due_on - a.due_on).days for a, b in zip(plan.lines, plan.lines[1:])] == [7, 7]
    last = card.table.cellWidget(2, 1)
    last.setDate(last.date().addDays(3))  # agreed on another day for the last one
    moved = card.outcome()
    assert moved.lines[2].due_on == plan.lines[2].due_on + timedelta(days=3)
    assert [line.amount for line in moved.lines] == [line.amount for line in plan.lines]
    saved(qtbot, win)
    stored = live_services.visits.load(win.session.visit.uuid).outcomes[0]
    assert stored.lines == moved.lines and stored.total.minor == 1_000_001
    tab_to(qtbot, card.down)
    type_text(qtbot, "100001")
    with_down = card.outcome()
    assert with_down.lines[0].down_payment and with_down.lines[0].amount.minor == 100_001
    assert sum(line.amount.minor for line in with_down.lines) == 1_000_001
    win.close()


def test_a_change_after_signing_asks_for_new_signatures(qtbot, live_window, live_services):
    file, _ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_F, ALT)  # a refusal
    qtbot.waitUntil(lambda: len(resolve.cards) == 1 and inside(resolve.cards[0]), timeout=2000)
    type_text(qtbot, "Khong thua nhan so du")
    go_on(qtbot, win, "next_steps")
    go_on(qtbot, win, "sign")
    page = win.page("sign")
    sign(qtbot, page.customer.pad)
    sign(qtbot, page.collector.pad)
    saved(qtbot, win)
    assert win.session.errors["sign"] == []
    press(qtbot, KEY.Key_Left, ALT)  # back to Next steps, and change the note
    notes = win.page("next_steps").fields["supervisor_note"]
    tab_to(qtbot, notes)
    type_text(qtbot, "Changed after signing")
    press(qtbot, KEY.Key_Right, ALT)
    qtbot.waitUntil(lambda: win.navigator.current == len(win.pages) - 1, timeout=5000)
    assert page.customer.pad.is_empty() and page.collector.pad.is_empty()
    assert page.resigned.isVisible() and "sign again" in page.resigned.text()
    assert win.session.visit.customer_signature is None
    assert "Changed after signing" in win.session.visit.answers["supervisor_note"]
    # the note to the supervisor is internal: it stays off the summary the customer signs
    assert "Changed after signing" not in page.summary.toPlainText()


def test_closing_keeps_the_draft_with_the_last_keystrokes_and_the_size(qtbot, live_window,
                                                                        live_services):
    file, _ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id, {"materials": []})
    uuid = win.session.visit.uuid
    type_text(qtbot, "typed just before closing")
    win.resize(760, 560)  # inside the offscreen screen (800×600): restoring clamps to it
    press(qtbot, KEY.Key_W, CTRL)  # before the 300 ms autosave: the save goes first
    assert win.isVisible() and not win.centralWidget().isEnabled()  # not blocked, not typing
    qtbot.waitUntil(lambda: uuid not in live_window.launcher.windows, timeout=5000)
    assert live_services.visits.load(uuid).answers["objective"] == "typed just before closing"
    assert uuid in {d.uuid for d in live_services.visits.drafts()}
    with qtbot.waitSignal(live_window.launcher.opened, timeout=5000) as opened:
        live_window.launcher.resume(uuid)
    again = opened.args[0]
    assert (again.width(), again.height()) == (760, 560)
    QApplication.sendEvent(again, QEvent(QEvent.Type.LanguageChange))
    assert again.windowTitle() == f"Visit — {file.customer.name}"
    assert again.page("plan").fields["objective"].value() == "typed just before closing"
    again.close()


def test_closing_the_program_waits_for_the_visit_windows_last_save(qtbot, live_window,
                                                                   live_services):
    file, _ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id, {"materials": []})
    uuid = win.session.visit.uuid
    type_text(qtbot, "typed before quitting")
    live_window.close()  # the event loop runs on while the draft is saved
    assert live_window.isVisible()
    qtbot.waitUntil(lambda: not live_window.isVisible(), timeout=5000)
    assert live_services.visits.load(uuid).answers["objective"] == "typed before quitting"
    assert live_window.taskman.run(lambda: None, print) is None  # the worker stopped after


def test_a_refused_finalize_opens_the_first_step_with_problems(qtbot, live_window, live_services):
    from fieldapp.domain.validation import FieldError
    from fieldapp.services.finalize import VisitIncomplete

    file, _ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    win.session.close()  # as Finalize does before it asks the services
    errors = {"meet": [FieldError("met_contact", "required")],
              "sign": [FieldError("customer_signature", "too_little_ink")]}
    win.finisher._failed(VisitIncomplete(errors))  # what the worker hands back
    steps = [s.id for s in win.setup.checklist.steps]
    assert steps[win.navigator.current] == "meet"
    assert win.page("meet").error_label("met_contact").text() == "Required."
    assert not win.page("sign").error_label("customer_signature").isHidden()  # page not shown
    assert not win.session.closed and win.centralWidget().isEnabled()
    win.close()


def test_the_prepare_step_shows_a_kept_promise_as_kept(qtbot, live_services):
    from fieldapp.domain.visit import PromiseStatus
    from fieldapp.ui.visit.panels import HistoryPanel
    from fieldapp.ui.visit.setup import load_setup

    follow_ups = live_services.follow_ups
    cid = next(c for c in range(1, 81) if any(
        status is PromiseStatus.KEPT for status, _paid in follow_ups.promise_statuses(c).values()))
    setup = load_setup(live_services, live_services.visits.start(cid))
    assert PromiseStatus.KEPT in {status for status, _paid in setup.promises.values()}
    panel = HistoryPanel(setup)
    qtbot.addWidget(panel)
    model = panel.outcomes
    shown = {model.index(r, 1).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert shown["Promise to pay"] == "Kept"
