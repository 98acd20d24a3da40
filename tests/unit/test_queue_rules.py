"""The work queues' pure rules: where a judged promise waits, a record's next step, deadlines."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fieldapp.domain import queues as q
from fieldapp.domain.visit import PromiseStatus

TODAY = date(2026, 11, 27)


def test_the_pure_rules():
    assert q.promise_queue(PromiseStatus.OPEN, TODAY, TODAY) == q.PROMISES_DUE
    assert q.promise_queue(PromiseStatus.OPEN, TODAY - timedelta(days=1), TODAY) is None
    assert q.promise_queue(PromiseStatus.KEPT, TODAY, TODAY) is None
    assert q.promise_queue(PromiseStatus.BROKEN, TODAY, TODAY) == q.PROMISES_BROKEN
    assert q.promise_queue(PromiseStatus.PARTIALLY_KEPT, TODAY, TODAY) == q.PROMISES_PARTIAL
    step = q.next_step_of({"follow_up_on": "2026-12-01T00:00:00+07:00"},
                          [{"kind": "absent", "revisit_on": "2026-12-02"},
                           {"kind": "refusal", "next_step": "supervisor_call"}])
    assert step == q.NextStep(date(2026, 12, 1), date(2026, 12, 2), "supervisor_call")
    assert not q.next_step_of({}, []).known
    recorded = datetime.fromisoformat("2026-11-26T23:30:00+08:00")
    assert q.dispute_deadline(recorded) == datetime.fromisoformat("2026-11-27T15:30:00+00:00")
    assert q.hours_left(q.dispute_deadline(recorded), recorded + timedelta(hours=23, minutes=1)) == 0
    assert q.hours_left(q.dispute_deadline(recorded), recorded + timedelta(hours=25)) == -1
