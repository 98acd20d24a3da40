"""PostgreSQL through many matches, one rank at a time, in id order: first a short walk along
the primary key (a common word fills a page there at once), then the trigram indexes for
the rest (a rare rank is gathered from them instead of reading every customer)."""

from __future__ import annotations

from datetime import date

from ..domain.search import Sorting
from ..i18n.folding import query_terms
from . import search_sql

# Customers read in id order before asking the indexes: a few milliseconds, and a rank holding
# one customer in forty fills a page of fifty within it.
WINDOW = 2000


def walk_sql(query: str, tier: int, after: int | None, limit: int) -> search_sql.SearchSql:
    """Rows ``(id,)`` of rank ``tier`` among the WINDOW customers after ``after``. The inner
    LIMIT fences the walk: PostgreSQL must read in id order and cannot gather every match."""
    terms = query_terms(query)
    params: dict = {"limit": limit, "window": WINDOW, "after": after or 0}
    _source, conds, _id = search_sql._source(terms, "postgresql", params)
    conds.append(search_sql.tier_sql(tier, terms, "postgresql", params))
    fenced = ("(SELECT * FROM customer_search WHERE customer_id > :after "
              "ORDER BY customer_id LIMIT :window) AS s")
    return search_sql.SearchSql(f"SELECT s.customer_id FROM {fenced} WHERE {' AND '.join(conds)} "
                                "ORDER BY s.customer_id LIMIT :limit", params)


def window_end_sql(after: int | None) -> search_sql.SearchSql:
    """The last customer of the walk's window (none: the window reached the last customer)."""
    return search_sql.SearchSql(
        "SELECT customer_id FROM customer_search WHERE customer_id > :after "
        "ORDER BY customer_id OFFSET :skip LIMIT 1", {"after": after or 0, "skip": WINDOW - 1})


def tier_ids(run, query: str, tier: int, after: int | None, limit: int, today: date) -> list[int]:
    """Up to ``limit`` ids of rank ``tier`` after ``after``, in id order."""
    walk = walk_sql(query, tier, after, limit)
    ids = [r[0] for r in run(walk.sql, walk.params)]
    if len(ids) >= limit:
        return ids[:limit]
    end = window_end_sql(after)
    last = run(end.sql, end.params)
    if not last:
        return ids
    rest = search_sql.page_sql(query, Sorting(), (last[0][0],), limit - len(ids), today,
                               "postgresql", tier)
    return ids + [r[0] for r in run(rest.sql, rest.params)]
