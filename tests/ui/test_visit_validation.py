"""Bad input is explained next to the field and the step cannot be left until it is fixed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from fieldapp.ui.visit.steps_list import StepState

from ui_expect import TODAY, money_text
from visit_helpers import (ALT, CTRL, customer_with_open_invoices, go_on, inside, press,
                           resume_draft, saved, tab_to, type_text)

KEY = Qt.Key


def test_a_past_promise_date_is_refused_next_to_the_field(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    steps = [s.id for s in win.setup.checklist.steps]
    assert steps[win.navigator.current] == "resolve"  # the draft's first unfinished step
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_P, ALT)
    qtbot.waitUntil(lambda: len(resolve.cards) == 1 and inside(resolve.cards[0]), timeout=2000)
    card = resolve.cards[0]
    assert card.promised_by.text() == "Nguyễn Thị Hường"  # prefilled with the person met
    type_text(qtbot, "1000000")
    tab_to(qtbot, card.due_on)
    yesterday = TODAY - timedelta(days=1)
    type_text(qtbot, yesterday.strftime("%Y%m%d"))  # English order, digits only
    saved(qtbot, win)
    message = card.error_label("due_on")
    assert message.isVisible()
    assert message.text() == "This date is in the past: agree on a specific day from today on."

    press(qtbot, KEY.Key_Return, CTRL)  # Next is refused …
    qtbot.waitUntil(lambda: win.steps_list.state(win.navigator.current) is StepState.PROBLEMS,
                    timeout=5000)
    assert steps[win.navigator.current] == "resolve"
    assert inside(card)  # … and the keyboard is back in the card with the problem
    assert "Fix what is marked in red" in win.statusBar().currentMessage()

    tab_to(qtbot, card.amount)  # more than the open balance: the balance is named
    too_much = str(ctx.open_balance().minor + 1)
    card.amount.edit.selectAll()
    type_text(qtbot, too_much)
    saved(qtbot, win)
    balance = money_text(ctx.collectible(win.session.visit).minor, ctx.currency)
    assert f"More than the open balance of {balance}." in card.error_label("amount").text()

    card.amount.edit.selectAll()
    type_text(qtbot, "1000000")
    tab_to(qtbot, card.due_on)
    type_text(qtbot, (TODAY + timedelta(days=3)).strftime("%Y%m%d"))
    go_on(qtbot, win, "next_steps")  # fixed: Ctrl+Enter goes on
    assert card.error_label("due_on").text() == ""  # nothing to say; its room is kept
    assert win.steps_list.state(steps.index("resolve")) is StepState.DONE


def test_text_that_is_not_an_amount_is_explained_at_once(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_M, ALT)  # money received
    qtbot.waitUntil(lambda: len(resolve.cards) == 1 and inside(resolve.cards[0]), timeout=2000)
    card = resolve.cards[0]
    type_text(qtbot, "12,5x")
    assert card.error_label("amount").text().startswith("Not an amount: type digits, e.g. 1,250,000")
    card.amount.edit.clear()
    type_text(qtbot, "3000000")
    assert card.error_label("amount").text() == ""
    applied = [int(card.table.item(r, 3).text().replace(",", "") or 0)
               for r in range(card.table.rowCount())]
    assert sum(applied) == 3_000_000  # applied oldest first, disputed invoices skipped
    first = next(r for r, i in enumerate(ctx.invoices) if not i.disputed)
    assert applied[first] == min(3_000_000, ctx.invoices[first].balance.minor)
    assert all(a == 0 for a, i in zip(applied, ctx.invoices) if i.disputed)


def test_a_required_field_left_empty_keeps_the_step(qtbot, live_window, live_services):
    file, _ctx = customer_with_open_invoices(live_services)
    answers = {"materials": ["contract"]}  # no objective
    win = resume_draft(qtbot, live_window, live_services, file.customer.id, answers)
    assert win.navigator.current == 0
    objective = win.page("plan").error_label("objective")
    assert not objective.isVisible()  # nobody touched it yet: no red before trying
    press(qtbot, KEY.Key_Right, ALT)
    qtbot.waitUntil(objective.isVisible, timeout=5000)
    assert objective.text() == "Required." and win.navigator.current == 0
