"""Bad values are refused at the field and never stop autosave; a bad paste is cleaned."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.domain.money import Money
from fieldapp.ui import formats

from visit_helpers import CTRL, customer_with_open_invoices, open_visit, press, saved, tab_to, \
    type_text

OBJECTIVE = "Chot ngay tra dot dau"


def _stored(services, win) -> dict:
    return services.visits.load(win.session.visit.uuid).answers


@pytest.mark.parametrize("typed, says", [
    ("inf", "Not an amount: type digits"),
    ("1e5000", "Not an amount: type digits"),
    ("NaN", "Not an amount: type digits"),
    ("99999999999999999", "is too large: one amount can be at most"),
])
def test_a_bad_amount_is_refused_at_the_field_and_what_is_typed_next_is_saved(
        qtbot, live_window, live_services, typed, says):
    file, _ctx = customer_with_open_invoices(live_services)
    win = open_visit(qtbot, live_window, file.customer.id)
    plan = win.page("plan")
    amount, objective = plan.fields["target_amount"], plan.fields["objective"]
    tab_to(qtbot, amount)
    type_text(qtbot, typed)  # raised inside the signal handler before
    label = plan.error_label("target_amount")
    qtbot.waitUntil(lambda: says in label.text() and label.isVisible(), timeout=3000)

    objective.setFocus()
    qtbot.waitUntil(lambda: objective.isAncestorOf(QApplication.focusWidget())
                    or QApplication.focusWidget() is objective, timeout=3000)
    type_text(qtbot, OBJECTIVE)
    saved(qtbot, win)
    answers = _stored(live_services, win)
    assert answers["objective"] == OBJECTIVE  # the autosave went on
    assert answers.get("target_amount") is None  # the refused value was not stored
    assert win.saved_label.text().startswith("Saved")
    assert says in label.text()  # still refused, still said
    win.close()


def test_a_thousand_dong_typed_with_a_dot_is_a_thousand_and_says_so(qtbot, live_window,
                                                                     live_services):
    file, ctx = customer_with_open_invoices(live_services)
    assert ctx.currency == "VND"
    win = open_visit(qtbot, live_window, file.customer.id)
    amount = win.page("plan").fields["target_amount"]
    tab_to(qtbot, amount)
    type_text(qtbot, "1.000")  # English UI: Vietnamese grouping, never one đồng
    understood = amount.editor.understood
    qtbot.waitUntil(understood.isVisible, timeout=3000)
    assert understood.text() == f"read as {formats.money(Money(1000, 'VND'))}"
    saved(qtbot, win)
    assert _stored(live_services, win)["target_amount"] == {"minor": 1000, "currency": "VND"}
    press(qtbot, Qt.Key.Key_Tab)  # moving on shows the amount as it was read
    qtbot.waitUntil(lambda: amount.editor.edit.text() == "1,000", timeout=3000)
    assert not understood.isVisible()
    win.close()


def test_a_paste_with_nul_bytes_is_saved_without_them(qtbot, live_window, live_services):
    file, _ctx = customer_with_open_invoices(live_services)
    win = open_visit(qtbot, live_window, file.customer.id)
    objective = win.page("plan").fields["objective"]
    QApplication.clipboard().setText("Gặp chị\x00 Hường\x00")
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: "Hường" in objective.value(), timeout=3000)
    saved(qtbot, win)
    assert _stored(live_services, win)["objective"] == "Gặp chị Hường"
    assert win.saved_label.text().startswith("Saved")
    amount = win.page("plan").fields["target_amount"]
    tab_to(qtbot, amount)
    QApplication.clipboard().setText("2\x00000\x00000")
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: amount.editor.edit.text() == "2000000", timeout=3000)
    saved(qtbot, win)
    assert _stored(live_services, win)["target_amount"] == {"minor": 2_000_000, "currency": "VND"}
    win.close()


def test_search_ignores_nul_and_lone_surrogates(services):
    plain = services.portfolio.search("Nguy")
    assert plain.rows
    assert services.portfolio.search("Nguy\x00").rows == plain.rows
    assert services.portfolio.search("\ud800Nguy").rows == plain.rows
