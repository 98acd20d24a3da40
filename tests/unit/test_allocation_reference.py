"""commitments.allocate tracks each customer's open commitments day by day; it must give what
the plain definition gives: every payment tries every commitment, in due order (DESIGN §9a)."""

import random
from datetime import date, timedelta

from fieldapp.domain.commitments import LiveOutcome, PaymentLine, allocate
from fieldapp.domain.money import Money


def reference(commitments, payments, grace):
    """The rule as written: a payment serves commitments made on or before its day whose due
    day plus grace has not passed, in its currency, not made on its visit; oldest due first."""
    gap = timedelta(days=grace)
    listed = sorted((c for c in commitments if c.kind in ("promise", "installment")),
                    key=lambda c: (c.due_on, c.made_on, c.uuid))
    taken = {c.uuid: 0 for c in listed}
    for p in sorted(payments, key=lambda p: (p.paid_on, p.id, p.visit_uuid or "",
                                             p.amount.minor)):
        left = p.amount.minor
        for c in listed:
            if c.customer_id != p.customer_id or left <= 0:
                continue
            if c.made_on > p.paid_on or c.due_on + gap < p.paid_on:
                continue
            if c.amount.currency != p.amount.currency or p.visit_uuid in (c.visits or
                                                                          (c.visit_uuid,)):
                continue
            share = min(left, c.amount.minor - taken[c.uuid])
            if share > 0:
                taken[c.uuid] += share
                left -= share
    return taken


def _case(rng):
    start = date(2026, 1, 1)
    commitments = []
    for n in range(rng.randint(0, 14)):
        made = start + timedelta(days=rng.randint(0, 60))
        commitments.append(LiveOutcome(
            f"c{n}", f"v{rng.randint(0, 5)}", rng.randint(1, 2),
            rng.choice(["promise", "installment", "dispute"]), made,
            made + timedelta(days=rng.randint(0, 30)), None,
            Money(rng.randint(0, 500), rng.choice(["VND", "VND", "TWD"])), None, None,
            tuple(f"v{k}" for k in range(rng.randint(0, 2)))))
    payments = [PaymentLine(rng.randint(1, 2), start + timedelta(days=rng.randint(0, 100)),
                            Money(rng.randint(0, 600), rng.choice(["VND", "VND", "TWD"])),
                            rng.choice([None, "v1", "v2"]), f"p{n}")
                for n in range(rng.randint(0, 14))]
    return commitments, payments, rng.randint(0, 5)


def test_allocation_matches_the_rule_as_written_on_random_cases():
    rng = random.Random(2026)
    for _ in range(2000):
        commitments, payments, grace = _case(rng)
        assert allocate(commitments, payments, grace) == reference(commitments, payments, grace)
