"""Which document an amendment replaces, derived from the amendment chain (nothing stored)."""

from __future__ import annotations

# Receipts stand for money taken and survive amendments; statements belong to no visit.
REPLACEABLE = frozenset({"visit_record", "agreement", "agreement_print"})


def successor_record(number: str) -> str:
    """The record number of the amendment that follows the record (or agreement) ``number``:
    '…-3F9A1C' → '…-3F9A1C/2', '…/2-P1' → '…/3'."""
    base = number.rsplit("-P", 1)[0] if _plan(number) else number
    record_no, _, revision = base.rpartition("/")
    if not record_no or not revision.isdigit():
        return f"{base}/2"
    return f"{record_no}/{int(revision) + 1}"


def _plan(number: str) -> bool:
    tail = number.rsplit("-P", 1)
    return len(tail) == 2 and tail[1].isdigit()


def replaced_by(kind: str, number: str, successor_numbers: set[str]) -> str:
    """The number of the document that replaces document ``number`` of a visit an amendment
    corrected ('' for a kind never replaced). An agreement is replaced by the amendment's
    agreement for the same plan, or by its record when the amendment dropped that plan."""
    if kind not in REPLACEABLE:
        return ""
    record = successor_record(number)
    if kind != "visit_record" and _plan(number):
        same_plan = f"{record}-P{number.rsplit('-P', 1)[1]}"
        if same_plan in successor_numbers:
            return same_plan
    return record
