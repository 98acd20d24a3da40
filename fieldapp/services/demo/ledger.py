"""Contracts and invoices of one customer over the last three years, with delivery outcomes."""

from __future__ import annotations

from . import profiles
from .vocab import Weighted

# Slots of the mutable invoice records passed between ledger, settlement and deliveries.
ID, CONTRACT, NUMBER, ISSUED, DUE, AMOUNT, PAID, DISPUTED, DELIVERY = range(9)

HISTORY_DAYS = 3 * 365
NET_DAYS = Weighted([(15, 15), (30, 45), (45, 25), (60, 15)])
DISCOUNT = Weighted([((0.0, 0), 70), ((1.0, 7), 8), ((1.0, 10), 10), ((2.0, 7), 7),
                     ((2.0, 10), 5)])
CONTRACT_COUNT = Weighted([(1, 50), (2, 35), (3, 15)])
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def window(c: dict) -> tuple[int, int]:
    """First and last day offsets on which this customer can have been invoiced."""
    lo = max(c["since_off"] + 10, -HISTORY_DAYS)
    hi = -1
    if c["status"] == "closed":  # a closed business stopped buying soon after its trouble began
        hi = min(hi, c["trouble_off"] + 45)
    return lo, max(lo, hi)


def contracts(rng, c: dict, ctx, out: list) -> list[tuple]:
    """Append 1–3 contracts (the first signed when cooperation began); return (id, signed, net)."""
    pack, (lo, hi) = c["pack"], window(c)
    count = CONTRACT_COUNT.pick(rng)
    signed = [c["since_off"] + int(rng.random() * 8)]
    signed += sorted(lo + int(rng.random() * (hi - lo + 1)) for _ in range(count - 1))
    goods = c["category"]["goods"]
    made = []
    for off in signed:
        cid = ctx.next_id("contract")
        net, (pct, days) = NET_DAYS.pick(rng), DISCOUNT.pick(rng)
        number = pack.numbers["contract"].format(year=ctx.day(off).year, seq=cid)
        out.append((cid, c["k"], number, ctx.day(off), goods[int(rng.random() * len(goods))], net,
                    rng.random() < 0.25, pct, days))
        made.append((cid, off, net))
    return made


def invoices(rng, c: dict, contracts_: list[tuple], ctx) -> list[list]:
    """Invoice records (see the slot names above), oldest first, each under its latest contract."""
    made = []
    for issued in _issue_days(rng, c):
        if ctx.weekday(issued) == 6:
            issued -= 1  # nobody invoices on a Sunday
        contract = next(k for k in reversed(contracts_) if k[1] <= issued)
        status = _delivery_outcome(rng, c)
        made.append([ctx.next_id("invoice"), contract[0], "", issued, issued + contract[2],
                     _amount(rng, c), 0, _disputed(rng, status, issued), status])
    for inv in made:
        inv[NUMBER] = _number(rng, c["pack"], inv[ID], ctx.day(inv[ISSUED]))
    return made


def _issue_days(rng, c: dict) -> list[int]:
    """Invoice days, oldest first: customers buy in bursts (a project, the run-up to Tết)."""
    lo, hi = window(c)
    count = profiles.INVOICE_COUNT.pick(rng)
    bursts = [lo + int(rng.random() * (hi - lo + 1)) for _ in range(max(1, round(count / 2.5)))]
    days = []
    for _ in range(count):
        day = bursts[int(rng.random() * len(bursts))] + int(rng.random() * 25) - 12
        days.append(min(max(day, lo), hi))
    return sorted(days)


def _amount(rng, c: dict) -> int:
    step = c["pack"].amount_step
    return max(50, int(c["base_amount"] * rng.lognormvariate(0.0, 0.45) / step + 0.5)) * step


def _delivery_outcome(rng, c: dict) -> str:
    # Customers who argue about quality (and those in trouble) report more delivery problems.
    factor = 2.0 if c["profile"] in ("trouble", "very_late") else 1.0
    roll = rng.random() / factor
    if roll < profiles.PROBLEM_DELIVERY:
        return "problem"
    if roll < profiles.PROBLEM_DELIVERY + profiles.PARTIAL_DELIVERY:
        return "partial"
    return "complete"


def _disputed(rng, status: str, issued: int) -> bool:
    if status == "complete":
        return False
    # Old delivery problems were mostly settled by credit notes long ago.
    recent = issued > -profiles.DISPUTE_RECENT_DAYS or rng.random() < 0.15
    return recent and rng.random() < profiles.DISPUTE_IF[status]


def _number(rng, pack, seq: int, issued) -> str:
    letters = _LETTERS[int(rng.random() * 24)] + _LETTERS[int(rng.random() * 24)]
    return pack.numbers["invoice"].format(yy=issued.year % 100, seq=seq, seq8=seq % 10 ** 8,
                                          letters=letters)


def invoice_rows(c: dict, made: list[list], ctx, out: list) -> None:
    """Append the invoice rows once settlement has filled in what was paid."""
    cid, currency, day = c["k"], c["pack"].currency, ctx.day
    for inv in made:
        out.append((inv[ID], cid, inv[CONTRACT], inv[NUMBER], day(inv[ISSUED]), day(inv[DUE]),
                    inv[AMOUNT], inv[AMOUNT] - inv[PAID], currency, inv[DISPUTED]))
