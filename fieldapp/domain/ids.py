"""Ids that survive a second writer and a merge: UUID text, and the fixed map of legacy numbers."""

from __future__ import annotations

import uuid

# Payments and allocations were numbered max(id)+1 until schema 5. Their new ids are derived
# from the old number, so every copy of a database (laptop, office) maps a row the same way;
# payments a visit made on a laptop are also keyed by the visit, which no other writer shares.
_LEGACY = uuid.UUID("6f1c5d52-3f0e-4a53-9c55-5f8d3f6f7a01")


def new_id() -> str:
    return str(uuid.uuid4())


def legacy_payment_id(number: int, visit_uuid: str | None = None) -> str:
    key = f"payment:{number}" if not visit_uuid else f"visit-payment:{visit_uuid}:{number}"
    return str(uuid.uuid5(_LEGACY, key))


def legacy_allocation_id(number: int, payment_id: str) -> str:
    return str(uuid.uuid5(_LEGACY, f"allocation:{payment_id}:{number}"))
