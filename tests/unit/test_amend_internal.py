"""Amendments of what the customer never signed need only the collector; every amendment keeps
the time the meeting took place."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.visit import Promise, Signature
from fieldapp.services.finalize import VisitIncomplete
from tests.conftest import ON_BOTH_DATABASES
from tests.unit.test_visits import INK, NOW, complete, world  # noqa: F401 (fixture)

pytestmark = ON_BOTH_DATABASES


def final_visit(visits, cid):
    promise = Promise(Money(5_000_000, "VND"), date(2026, 11, 28), "Nguyễn Thị Hường")
    final, _ = visits.finalize(complete(visits.start(cid), promise))
    return final


def test_internal_note_amended_with_the_collectors_signature_alone(world):  # noqa: F811
    visits, cid, clock, _store = world
    final = final_visit(visits, cid)
    clock.value = NOW + timedelta(days=2, hours=3)  # corrected two days later
    draft = visits.amend(final.uuid, "Bổ sung ghi chú cho cấp trên")
    assert draft.started_at == final.started_at  # the meeting's time, not the amendment's
    mine = Signature("Trần Minh Khoa", "Collector", INK, 400, 150)
    note = replace(draft, answers={**draft.answers, "supervisor_note": "Khách hứa chắc chắn"},
                   collector_signature=mine)
    visits.save_draft(note)
    assert visits.check_step("sign", note) == []
    amended, _ = visits.finalize(note)
    assert amended.started_at == final.started_at and amended.finalized_at > final.finalized_at
    # The customer's ink on the original covers the same words, and prints on the amendment.
    assert amended.customer_signature == final.customer_signature
    assert amended.collector_signature == mine


def test_what_the_customer_signed_changed_asks_for_their_signature(world):  # noqa: F811
    visits, cid, _clock, _store = world
    final = final_visit(visits, cid)
    draft = visits.amend(final.uuid, "Đổi ngày hẹn")
    moved = replace(draft.outcomes[0], due_on=date(2026, 11, 30))
    mine = Signature("Trần Minh Khoa", "Collector", INK, 400, 150)
    changed = replace(draft, outcomes=(moved,), collector_signature=mine)
    assert [(e.field, e.code) for e in visits.check_step("sign", changed)] == [
        ("customer_signature", "signature_required")]
    with pytest.raises(VisitIncomplete):
        visits.finalize(changed)
    # An answer the customer read counts too (the person met), an internal one does not.
    named = replace(draft, answers={**draft.answers, "met_role": "Giám đốc"},
                    collector_signature=mine)
    assert visits.check_step("sign", named) != []
    target = replace(draft, answers={**draft.answers, "late_reason": "Chờ khách trả"},
                     collector_signature=mine)
    assert visits.check_step("sign", target) == []
