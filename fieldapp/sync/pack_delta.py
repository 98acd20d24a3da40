"""What a delta assignment pack is made of: the content hash of each customer's part, the
order-independent hash of the customers a laptop holds (drift detection), and the diff of two
packs' part hashes (which customers a delta carries and which it takes away)."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from .manifest import canonical


def customer_set_hash(codes, version: int) -> str:
    """SHA-256 of the sorted customer codes and the pack version: the same set gives the same
    hash in any order (CommCare's case-state hash), and another version another hash."""
    return hashlib.sha256(canonical({"customers": sorted(set(codes)), "version": version})
                          ).hexdigest()


def part_hashes(customers: list, outcomes: list) -> dict[str, str]:
    """Per customer code: SHA-256 of its part (master data, children, and the status of its
    promises and disputes), so a change to any of them puts the customer in the next delta."""
    by_customer = defaultdict(list)
    for item in outcomes:
        by_customer[item["customer"]].append(item)
    return {c["code"]: hashlib.sha256(canonical({"customer": c, "outcomes": by_customer[c["code"]]})
                                      ).hexdigest() for c in customers}


def diff(now: dict[str, str], base: dict[str, str]) -> tuple[set[str], list[str]]:
    """(codes to send: new or changed since ``base``, codes taken away since ``base``)."""
    changed = {code for code, sha in now.items() if base.get(code) != sha}
    return changed, sorted(set(base) - set(now))
