"""A CustomerFilter as SQL conditions on ``customer c``, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.office_filters import CustomerFilter, days_late_span
from ..i18n.folding import query_terms
from .search_sql import _source  # the laptop's matching, so the office finds what it finds

_OPEN = "i.customer_id = c.id AND i.open_minor != 0"


@dataclass(frozen=True)
class FilterSql:
    """``where`` is a boolean expression over ``customer c`` with ``params`` to bind."""

    where: str
    params: dict


def filter_sql(wanted: CustomerFilter, today: date, dialect: str) -> FilterSql:
    """The conditions of ``wanted`` as of ``today`` (aging and overdue count from it)."""
    params: dict = {}
    conds = [*_text(wanted.query, dialect, params), *_people(wanted, params),
             *_places(wanted, params), *_money(wanted, today, dialect, params)]
    return FilterSql(" AND ".join(conds) or "1 = 1", params)


def _text(query: str, dialect: str, params: dict) -> list[str]:
    terms = query_terms(query)
    if not terms:
        return []
    source, conds, id_column = _source(terms, dialect, params)
    where = " AND ".join(conds) or "1 = 1"
    return [f"c.id IN (SELECT {id_column} FROM {source} WHERE {where})"]


def _people(wanted: CustomerFilter, params: dict) -> list[str]:
    if wanted.no_collector:  # wins over collector_id: "nobody" cannot also be someone
        return ["c.collector_id IS NULL"]
    if wanted.collector_id:
        params["f_collector"] = wanted.collector_id
        return ["c.collector_id = :f_collector"]
    return []


def _places(wanted: CustomerFilter, params: dict) -> list[str]:
    conds = []
    for column in ("district", "province", "territory"):
        value = getattr(wanted, column)
        if value:
            params[f"f_{column}"] = value
            conds.append(f"c.{column} = :f_{column}")
    return conds


def _money(wanted: CustomerFilter, today: date, dialect: str, params: dict) -> list[str]:
    conds = []
    if wanted.aging_bucket:
        least, most = days_late_span(wanted.aging_bucket)
        params["f_due_hi"] = _day(today - timedelta(days=least), dialect)
        span = "i.due_on <= :f_due_hi"
        if wanted.aging_bucket == "current":
            span = "i.due_on >= :f_due_hi"
        elif most is not None:
            params["f_due_lo"] = _day(today - timedelta(days=most), dialect)
            span += " AND i.due_on >= :f_due_lo"
        conds.append(f"EXISTS (SELECT 1 FROM invoice i WHERE {_OPEN} AND {span})")
    if wanted.overdue_above is not None:
        params.update(f_today=_day(today, dialect), f_cur=wanted.overdue_above.currency,
                      f_above=wanted.overdue_above.minor)
        conds.append(f"(SELECT COALESCE(SUM(i.open_minor), 0) FROM invoice i WHERE {_OPEN} "
                     "AND i.due_on < :f_today AND i.currency = :f_cur) > :f_above")
    if wanted.disputed:  # a dispute recorded on a visit, or an invoice the accounts mark
        conds.append("(EXISTS (SELECT 1 FROM outcome o WHERE o.customer_id = c.id AND "
                     "o.kind = 'dispute' AND o.superseded_by IS NULL AND o.resolved = FALSE) "
                     f"OR EXISTS (SELECT 1 FROM invoice i WHERE {_OPEN} AND i.disputed = TRUE))")
    return conds


def _day(day: date, dialect: str):
    """SQLite keeps dates as ISO text; PostgreSQL compares real dates."""
    return day.isoformat() if dialect == "sqlite" else day
