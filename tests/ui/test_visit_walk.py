"""A whole visit with the keyboard: a dispute on one invoice, a plan on the rest, two signatures."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.visit import Dispute, DisputeReason, InstallmentPlan, VisitStatus
from fieldapp.services.followups import FollowUpKind
from fieldapp.ui.visit.steps_list import StepState

from visit_helpers import (ALT, CTRL, go_on, inside, open_visit, press, sign, tab_to, type_text,
                           wait_active)

KEY = Qt.Key


def pick_customer(services):
    """A Vietnamese customer with three or more undisputed open invoices and a contact."""
    for cid in range(1, 81):
        ctx = services.visits.context(cid)
        file = services.portfolio.open_customer(cid)
        if (file.customer.language.value == "vi" and file.contacts
                and len([i for i in ctx.invoices if not i.disputed]) >= 3):
            return file, ctx
    raise AssertionError("the demo has such a customer")


def test_complete_visit_with_the_keyboard(qtbot, live_window, live_services, tmp_path):
    services = live_services
    file, ctx = pick_customer(services)
    win = open_visit(qtbot, live_window, file.customer.id)
    assert win.windowTitle() == f"Visit — {file.customer.name}"

    # 1 Plan: the objective has the keyboard from the start.
    plan = win.page("plan")
    assert inside(plan.fields["objective"])
    type_text(qtbot, "Thu hồi công nợ quá hạn, chốt lịch trả cụ thể")
    press(qtbot, KEY.Key_Tab)
    assert inside(plan.fields["target_amount"])
    type_text(qtbot, "20000000")
    press(qtbot, KEY.Key_Tab)
    press(qtbot, KEY.Key_Space)  # Contract
    press(qtbot, KEY.Key_Tab)
    press(qtbot, KEY.Key_Space)  # Invoices
    go_on(qtbot, win, "prepare")
    assert win.steps_list.state(0) is StepState.DONE

    # 2 Prepare: deliveries first (seed 000), then amounts and earlier promises (seed 003).
    prepare = win.page("prepare")
    assert inside(prepare.fields["deliveries_match"])
    press(qtbot, KEY.Key_Right)  # to "No, there are discrepancies" …
    press(qtbot, KEY.Key_Space)  # … and pick it
    assert prepare.fields["deliveries_match"].value() == "no"
    tab_to(qtbot, prepare.fields["discrepancies"])
    if not prepare.fields["discrepancies"].value():
        type_text(qtbot, "Thiếu 2 thùng hàng")
    tab_to(qtbot, prepare.fields["balances_reviewed"])
    press(qtbot, KEY.Key_Space)
    tab_to(qtbot, prepare.fields["late_reason"])
    type_text(qtbot, "Cash flow")
    tab_to(qtbot, prepare.fields["promises_reviewed"])
    press(qtbot, KEY.Key_Space)
    go_on(qtbot, win, "meet")

    # 3 Meet: the contact list fills role and authority.
    meet = win.page("meet")
    assert inside(meet.fields["met_contact"])
    press(qtbot, KEY.Key_Down)
    met = meet.fields["met_contact"].value()
    contact = next(c for c in file.contacts if c.name == met)
    assert meet.fields["met_role"].value() == contact.role
    tab_to(qtbot, meet.fields["purpose_stated"])
    press(qtbot, KEY.Key_Space)
    go_on(qtbot, win, "listen")

    # 4 Listen: the reason by its first letter, then what was said.
    listen = win.page("listen")
    type_text(qtbot, "Q")  # Quality complaint
    assert listen.fields["position_reason"].value() == "quality"
    press(qtbot, KEY.Key_Tab)
    type_text(qtbot, "Hàng giao đợt 3 bị ẩm, khách không nhận thanh toán hóa đơn đó.")
    go_on(qtbot, win, "resolve")

    # 5 Resolve: Alt+D adds a dispute, Alt+I an installment plan.
    resolve = win.page("resolve")
    press(qtbot, KEY.Key_D, ALT)
    qtbot.waitUntil(lambda: len(resolve.cards) == 1 and inside(resolve.cards[0]), timeout=2000)
    dispute = resolve.cards[0]
    type_text(qtbot, "D")  # Damaged goods
    tab_to(qtbot, dispute.invoices)
    press(qtbot, KEY.Key_Down)
    press(qtbot, KEY.Key_Space)
    disputed_id = dispute.checked_ids()[0]
    tab_to(qtbot, dispute.description)
    type_text(qtbot, "5 bao bị ẩm mốc")
    press(qtbot, KEY.Key_Tab)
    type_text(qtbot, "Đổi hàng rồi mới thanh toán hóa đơn này")
    photo = tmp_path / "am-moc.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg for the test")
    dispute.evidence.attach_files([str(photo)])  # what the file dialog hands back
    qtbot.waitUntil(lambda: len(dispute.evidence.ids()) == 1, timeout=5000)
    press(qtbot, KEY.Key_I, ALT)
    qtbot.waitUntil(lambda: len(resolve.cards) == 2 and inside(resolve.cards[1]), timeout=2000)
    plan_card = resolve.cards[1]
    rest = sum(i.balance.minor for i in ctx.invoices if not i.disputed and i.id != disputed_id)
    before = len(services.visits.history(file.customer.id))
    assert plan_card.total.money().minor == rest  # the collectible balance, dispute excluded
    tab_to(qtbot, plan_card.count)
    type_text(qtbot, "4")
    go_on(qtbot, win, "next_steps")

    # 6 Next steps: a follow-up date and two days' reminder.
    nxt = win.page("next_steps")
    press(qtbot, KEY.Key_Space)  # "Set" the follow-up date (tomorrow)
    tab_to(qtbot, nxt.fields["reminder_days"])
    type_text(qtbot, "2")
    tab_to(qtbot, nxt.fields["supervisor_note"])
    type_text(qtbot, "Dispute needs the quality team within 24 h")
    go_on(qtbot, win, "sign")

    # 7 Review and sign: the summary is Vietnamese; both sign with the mouse.
    sign_page = win.page("sign")
    summary = sign_page.summary.toPlainText()
    assert "Khiếu nại" in summary and "Kế hoạch trả góp" in summary
    assert sign_page.customer.name.text() == met
    sign(qtbot, sign_page.customer.pad)
    sign(qtbot, sign_page.collector.pad, 10)
    assert sign_page.collector.name.text() == "Trần Minh Khoa"
    sign_page.customer.pad.setFocus()
    press(qtbot, KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    assert "A finalized visit cannot be changed" in win.finisher.question.text()
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, KEY.Key_F, ALT)  # "&Finalize" (No is the default button)

    # The record, through the services.
    uuid = win.session.visit.uuid
    history = services.visits.history(file.customer.id)
    final = next(e.visit for e in history if e.visit.uuid == uuid)
    assert final.status is VisitStatus.FINAL and final.customer_signature.signer_name == met
    dispute_out = next(o for o in final.outcomes if isinstance(o, Dispute))
    plan_out = next(o for o in final.outcomes if isinstance(o, InstallmentPlan))
    assert dispute_out.reason is DisputeReason.DAMAGED and dispute_out.invoice_ids == (disputed_id,)
    assert len(dispute_out.evidence) == 1
    assert plan_out.total.minor == rest and len(plan_out.lines) == 4
    assert sum(line.amount.minor for line in plan_out.lines) == plan_out.total.minor
    assert disputed_id not in plan_out.invoice_ids
    invoices = {i.id: i for i in services.portfolio.open_customer(file.customer.id).invoices}
    assert invoices[disputed_id].disputed
    assert final.answers["reminder_days"] == 2 and final.answers["deliveries_match"] == "no"
    kinds = {f.kind for f in services.follow_ups.list(file.customer.id)}
    assert kinds & {FollowUpKind.DISPUTE_OPEN, FollowUpKind.DISPUTE_NEAR}
    assert services.visits.drafts() == []
    # … and on screen: "Finalized", the signed record one Enter away, then Ctrl+W.
    qtbot.waitUntil(lambda: hasattr(win, "record_button"), timeout=5000)
    wait_active(qtbot, win)
    assert win.done_label.text() == "Finalized" and inside(win.record_button)
    with qtbot.waitSignal(live_window.documents.opened, timeout=5000) as opened:
        press(qtbot, KEY.Key_Return)
    viewer = opened.args[0]
    assert viewer.info.kind.value == "visit_record" and viewer.info.visit_uuid == uuid
    assert viewer.document.pageCount() >= 1 and viewer.panel.customer.text() == file.customer.name
    viewer.close()
    wait_active(qtbot, win)
    press(qtbot, KEY.Key_W, CTRL)
    # The window closed, the Visits tab lists the record.
    qtbot.waitUntil(lambda: not live_window.launcher.windows, timeout=5000)
    tab = live_window.customer_view.visits
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=5000)
    assert tab.model.entry(0).visit.uuid == uuid  # newest first
    assert "Dispute" in tab.model.index(0, 3).data()
    assert live_window.customer_view.follow_up_strip.isVisible()
