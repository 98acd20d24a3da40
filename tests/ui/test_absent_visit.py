"""Customer absent / premises closed, chosen at Meet: nobody met, a note, a photo, the revisit
date, the collector's signature alone; the record says the customer was absent."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from fieldapp.domain.visit import Absence, OutcomeKind, VisitStatus
from fieldapp.ui.visit.outcomes.simple_cards import AbsenceCard
from fieldapp.ui.visit.steps_list import StepState

from ui_expect import TODAY
from visit_helpers import (ALT, go_on, inside, press, resume_draft, saved, sign, type_text,
                           wait_active)

KEY = Qt.Key
BEFORE_MEET = {"objective": "Thu hồi công nợ quá hạn", "materials": ["contract", "invoices"],
               "deliveries_match": "yes", "balances_reviewed": True, "promises_reviewed": True}
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def customer(services):
    for cid in range(1, 81):
        file = services.portfolio.open_customer(cid)
        if file.customer.language.value == "vi" and file.contacts and file.open_invoices:
            return file
    raise AssertionError("the demo has a Vietnamese customer with contacts and open invoices")


def attach_photo(qtbot, card, tmp_path):
    photo = tmp_path / "cua-dong.png"
    photo.write_bytes(PNG)
    with qtbot.waitSignal(card.photos.changed, timeout=5000):
        card.photos.attach_files([str(photo)])


def test_absent_visit_skips_meeting_and_customer_signature(qtbot, live_window, live_services,
                                                           tmp_path):
    file = customer(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id, BEFORE_MEET)
    steps = [s.id for s in win.setup.checklist.steps]
    assert steps[win.navigator.current] == "meet"
    meet = win.page("meet")
    assert inside(meet.fields["met_contact"])  # the usual case keeps the keyboard
    meet.fields["customer_absent"].setFocus()
    press(qtbot, KEY.Key_Space)  # tick "customer absent"
    assert meet.fields["customer_absent"].value() is True
    # Person met, role, authority and "purpose stated" leave the form; Listen does not apply.
    for item in ("met_contact", "met_role", "authority_to_pay", "purpose_stated"):
        assert meet.fields[item].isHidden()
    assert not meet.absent_next.isHidden() and "add a photo" in meet.absent_next.text()
    listen = steps.index("listen")
    qtbot.waitUntil(lambda: win.steps_list.state(listen) is StepState.SKIPPED, timeout=2000)
    assert win.steps_list.item(listen).text().startswith("–")

    # Next goes straight from Meet to Resolve, where the absence card waits; no refusal offered.
    go_on(qtbot, win, "resolve")
    resolve = win.page("resolve")
    assert [type(c) for c in resolve.cards] == [AbsenceCard]
    assert resolve.add_buttons[OutcomeKind.REFUSAL].isHidden()
    card = resolve.cards[0]
    press(qtbot, KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)  # nothing filled: refused
    qtbot.waitUntil(lambda: "Required." in card._labels["note"].text(), timeout=3000)
    assert card._labels["photos"].text() == "Add a photo of the closed premises."
    card.note.setFocus()
    type_text(qtbot, "Cửa hàng đóng cửa, bảo vệ nói chủ đi vắng")
    attach_photo(qtbot, card, tmp_path)
    attach_photo(qtbot, card, tmp_path)  # the same photo twice: one goes again before finalizing
    first, second = card.photos.ids()
    with qtbot.waitSignal(card.photos.changed, timeout=2000):
        card.photos.remove_buttons[first].click()
    assert card.photos.ids() == (second,) and list(card.photos.remove_buttons) == [second]
    assert card.outcome().photos == (second,)
    uuid = win.session.visit.uuid
    qtbot.waitUntil(lambda: [a.id for a in live_services.attachments.list(uuid)] == [second],
                    timeout=3000)  # the stored copy went too
    go_on(qtbot, win, "next_steps")
    go_on(qtbot, win, "sign")

    # Only the collector signs.
    page = win.page("sign")
    assert page.customer.isHidden() and not page.absent_note.isHidden()
    assert inside(page.collector.pad)
    sign(qtbot, page.collector.pad)
    saved(qtbot, win)
    assert not win.session.errors.get("sign")
    press(qtbot, KEY.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.finisher.question is not None, timeout=5000)
    wait_active(qtbot, win.finisher.question)
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, KEY.Key_F, ALT)
    final = live_services.visits.load(win.session.visit.uuid)
    assert final.status is VisitStatus.FINAL and final.customer_signature is None
    (absence,) = final.outcomes
    assert isinstance(absence, Absence) and len(absence.photos) == 1 and absence.revisit_on > TODAY
    assert "met_contact" not in final.answers or not final.answers["met_contact"]
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing")
    qtbot.waitUntil(lambda: any(d.kind.value == "visit_record"
                                for d in live_services.documents.of_visit(final.uuid)),
                    timeout=10000)
    doc = next(d for d in live_services.documents.of_visit(final.uuid)
               if d.kind.value == "visit_record")
    path = tmp_path / "record.pdf"
    path.write_bytes(live_services.documents.pdf(doc.id))
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   check=True).stdout.decode().split())
    assert "Không gặp khách hàng" in text and "Đại diện khách hàng" not in text


def test_refusal_cannot_go_with_an_absent_customer(qtbot, live_window, live_services):
    from fieldapp.domain.visit import NextStep, Refusal
    from dataclasses import replace

    file = customer(live_services)
    win = resume_draft(qtbot, live_window, live_services, file.customer.id,
                       {**BEFORE_MEET, "customer_absent": True})
    visit = replace(win.session.visit, outcomes=(
        Absence("Đóng cửa", TODAY + timedelta(days=1), ("x",)),
        Refusal("Không trả", NextStep.REVISIT)))
    from fieldapp.services.visit_check import check_outcomes
    errors = check_outcomes(visit, win.setup.context, TODAY, live_services.settings)
    assert [(e.field, e.code) for e in errors] == [("outcomes.1.reason", "refusal_while_absent")]
    # Unticked again: an absence on site needs "customer absent" at Meet.
    met = replace(visit, answers={**visit.answers, "customer_absent": False},
                  outcomes=visit.outcomes[:1])
    assert [(e.field, e.code) for e in check_outcomes(met, win.setup.context, TODAY,
                                                      live_services.settings)] == [
        ("outcomes.0.note", "absent_not_chosen")]
