"""Receipts in SQL: made from the on-site payments a day bundle brings, listed oldest first,
their states set, matched to imported accounting credits, and the voids a laptop receives."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta, tzinfo

from sqlalchemy import exists, func, insert, or_, select, update

from ..domain.instants import from_text
from ..domain.money import Money
from ..domain.receipts import (DAYS_AFTER, DAYS_BEFORE, MATCHABLE, MATCHED, PENDING, VOIDED,
                               Candidate, Receipt, match)
from .tables import (CollectorRow, CustomerRow, DeviceRow, InvoiceRow, OutcomeRow, PaymentRow,
                     ReceiptRow)

_CHUNK = 500
# A payment that counts: not the payment of a receipt the office voided (plain SQL, for the
# statements written as text; ``{p}`` is the payment's alias).
COUNTS_SQL = ("NOT EXISTS (SELECT 1 FROM receipt vr WHERE vr.payment_id = {p}.id "
              "AND vr.state = 'voided')")


def counts(payment_id_column):
    """The same condition for statements built with SQLAlchemy."""
    return ~exists().where(ReceiptRow.payment_id == payment_id_column, ReceiptRow.state == VOIDED)


def _chunks(values: list):
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def receive(conn, payment_ids: list[str], device: str | None, at: str) -> list[str]:
    """A pending receipt for each on-site payment in ``payment_ids`` the office has no receipt
    for yet; its number is the money-received outcome of the same visit with the same amount
    (two equal sums of one visit are the same money either way round). Returns the numbers
    of the receipts made."""
    payments = []
    for part in _chunks(sorted(payment_ids)):
        payments += conn.execute(select(
            PaymentRow.id, PaymentRow.visit_uuid, PaymentRow.customer_id, PaymentRow.paid_on,
            PaymentRow.amount_minor, PaymentRow.currency).where(
            PaymentRow.id.in_(part), PaymentRow.visit_uuid.is_not(None))).all()
    return _make(conn, payments, device, at)


def backfill(conn, at: str) -> list[str]:
    """Receipts for every on-site payment an office imported before receipts were kept."""
    if not conn.execute(select(func.count()).select_from(DeviceRow)).scalar():
        return []  # a laptop: it keeps only the receipts the office voided
    payments = conn.execute(select(
        PaymentRow.id, PaymentRow.visit_uuid, PaymentRow.customer_id, PaymentRow.paid_on,
        PaymentRow.amount_minor, PaymentRow.currency).where(
        PaymentRow.visit_uuid.is_not(None))).all()
    return _make(conn, payments, None, at)


def _make(conn, payments, device: str | None, at: str) -> list[str]:
    if not payments:
        return []
    visits = sorted({p.visit_uuid for p in payments})
    numbers: dict[tuple, list[str]] = defaultdict(list)
    for part in _chunks(visits):
        for v, no, minor, cur in conn.execute(select(
                OutcomeRow.visit_uuid, OutcomeRow.receipt_no, OutcomeRow.amount_minor,
                OutcomeRow.currency).where(OutcomeRow.visit_uuid.in_(part),
                                           OutcomeRow.kind == "money_received",
                                           OutcomeRow.receipt_no != "")
                .order_by(OutcomeRow.receipt_no)):
            numbers[(v, minor, cur)].append(no)
    held = set()
    all_numbers = [n for ns in numbers.values() for n in ns]
    for part in _chunks(all_numbers):
        held |= set(conn.execute(select(ReceiptRow.receipt_no).where(
            ReceiptRow.receipt_no.in_(part))).scalars())
    collectors = dict(conn.execute(select(DeviceRow.id, DeviceRow.collector_id)).all())
    rows = []
    for p in sorted(payments, key=lambda p: p.id):
        free = numbers.get((p.visit_uuid, p.amount_minor, p.currency))
        if not free:
            continue  # no receipt was written for it (not money taken on a visit)
        no = free.pop(0)
        if no in held:
            continue
        held.add(no)
        who = device or _device_of(no, collectors)
        rows.append({"receipt_no": no, "payment_id": p.id, "visit_uuid": p.visit_uuid,
                     "customer_id": p.customer_id, "device": who or "",
                     "collector_id": collectors.get(who), "paid_on": p.paid_on,
                     "amount_minor": p.amount_minor, "currency": p.currency, "received_at": at,
                     "state": PENDING, "state_at": None, "state_by": "", "reason": "",
                     "matched_invoice_id": None})
    if rows:
        conn.execute(insert(ReceiptRow.__table__), rows)
    return [r["receipt_no"] for r in rows]


def _device_of(receipt_no: str, collectors: dict) -> str:
    """The device whose short id starts the number (services.finalize.receipt_number)."""
    head = receipt_no.split("-")[0]
    found = [d for d in collectors if d.replace("-", "")[:8].upper() == head]
    return found[0] if len(found) == 1 else ""


_MATCHED = InvoiceRow.__table__.alias("matched")


def _query():
    r = ReceiptRow
    return (select(r.receipt_no, r.payment_id, r.visit_uuid, r.customer_id, r.device,
                   r.paid_on, r.amount_minor, r.currency, r.received_at, r.state, r.state_at,
                   r.state_by, r.reason, CustomerRow.code, CustomerRow.name.label("cname"),
                   CollectorRow.name.label("collector"), _MATCHED.c.number.label("m_number"),
                   _MATCHED.c.source.label("m_source"), _MATCHED.c.issued_on.label("m_on"))
            .outerjoin(CustomerRow, CustomerRow.id == r.customer_id)
            .outerjoin(CollectorRow, CollectorRow.id == r.collector_id)
            .outerjoin(_MATCHED, _MATCHED.c.id == r.matched_invoice_id))


def _receipt(row, zone: tzinfo) -> Receipt:
    return Receipt(row.receipt_no, row.payment_id, row.visit_uuid, row.customer_id,
                   row.code or "", row.cname or "", row.collector or "", row.device,
                   _day(row.paid_on), Money(int(row.amount_minor), row.currency),
                   from_text(row.received_at, zone), row.state,
                   from_text(row.state_at, zone) if row.state_at else None, row.state_by,
                   row.reason, row.m_number or "", row.m_source or "",
                   _day(row.m_on) if row.m_on is not None else None)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def listed(session, state: str | None, zone: tzinfo, limit: int | None = None) -> list[Receipt]:
    """Receipts in ``state`` (None: all), oldest money first."""
    stmt = _query().order_by(ReceiptRow.paid_on, ReceiptRow.receipt_no)
    if state is not None:
        stmt = stmt.where(ReceiptRow.state == state)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_receipt(r, zone) for r in session.execute(stmt)]


def by_numbers(session, numbers: list[str], zone: tzinfo) -> dict[str, Receipt]:
    found = {}
    for part in _chunks(sorted(set(numbers))):
        for r in session.execute(_query().where(ReceiptRow.receipt_no.in_(part))):
            found[r.receipt_no] = _receipt(r, zone)
    return found


def state_counts(session) -> dict[str, int]:
    return dict(session.execute(select(ReceiptRow.state, func.count())
                                .group_by(ReceiptRow.state)).all())


def set_state(session, numbers: list[str], state: str, reason: str, actor: str, at: str,
              only: tuple[str, ...]) -> int:
    """Move the receipts in ``numbers`` that are in one of ``only`` to ``state``."""
    done = 0
    for part in _chunks(sorted(numbers)):
        done += session.execute(update(ReceiptRow).where(
            ReceiptRow.receipt_no.in_(part), ReceiptRow.state.in_(only)).values(
            state=state, state_at=at, state_by=actor, reason=reason)).rowcount or 0
    return done


def match_all(session, actor: str, at: str, numbers: list[str] | None = None) -> int:
    """Match every pending or confirmed receipt (or only those of ``numbers``: the ones a day
    bundle just brought) to a free imported credit (the rule in domain.receipts); returns how
    many were matched."""
    stmt = select(ReceiptRow.receipt_no, ReceiptRow.customer_id, ReceiptRow.currency,
                  ReceiptRow.amount_minor, ReceiptRow.paid_on).where(
        ReceiptRow.state.in_(MATCHABLE), ReceiptRow.matched_invoice_id.is_(None))
    open_ = []
    for part in _chunks(sorted(numbers)) if numbers is not None else (None,):
        open_ += session.execute(stmt if part is None else stmt.where(
            ReceiptRow.receipt_no.in_(part))).all()
    if not open_:
        return 0
    receipts = [Candidate(r.receipt_no, r.customer_id, r.currency, int(r.amount_minor),
                          _day(r.paid_on)) for r in open_]
    lo = min(c.day for c in receipts) - timedelta(days=DAYS_BEFORE)
    hi = max(c.day for c in receipts) + timedelta(days=DAYS_AFTER)
    taken = select(ReceiptRow.matched_invoice_id).where(
        ReceiptRow.matched_invoice_id.is_not(None))
    credits = []
    for part in _chunks(sorted({c.customer_id for c in receipts})):
        credits += [Candidate(i.id, i.customer_id, i.currency, -int(i.amount_minor),
                              _day(i.issued_on))
                    for i in session.execute(select(
                        InvoiceRow.id, InvoiceRow.customer_id, InvoiceRow.currency,
                        InvoiceRow.amount_minor, InvoiceRow.issued_on).where(
                        InvoiceRow.customer_id.in_(part), InvoiceRow.amount_minor < 0,
                        InvoiceRow.source != "", InvoiceRow.issued_on >= lo,
                        InvoiceRow.issued_on <= hi, InvoiceRow.id.not_in(taken)))]
    pairs = match(receipts, credits)
    for number, credit in pairs:
        session.execute(update(ReceiptRow).where(ReceiptRow.receipt_no == number).values(
            state=MATCHED, state_at=at, state_by=actor, matched_invoice_id=credit))
    return len(pairs)


def voids_for(session, collector_id: str) -> list[dict]:
    """The voided receipts of a collector's customers or laptops: what the next pack carries."""
    c = select(CustomerRow.id).where(CustomerRow.collector_id == collector_id)
    stmt = (select(ReceiptRow).where(ReceiptRow.state == VOIDED, or_(
        ReceiptRow.collector_id == collector_id, ReceiptRow.customer_id.in_(c)))
        .order_by(ReceiptRow.receipt_no))
    return [{"receipt_no": r.receipt_no, "payment_id": r.payment_id, "voided_at": r.state_at,
             "by": r.state_by, "reason": r.reason} for r in session.execute(stmt).scalars()]


def take_voids(conn, voids: list[dict]) -> int:
    """The laptop keeps each void it does not hold yet, for a payment it holds (a receipt
    made on another laptop of the collector is not here)."""
    if not voids:
        return 0
    held = set(conn.execute(select(ReceiptRow.receipt_no).where(
        ReceiptRow.state == VOIDED)).scalars())
    ids = [v["payment_id"] for v in voids]
    payments = {}
    for part in _chunks(ids):
        for p in conn.execute(select(PaymentRow).where(PaymentRow.id.in_(part))):
            payments[p.id] = p
    new = []
    for v in voids:
        p = payments.get(v["payment_id"])
        if v["receipt_no"] in held or p is None:
            continue
        held.add(v["receipt_no"])
        new.append({"receipt_no": v["receipt_no"], "payment_id": p.id,
                    "visit_uuid": p.visit_uuid or "", "customer_id": p.customer_id,
                    "device": "", "collector_id": None, "paid_on": p.paid_on,
                    "amount_minor": p.amount_minor, "currency": p.currency,
                    "received_at": v["voided_at"], "state": VOIDED, "state_at": v["voided_at"],
                    "state_by": v["by"], "reason": v["reason"], "matched_invoice_id": None})
    # A receipt the laptop held in another state (none today) takes the void.
    for part in _chunks([n["receipt_no"] for n in new]):
        conn.execute(ReceiptRow.__table__.delete().where(ReceiptRow.receipt_no.in_(part)))
    if new:
        conn.execute(insert(ReceiptRow.__table__), new)
    return len(new)


def voided_of_customer(session, customer_id: int) -> dict[str, str]:
    """receipt number → reason of the customer's receipts the office voided."""
    return dict(session.execute(select(ReceiptRow.receipt_no, ReceiptRow.reason).where(
        ReceiptRow.customer_id == customer_id, ReceiptRow.state == VOIDED)).all())


def voided_payments(session, payment_ids: list[str]) -> dict[str, tuple[str, str]]:
    """payment id → (receipt number, reason) of those voided."""
    found = {}
    for part in _chunks(sorted(set(payment_ids))):
        for r in session.execute(select(ReceiptRow.payment_id, ReceiptRow.receipt_no,
                                        ReceiptRow.reason).where(
                ReceiptRow.payment_id.in_(part), ReceiptRow.state == VOIDED)):
            found[r.payment_id] = (r.receipt_no, r.reason)
    return found

