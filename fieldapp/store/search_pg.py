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
    """Rows ``(id, 0)`` of rank ``tier`` among the WINDOW customers after ``after``, then
    ``(last id of the window, 1)`` when the window was full. The inner LIMIT fences the walk:
    PostgreSQL must read in id order and cannot gather every match first."""
    terms = query_terms(query)
    params: dict = {"limit": limit, "window": WINDOW, "after": after or 0,
                    "skip": WINDOW - 1}
    _source, conds, _id = search_sql._source(terms, "postgresql", params)
    conds = search_sql.tier_conds(conds, tier, terms, "postgresql", params)
    fenced = ("(SELECT * FROM customer_search WHERE customer_id > :after "
              "ORDER BY customer_id LIMIT :window) AS s")
    found = (f"SELECT s.customer_id, 0 AS last FROM {fenced} WHERE {' AND '.join(conds)} "
             "ORDER BY s.customer_id LIMIT :limit")
    end = ("SELECT customer_id, 1 FROM customer_search WHERE customer_id > :after "
           "ORDER BY customer_id OFFSET :skip LIMIT 1")
    return search_sql.SearchSql(f"({found}) UNION ALL ({end})", params)


def tier_ids(run, query: str, tier: int, after: int | None, limit: int, today: date) -> list[int]:
    """Up to ``limit`` ids of rank ``tier`` after ``after``, in id order."""
    walk = walk_sql(query, tier, after, limit)
    rows = run(walk.sql, walk.params)
    ids = sorted(cid for cid, last in rows if not last)  # an Append keeps no promised order
    window_end = [cid for cid, last in rows if last]
    if len(ids) >= limit or not window_end:  # a full page, or every customer walked
        return ids[:limit]
    rest = search_sql.page_sql(query, Sorting(), (window_end[0],), limit - len(ids), today,
                               "postgresql", tier)
    return ids + [r[0] for r in run(rest.sql, rest.params)]
