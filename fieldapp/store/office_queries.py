"""The office's list of customers: the laptop's search plus filters, sorted and paged in SQL."""

from __future__ import annotations

from datetime import date

from ..domain.office_filters import CustomerFilter
from ..domain.office_portfolio import CollectorName, OfficeCustomer, OfficeOrder, OfficeSorting
from ..domain.search import CustomerOrder, Sorting
from ..i18n.folding import query_terms
from . import customer_filter, hot, search_sql
from .queries import _reason as match_reason
from .queries import summaries

_LAPTOP_ORDER = {OfficeOrder.NAME: CustomerOrder.NAME, OfficeOrder.CODE: CustomerOrder.CODE,
                 OfficeOrder.OVERDUE: CustomerOrder.OVERDUE, OfficeOrder.LATE: CustomerOrder.LATE}


def _source(flt: CustomerFilter, today: date, dialect: str, params: dict, sorted_: bool = True):
    """FROM, WHERE and the rank expression (None without typed words) of the filter; the
    folded names (``s``) come along when the rows are to be sorted.

    The conditions are the assignments' own (store.customer_filter): "all N matching" acts
    on exactly the customers this list counts."""
    terms = query_terms(flt.query)
    # The typed words as the laptop matches them (customer_filter does the same, as a
    # subquery; joined here, the index walks the page in order instead of listing every match).
    wanted = customer_filter.filter_sql(flt.but(query=""), today, dialect)
    params.update(wanted.params)
    if not terms:
        source = "customer c JOIN customer_search s ON s.customer_id = c.id" if sorted_ \
            else "customer c"
        return source, wanted.where, None
    source, conds, id_column = search_sql.match_source(terms, dialect, params)
    rank = search_sql.rank_sql(terms, dialect, params)
    return (f"{source} JOIN customer c ON c.id = {id_column}",
            " AND ".join([*conds, wanted.where]), rank)


def _order(sorting: OfficeSorting, terms: list[str], rank: str | None,
           dialect: str) -> tuple[list[str], bool, str | None]:
    """Sort expressions (the laptop's where it has them), whether they run descending, and
    for RELEVANCE the rank's place in the laptop's order of tiers (over the column ``r``)."""
    order = sorting.order
    if order is OfficeOrder.RELEVANCE and rank is not None:
        plan = search_sql.tiers(terms)
        place = "CASE r " + " ".join(f"WHEN {t} THEN {i}" for i, t in enumerate(plan)) + " END"
        return ["s.name"], False, place
    if order is OfficeOrder.COLLECTOR:
        return ["COALESCE(k.name, '')", "s.name"], sorting.descending, None
    laptop = Sorting(_LAPTOP_ORDER.get(order, CustomerOrder.NAME), sorting.descending)
    keys, down = search_sql.sort_keys(laptop, dialect)
    return keys, down if order in _LAPTOP_ORDER else False, None


def page_sql(flt: CustomerFilter, sorting: OfficeSorting, offset: int, limit: int, today: date,
             dialect: str) -> tuple[str, dict]:
    """Rows ``(id, rank)`` ``offset`` to ``offset + limit`` of the filtered list."""
    params: dict = {"limit": int(limit), "offset": int(offset)}
    source, where, rank = _source(flt, today, dialect, params)
    keys, down, place = _order(sorting, query_terms(flt.query), rank, dialect)
    if any(":today" in k for k in keys):
        params["today"] = today.isoformat()
    if sorting.order is OfficeOrder.COLLECTOR:
        source += " LEFT JOIN collector k ON k.id = c.collector_id"
    names = [f"k{i}" for i in range(len(keys))]
    select = ", ".join([*(f"{k} AS {n}" for k, n in zip(keys, names)), "c.id AS id",
                        f"{rank or '0'} AS r"])
    direction = " DESC" if down else ""
    order = ", ".join([*([place] if place else []), *(f"{n}{direction}" for n in [*names, "id"])])
    # The rank is worked out once per row inside; the outer statement only orders by it.
    return (f"SELECT id, r FROM (SELECT {select} FROM {source} WHERE {where}) AS m "
            f"ORDER BY {order} LIMIT :limit OFFSET :offset", params)


def count_sql(flt: CustomerFilter, today: date, dialect: str) -> tuple[str, dict]:
    params: dict = {}
    source, where, _rank = _source(flt, today, dialect, params, sorted_=False)
    return f"SELECT COUNT(*) FROM {source} WHERE {where}", params


def page(conn, flt: CustomerFilter, sorting: OfficeSorting, offset: int, limit: int,
         today: date) -> list[OfficeCustomer]:
    """Rows of the list from ``offset`` on, at most ``limit`` of them."""
    dialect = conn.dialect.name
    sql, params = page_sql(flt, sorting, offset, limit, today, dialect)
    found = [(int(cid), int(rank)) for cid, rank in hot.fetch(conn, sql, params)]
    listed = summaries(conn, [cid for cid, _ in found], today)
    extra = _extras(conn, [row.id for row in listed], today, dialect)
    typed = bool(query_terms(flt.query))
    ranks = dict(found)
    return [OfficeCustomer(row, *extra[row.id],
                           match_reason(ranks[row.id], row, flt.query) if typed else None)
            for row in listed]


def _extras(conn, ids: list[int], today: date, dialect: str) -> dict[int, tuple]:
    """Collector id and name, territory and the disputed mark of each customer in ``ids``."""
    if not ids:
        return {}
    id_list = ",".join(str(int(i)) for i in ids)
    # Disputed as the filter means it, so a row marked disputed is one the filter keeps.
    disputed = customer_filter.filter_sql(CustomerFilter(disputed=True), today, dialect)
    sql = (f"SELECT c.id, c.collector_id, COALESCE(k.name, ''), c.territory, "
           f"CASE WHEN {disputed.where} THEN 1 ELSE 0 END FROM customer c "
           f"LEFT JOIN collector k ON k.id = c.collector_id WHERE c.id IN ({id_list})")
    return {int(r[0]): (r[1], r[2], r[3] or "", bool(r[4]))
            for r in hot.fetch(conn, sql, disputed.params)}


def count(conn, flt: CustomerFilter, today: date) -> int:
    """How many customers the filter keeps (exactly: the caption and bulk actions say it)."""
    sql, params = count_sql(flt, today, conn.dialect.name)
    return int(hot.fetch(conn, sql, params)[0][0])


def matching_ids(conn, flt: CustomerFilter, today: date) -> list[int]:
    """Every customer the filter keeps, by id (what "all N matching" acts on)."""
    params: dict = {}
    source, where, _rank = _source(flt, today, conn.dialect.name, params, sorted_=False)
    return [int(r[0]) for r in hot.fetch(
        conn, f"SELECT c.id FROM {source} WHERE {where} ORDER BY c.id", params)]


def count_all(conn) -> int:
    return int(hot.fetch(conn, "SELECT COUNT(*) FROM customer")[0][0])


def collector_of(conn, customer_id: int) -> CollectorName | None:
    """The collector assigned to a customer, if any."""
    rows = hot.fetch(conn, "SELECT k.id, k.name, k.active FROM customer c JOIN collector k "
                           "ON k.id = c.collector_id WHERE c.id = :cid", {"cid": int(customer_id)})
    return CollectorName(rows[0][0], rows[0][1], bool(rows[0][2])) if rows else None
