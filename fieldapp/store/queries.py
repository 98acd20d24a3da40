"""Read queries of the portfolio: search pages, route, one customer's file."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, time, timedelta

from sqlalchemy import func, select

from ..domain.aging import age_balances
from ..domain.errors import NotFound
from ..domain.money import Money
from ..domain.records import CustomerFile, CustomerSummary, RouteStop
from ..domain.search import RANKED, FoundPage, MatchReason, Sorting
from ..domain.stored import RouteDay
from ..i18n.folding import fold, query_terms
from . import convert, hot, receipt_repo, search_sql
from .tables import (AllocationRow, ContactRow, ContractRow, CustomerRow, DeliveryRow,
                     InvoiceRow, PaymentRow, RouteStopRow)

_SUMMARY_COLS = "id, code, name, phone, district, province"
# Open, past-due balances per customer and currency, with the oldest due date among them.
_OVERDUE = ("SELECT customer_id, currency, SUM(open_minor), MIN(due_on) FROM invoice "
            "WHERE customer_id IN ({ids}) AND open_minor != 0 AND due_on < '{today}' "
            "GROUP BY customer_id, currency")


def summary_sql(ids, today: date) -> tuple[str, str]:
    """The two statements that fill list rows for ``ids`` (also run bare by the benchmark).

    Ids are integers and the day an ISO literal, so both are inlined: the statements then go
    to the driver as they are, with no per-call compilation (search runs on every keystroke).
    """
    id_list = ",".join(str(int(i)) for i in ids) or "NULL"
    return (f"SELECT {_SUMMARY_COLS} FROM customer WHERE id IN ({id_list})",
            _OVERDUE.format(ids=id_list, today=today.isoformat()))


def summaries(conn, ids, today: date) -> list[CustomerSummary]:
    """List rows for ``ids``, in the order given."""
    customers_sql, overdue_sql = summary_sql(ids, today)
    overdue = defaultdict(list)
    oldest: dict[int, date] = {}
    for cid, currency, minor, min_due in hot.fetch(conn, overdue_sql):
        overdue[cid].append(Money(int(minor), currency))
        due = min_due if isinstance(min_due, date) else date.fromisoformat(min_due)
        oldest[cid] = min(due, oldest.get(cid, due))
    rows = {r[0]: r for r in hot.fetch(conn, customers_sql)}
    return [CustomerSummary(*rows[i], tuple(overdue[i]),
                            (today - oldest[i]).days if i in oldest else 0)
            for i in ids if i in rows]


def search(conn, query: str, sorting: Sorting, cursor: tuple | None, limit: int,
           today: date) -> FoundPage:
    """One page of customers matching ``query`` after ``cursor`` in the order asked for; the
    first page also counts the matches (up to search_sql.COUNT_CAP)."""
    found, last, more, total = search_sql.find(
        lambda sql, params: hot.fetch(conn, sql, params), query, sorting, cursor, limit, today,
        conn.dialect.name)
    rows = summaries(conn, [cid for cid, _rank in found], today)
    typed = bool(query_terms(query))
    reasons = tuple(_reason(rank, row, query) if typed else None
                    for (_cid, rank), row in zip(found, rows))
    capped = total is not None and total > search_sql.COUNT_CAP
    return FoundPage(tuple(rows), reasons, last, more,
                     None if total is None else min(total, search_sql.COUNT_CAP), capped)


def _reason(rank: int, row: CustomerSummary, query: str) -> MatchReason:
    reason = RANKED[rank]
    if reason is MatchReason.OTHER and all(t in fold(row.code) for t in query_terms(query)):
        return MatchReason.CODE
    return reason


def count_customers(session) -> int:
    return session.scalar(select(func.count()).select_from(CustomerRow)) or 0


def route(session, day: date) -> list[RouteStop]:
    """The stops planned for ``day`` in visiting order."""
    stops = session.execute(select(RouteStopRow).where(RouteStopRow.route_date == day)
                            .order_by(RouteStopRow.seq)).scalars().all()
    by_id = {s.id: s for s in summaries(session.connection(), [s.customer_id for s in stops], day)}
    return [RouteStop(s.route_date, s.seq, _time(s.planned_time), s.purpose, by_id[s.customer_id])
            for s in stops if s.customer_id in by_id]


def _time(text: str) -> time | None:
    """Route times are stored as 'HH:MM'; an empty or unreadable one means no agreed time."""
    try:
        return time.fromisoformat(text) if text else None
    except ValueError:
        return None


def route_days(session, start: date, days: int) -> list[RouteDay]:
    """Days with planned stops from ``start`` on, and how many stops each has."""
    end = start + timedelta(days=days)
    rows = session.execute(select(RouteStopRow.route_date, func.count().label("stops"))
                           .where(RouteStopRow.route_date >= start, RouteStopRow.route_date < end)
                           .group_by(RouteStopRow.route_date).order_by(RouteStopRow.route_date))
    return [RouteDay(r.route_date, r.stops) for r in rows]


def customer_file(session, customer_id: int, as_of: date) -> CustomerFile:
    """Everything about one customer, newest documents first."""
    row = session.get(CustomerRow, customer_id)
    if row is None:
        raise NotFound("customer.not_found", customer=customer_id)

    def rows(table, order):
        return session.execute(select(table).where(table.customer_id == customer_id)
                               .order_by(*order)).scalars().all()

    invoices = [convert.invoice(r) for r in rows(InvoiceRow, (InvoiceRow.due_on.desc(),
                                                              InvoiceRow.id.desc()))]
    payments = rows(PaymentRow, (PaymentRow.paid_on.desc(), PaymentRow.id.desc()))
    return CustomerFile(
        as_of, convert.customer(row),
        tuple(convert.contact(r) for r in rows(ContactRow, (ContactRow.authority_to_pay.desc(),
                                                             ContactRow.id))),
        tuple(convert.contract(r) for r in rows(ContractRow, (ContractRow.signed_on.desc(),))),
        tuple(invoices),
        tuple(convert.delivery(r) for r in rows(DeliveryRow, (DeliveryRow.delivered_on.desc(),
                                                               DeliveryRow.id.desc()))),
        _payments(session, payments),
        tuple(age_balances(((i.due_on, i.open_balance) for i in invoices), as_of)))


def _payments(session, payments):
    allocations = defaultdict(list)
    ids = [p.id for p in payments]
    if ids:
        stmt = (select(AllocationRow.payment_id, AllocationRow.invoice_id, InvoiceRow.number,
                       AllocationRow.amount_minor)
                .join(InvoiceRow, InvoiceRow.id == AllocationRow.invoice_id)
                .where(AllocationRow.payment_id.in_(ids)).order_by(AllocationRow.id))
        for pid, inv_id, number, minor in session.execute(stmt):
            allocations[pid].append((inv_id, number, minor))
    voided = receipt_repo.voided_payments(session, ids) if ids else {}
    return tuple(convert.payment(p, allocations[p.id], _void_reason(voided.get(p.id)))
                 for p in payments)


def _void_reason(found) -> str:
    """The reason of a void ("" when the payment counts); a void always has one."""
    return (found[1] or "-") if found else ""
