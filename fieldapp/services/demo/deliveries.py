"""Delivery notes: what was ordered and received, by whom, and what went wrong (seed 000)."""

from __future__ import annotations

from . import people
from .ledger import AMOUNT, CONTRACT, DELIVERY, ID, ISSUED, PAID

# Older, fully paid, trouble-free invoices keep no delivery note in the collector's data.
RECENT_DAYS = 400
# Roles of contacts who sign for goods when they arrive.
_RECEIVING = ("Thủ kho", "倉管", "仓库管理员", "倉儲主管", "仓储主管", "Nhân viên giao nhận")


def emit(rng, c: dict, invoices: list[list], staff: list[tuple[str, str]], ctx, out: list) -> None:
    """Append one delivery per recent, open or troubled invoice."""
    pack, category, cid = c["pack"], c["category"], c["k"]
    receivers = _receivers(rng, c, staff)
    lo, hi = category["qty"]
    for inv in invoices:
        status = inv[DELIVERY]
        settled = inv[PAID] == inv[AMOUNT]
        if inv[ISSUED] < -RECENT_DAYS and settled and status == "complete":
            continue
        ordered = _round_qty(lo + int(rng.random() * (hi - lo + 1)))
        delivered, text = _outcome(rng, pack, category, status, ordered)
        did = ctx.next_id("delivery")
        # Goods go out on the invoice day or a day or two before it, but not on a Sunday.
        shipped = inv[ISSUED] - int(rng.random() * 3)
        on = ctx.day(shipped - (ctx.weekday(shipped) == 6))
        note = pack.numbers["delivery"].format(yy=on.year % 100, mm=on.month, seq=did)
        receiver = receivers[int(rng.random() * len(receivers))]
        out.append((did, cid, inv[CONTRACT], inv[ID], note, on, receiver, status, ordered,
                    delivered, text))


def _round_qty(qty: int) -> int:
    # People order round quantities: 480 bags, not 473.
    return qty if qty < 50 else qty - qty % 10


def _outcome(rng, pack, category: dict, status: str, ordered: int) -> tuple[int, str]:
    """(delivered quantity, discrepancy text) for a complete, partial or problem delivery."""
    if status == "complete":
        return ordered, ""
    values = {"unit": category["unit"], "item": category["item"], "ordered": ordered}
    if status == "partial":
        short = max(1, int(ordered * (0.05 + rng.random() * 0.25)))
        template = _pick(rng, pack.discrepancy["partial"])
        return ordered - short, template.format(n=short, delivered=ordered - short, **values)
    bad = max(1, int(ordered * (0.02 + rng.random() * 0.13)))
    own = category.get("defects") or ()
    generic = pack.discrepancy["problem"]
    template = _pick(rng, own) if own and rng.random() < 0.5 else _pick(rng, generic)
    return ordered, template.format(n=bad, delivered=ordered, **values)


def _receivers(rng, c: dict, staff: list[tuple[str, str]]) -> list[str]:
    """Who signs for goods: the warehouse keeper we know, else the owner or a warehouse clerk."""
    pack = c["pack"]
    found = [p for p in staff if p[1] in _RECEIVING]
    if not found:
        clerk = people.person(rng, pack, c["region"])[0]
        found = [staff[0], (clerk, pack.receiver_role)]
    if pack.country == "VN":
        return [f"{name} ({role.lower()})" for name, role in found]
    return [f"{name}（{role}）" for name, role in found]


def _pick(rng, seq):
    return seq[int(rng.random() * len(seq))]
