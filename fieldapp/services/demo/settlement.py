"""Payments of one customer: tranches per invoice by profile, grouped into transfers and cheques."""

from __future__ import annotations

from ...domain import ids
from . import profiles
from .ledger import AMOUNT, DISPUTED, DUE, ID, ISSUED, NUMBER, PAID

# A payment often covers several invoices settled within a few days of each other.
MERGE_WITHIN_DAYS, MERGE_CHANCE, MAX_ALLOCATIONS = 6, 0.55, 5
_LETTERS = "ABCDEFGHKLMNPQRSTUVXY"


def settle(rng, c: dict, invoices: list[list], ctx, payments: list, allocations: list) -> None:
    """Append payments and allocations up to today and record what each invoice got (PAID)."""
    tranches: list[tuple[int, int, int]] = []
    for index, inv in enumerate(invoices):
        _plan(rng, c, inv, index, tranches, ctx)
    tranches.sort()
    for when, parts in _group(rng, tranches):
        _emit(rng, c, invoices, when, parts, ctx, payments, allocations)


def _plan(rng, c: dict, inv: list, index: int, out: list, ctx) -> None:
    """The (day, invoice, amount) tranches this invoice is paid in; future ones are dropped."""
    profile, due, amount = c["profile"], inv[DUE], inv[AMOUNT]
    step = c["pack"].amount_step
    if inv[DISPUTED]:
        # The customer pays for what arrived in order and withholds the rest (or everything).
        if rng.random() < 0.4:
            part = _share(rng, amount, step, 0.4, 0.8)
            _add(out, ctx, inv, index, due + profiles.delay(rng, "late"), part)
        return
    if profile == "trouble" and due > c["trouble_off"]:
        if rng.random() < 0.35:
            _add(out, ctx, inv, index, due + 10 + int(rng.random() * 80),
                 _share(rng, amount, step, 0.2, 0.6))
        return
    if rng.random() < profiles.SKIP[profile]:
        return
    when = due + profiles.delay(rng, profile)
    if rng.random() < profiles.SPLIT[profile]:
        first = _share(rng, amount, step, 0.3, 0.7)
        _add(out, ctx, inv, index, when, first)
        _add(out, ctx, inv, index, when + profiles.rest_wait(rng, profile), amount - first)
    else:
        _add(out, ctx, inv, index, when, amount)


def _share(rng, amount: int, step: int, lo: float, hi: float) -> int:
    """Part of ``amount`` in whole steps, leaving at least one step unpaid."""
    part = int(amount * (lo + rng.random() * (hi - lo)) / step) * step
    return min(max(part, step), amount - step)


def _add(out: list, ctx, inv: list, index: int, when: int, amount: int) -> None:
    when = max(when, inv[ISSUED] + 1)
    if ctx.weekday(when) == 6:
        when = max(when - 2, inv[ISSUED] + 1)  # Sunday money shows up as Friday's
    if when <= 0 and amount > 0:  # paid_on is never after today
        out.append((when, index, amount))


def _group(rng, tranches):
    """Merge tranches a few days apart into one payment, as customers batch their transfers."""
    grouped: list[list] = []
    for when, index, amount in tranches:
        last = grouped[-1] if grouped else None
        if (last and when - last[0] <= MERGE_WITHIN_DAYS and len(last[1]) < MAX_ALLOCATIONS
                and all(i != index for i, _ in last[1]) and rng.random() < MERGE_CHANCE):
            last[0] = when
            last[1].append((index, amount))
        else:
            grouped.append([when, [(index, amount)]])
    return grouped


def _emit(rng, c, invoices, when, parts, ctx, payments, allocations) -> None:
    pack = c["pack"]
    # The accounting export numbers payments; stored ids are UUIDs derived from that number.
    pid = ids.legacy_payment_id(ctx.next_id("payment"))
    amount = sum(a for _, a in parts)
    method = pack.methods.pick(rng)
    if method == "cash" and amount >= pack.cash_limit:
        method = "transfer"  # large sums go through a bank (in Vietnam by law from 20 million đồng)
    first = invoices[parts[0][0]]
    reference = _reference(rng, pack, method, ctx.day(when), first[NUMBER])
    payments.append((pid, c["k"], ctx.day(when), amount, pack.currency, method, reference))
    for index, part in parts:
        inv = invoices[index]
        inv[PAID] += part
        allocations.append((ids.legacy_allocation_id(ctx.next_id("allocation"), pid), pid,
                            inv[ID], part))


def _reference(rng, pack, method: str, day, invoice_number: str) -> str:
    templates = pack.references[method]
    r = rng.random
    letters = _LETTERS[int(r() * 21)] + _LETTERS[int(r() * 21)]
    return templates[int(r() * len(templates))].format(
        yy=day.year % 100, mm=day.month, dd=day.day, doy=day.timetuple().tm_yday,
        n4=int(r() * 10 ** 4), n5=int(r() * 10 ** 5), n6=int(r() * 10 ** 6),
        n7=int(r() * 10 ** 7), bank=pack.banks[int(r() * len(pack.banks))], letters=letters,
        tail=letters, invoice=invoice_number)
