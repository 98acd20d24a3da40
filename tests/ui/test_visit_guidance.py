"""Guidance and forms that hold still: amount hints from what is owed, "signature required",
plural counts, error lines that keep their room, problems scrolled into view, file dialogs in the
user's folders, the Finalized page offering every document the visit made."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QPoint, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from fieldapp.domain.installments import Frequency, build_schedule
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import InstallmentPlan, MoneyReceived, Promise, Signature, VisitKind
from fieldapp.ui import formats
from fieldapp.ui.visit.outcomes import evidence

from conftest import settle
from ui_expect import TODAY
from visit_helpers import (ALT, COMPLETE_ANSWERS, CTRL, customer_with_open_invoices, inside,
                           press, resume_draft, type_text, wait_active)

KEY = Qt.Key
INK = (((10.0, 10.0), (200.0, 10.0), (200.0, 120.0), (20.0, 120.0)),)


def resume_with(qtbot, window, services, cid, answers, outcomes=(), signed=False):
    visit = services.visits.start(cid, VisitKind.VISIT)
    visit = replace(visit, answers=dict(answers), outcomes=tuple(outcomes))
    if signed:
        visit = replace(visit, customer_signature=Signature("Nguyễn Thị Hường", "Kế toán", INK, 400, 150),
                        collector_signature=Signature("Trần Minh Khoa", "NV", INK, 400, 150))
    services.visits.save_draft(visit)
    with qtbot.waitSignal(window.launcher.opened, timeout=5000) as opened:
        window.launcher.resume(visit.uuid)
    win = opened.args[0]
    qtbot.waitUntil(lambda: win.session.errors != {}, timeout=5000)
    wait_active(qtbot, win)
    return win


def test_amount_boxes_suggest_what_is_owed_not_a_made_up_figure(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id)
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_P, ALT)
    qtbot.waitUntil(lambda: len(resolve.cards) == 1, timeout=2000)
    owed = ctx.collectible(win.session.visit)
    assert resolve.cards[0].amount.edit.placeholderText() == formats.amount(owed)
    target = win.page("plan").fields["target_amount"].editor.edit
    assert target.placeholderText() == formats.amount(ctx.open_balance())
    assert "1,250,000" not in (target.placeholderText(), resolve.cards[0].amount.edit.placeholderText()) \
        or owed.minor == 1_250_000


def test_an_empty_pad_asks_for_a_signature_scrolled_into_view(qtbot, live_window, live_services):
    file, ctx = customer_with_open_invoices(live_services)
    promise = Promise(Money(min(ctx.open_balance().minor, 1_000_000), ctx.currency),
                      TODAY + timedelta(days=3), "Nguyễn Thị Hường")
    win = resume_with(qtbot, live_window, live_services, file.customer.id, COMPLETE_ANSWERS,
                      (promise,))
    win.resize(1000, 520)  # the pads sit below the fold of a small screen
    sign = win.page("sign")
    qtbot.waitUntil(lambda: win.stack.currentWidget() is sign, timeout=3000)
    press(qtbot, KEY.Key_Return, CTRL)  # Finalize with nothing signed: refused
    label = sign.error_label("customer_signature")
    qtbot.waitUntil(lambda: label.text() == "Signature required: sign in the box.", timeout=3000)
    assert "too small" not in label.text()
    # The first problem is on screen with its message, not somewhere below the fold.
    qtbot.waitUntil(lambda: not label.visibleRegion().isEmpty(), timeout=3000)
    assert inside(sign.customer.pad)


def test_an_error_line_keeps_its_room_when_the_problem_is_fixed(qtbot, live_window, live_services):
    file, _ctx = customer_with_open_invoices(live_services)
    win = resume_with(qtbot, live_window, live_services, file.customer.id, {})
    plan = win.page("plan")
    press(qtbot, KEY.Key_Return, CTRL)  # Next refused: the objective is required
    error = plan.error_label("objective")
    qtbot.waitUntil(lambda: error.text() == "Required.", timeout=3000)
    below = plan.captions["target_amount"]

    def top() -> int:
        plan.widget().layout().activate()
        return below.mapTo(plan.widget(), QPoint(0, 0)).y()

    before = top()
    plan.fields["objective"].setFocus()
    type_text(qtbot, "Thu nợ")
    qtbot.waitUntil(lambda: error.text() == "", timeout=3000)
    assert top() == before  # what was under the pointer is still there


def test_file_dialogs_open_in_pictures_or_documents(qtbot, monkeypatch):
    asked = []

    def dialog(parent, caption, folder, pattern):  # the modal native dialog is the OS's part
        asked.append(folder)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(dialog))
    for photos, where in ((True, QStandardPaths.StandardLocation.PicturesLocation),
                          (False, QStandardPaths.StandardLocation.DocumentsLocation)):
        box = evidence.EvidenceList(lambda paths, done: done([]), {}, photos_only=photos)
        qtbot.addWidget(box)
        box.choose()
        assert asked[-1] == QStandardPaths.writableLocation(where) != ""
        assert asked[-1] != str(QApplication.applicationDirPath())


def test_the_finalized_page_offers_the_agreement_and_the_receipt(qtbot, live_window,
                                                                 live_services):
    file, ctx = customer_with_open_invoices(live_services, at_least=2)
    open_ = [i for i in ctx.invoices if not i.disputed]
    paid = Money(open_[0].balance.minor // 2, ctx.currency)
    cash = MoneyReceived(paid, "cash", "", (Allocation(open_[0].id, open_[0].number, paid),))
    rest = Money(sum(i.balance.minor for i in open_) - paid.minor, ctx.currency)
    plan = InstallmentPlan(rest, build_schedule(rest, 3, TODAY + timedelta(days=7),
                                                Frequency.MONTHLY), Frequency.MONTHLY,
                           invoice_ids=tuple(i.id for i in open_))
    win = resume_with(qtbot, live_window, live_services, file.customer.id, COMPLETE_ANSWERS,
                      (cash, plan), signed=True)
    assert not any(win.session.errors.values()), win.session.errors
    press(qtbot, KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    press(qtbot, KEY.Key_F, ALT)
    qtbot.waitUntil(lambda: len(getattr(win, "document_buttons", [])) == 2, timeout=15000)
    texts = sorted(b.text() for b in win.document_buttons)
    assert texts[0].startswith("Open the agreement ") and texts[1].startswith("Open the receipt ")
    receipt = next(b for b in win.document_buttons if "receipt" in b.text())
    with qtbot.waitSignal(live_window.documents.opened, timeout=10000) as shown:
        receipt.click()
    assert shown.args[0].info.kind.value == "receipt"
    assert shown.args[0].info.number in receipt.text()


def test_one_mismatched_delivery_is_counted_in_the_singular(qtbot, qapp, live_window,
                                                            live_services):
    from fieldapp.ui import language
    from fieldapp.ui.visit.panels import DeliveriesPanel

    language.switch(qapp, "en")  # as the program starts: English's .qm holds its plural forms
    try:
        check_singular(qtbot, live_window, live_services, DeliveriesPanel)
    finally:
        language.uninstall(qapp)


def check_singular(qtbot, live_window, live_services, DeliveriesPanel):  # noqa: N803
    cid = next(c for c in range(1, 81)
               if len(live_services.portfolio.open_customer(c).deliveries_with_discrepancy) == 1)
    win = resume_with(qtbot, live_window, live_services, cid, {})
    panel = win.page("prepare").findChild(DeliveriesPanel)
    headline = panel.banner.text().splitlines()[0]
    assert headline == "⚠ 1 delivery doesn't match the contract — check it before talking about money"


def test_closing_the_finalized_window_before_its_documents_are_made_is_quiet(
        qtbot, live_window, live_services):
    """The documents arrive after the collector closed the window: nothing is offered on a page
    that is gone (pytest-qt fails the test on an exception in the callback)."""
    file, ctx = customer_with_open_invoices(live_services, at_least=2)
    open_ = [i for i in ctx.invoices if not i.disputed]
    paid = Money(open_[0].balance.minor // 2, ctx.currency)
    cash = MoneyReceived(paid, "cash", "", (Allocation(open_[0].id, open_[0].number, paid),))
    win = resume_with(qtbot, live_window, live_services, file.customer.id, COMPLETE_ANSWERS,
                      (cash,), signed=True)
    uuid = win.session.visit.uuid
    press(qtbot, KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    press(qtbot, KEY.Key_F, ALT)
    qtbot.waitUntil(lambda: hasattr(win, "done_label"), timeout=10000)
    win.close()
    qtbot.waitUntil(lambda: uuid not in live_window.launcher.windows, timeout=10000)
    qtbot.waitUntil(lambda: {d.kind.value for d in live_services.documents.of_visit(uuid)}
                    >= {"visit_record", "receipt"}, timeout=20000)
    settle(qtbot, live_window.taskman)
