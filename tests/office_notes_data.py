"""What a laptop holds for the office's notes on money and disputes to be about: a dispute the
collector recorded and a payment taken on a visit (tests of the notes from the office)."""

from __future__ import annotations

import json
import uuid
from datetime import date

from fieldapp.store.tables import OutcomeRow, PaymentRow


def dispute_and_payment(store, visit: str, cid: int, on: date) -> tuple[str, str]:
    """The collector recorded a dispute and took a payment on ``visit``: the outcome and the
    payment as this laptop holds them."""
    dispute, payment = str(uuid.uuid4()), str(uuid.uuid4())
    with store.sessions.begin() as session:
        session.add(OutcomeRow(uuid=dispute, visit_uuid=visit, customer_id=cid, kind="dispute",
                               created_on=on, due_on=None, deadline_at=None,
                               amount_minor=0, currency="", receipt_no="", superseded_by=None,
                               resolved=False, body=json.dumps({"kind": "dispute",
                                                                "invoice_ids": []})))
        session.add(PaymentRow(id=payment, customer_id=cid, paid_on=on,
                               amount_minor=2_000_000, currency="VND", method="cash",
                               visit_uuid=visit))
    return dispute, payment
