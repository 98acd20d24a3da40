"""The statements of customer search: match, rank, sort and keyset-page in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.search import CustomerOrder, Sorting
from ..i18n.folding import query_terms
from . import search_pg

# Trigram needs three characters; shorter terms (one Chinese character, 'ng') are scanned with
# instr (SQLite) or LIKE without an index (PostgreSQL).
TRIGRAM = 3
# Counting stops here: "more than 1,000" says enough, and the count costs at most this many rows.
COUNT_CAP = 1_000
_PAST_DUE = ("FROM invoice i WHERE i.customer_id = s.customer_id AND i.open_minor != 0 "
             "AND i.due_on < :today")


@dataclass(frozen=True)
class SearchSql:
    """A statement and its parameters."""

    sql: str
    params: dict


def _has(column: str, param: str, dialect: str) -> str:
    # PostgreSQL: LIKE '%term%', which the trigram indexes (schema 10) serve; see _value.
    return (f"instr({column}, :{param}) > 0" if dialect == "sqlite"
            else f"{column} LIKE :{param}")


def _value(term: str, dialect: str) -> str:
    """The parameter _has compares with: the term, or on PostgreSQL its LIKE pattern (a typed
    % or _ is a character, not a wildcard; backslash is LIKE's default escape)."""
    if dialect == "sqlite":
        return term
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _source(terms: list[str], dialect: str, params: dict) -> tuple[str, list[str], str]:
    """FROM, WHERE and the id column of the matching customers: FTS5 for long terms, instr()
    for short ones. With FTS5 the id is the index's own rowid, which it hands out in order:
    a page in id order then stops after its rows instead of sorting every match."""
    long_terms = [t for t in terms if len(t) >= TRIGRAM] if dialect == "sqlite" else []
    short = [t for t in terms if t not in long_terms]
    conds = []
    for i, term in enumerate(short):
        params[f"s{i}"] = _value(term, dialect)
        conds.append(_has("s.doc", f"s{i}", dialect))
    if long_terms:
        params["match"] = " AND ".join(_quote(t) for t in long_terms)
        # CROSS JOIN keeps the index first: the MATCH picks the few rows, the join reads them.
        return ("customer_fts CROSS JOIN customer_search s ON s.customer_id = customer_fts.rowid",
                ["customer_fts MATCH :match", *conds], "customer_fts.rowid")
    # Only Chinese (or other wide) documents can hold a short wide term: the few such rows
    # are read through their index instead of every customer. SQLite keeps booleans as 0/1
    # (and uses the index on "= 1"); PostgreSQL has a real boolean, which "= 1" would not match.
    wide = ["s.wide = 1" if dialect == "sqlite" else "s.wide"] if any(
        not t.isascii() and len(t) < TRIGRAM for t in short) else []
    return "customer_search s", [*wide, *conds], "s.customer_id"


def _rank_parts(terms: list[str], dialect: str, params: dict):
    """'A name word starts with a term' and 'this column holds every term', as SQL. On
    PostgreSQL the name is tested as ' ' || name, the expression its trigram index is on
    (schema 10): the one index serves both tests."""
    name = "(' ' || s.name)"

    def every(column: str) -> str:
        column = name if column == "s.name" and dialect != "sqlite" else column
        return "(" + " AND ".join(_has(column, f"t{i}", dialect) for i in range(len(terms))) + ")"
    starts = "(" + " OR ".join(_has(name, f"w{i}", dialect) for i in range(len(terms))) + ")"
    for i, term in enumerate(terms):
        params[f"t{i}"], params[f"w{i}"] = _value(term, dialect), _value(" " + term, dialect)
    return starts, every


def rank_sql(terms: list[str], dialect: str, params: dict) -> str:
    """0 a name word starts with a term, 1 the name holds every term, 2 a contact's name does,
    3 a phone number does, 4 anything else (code, tax code, several fields): MatchReason order."""
    starts, every = _rank_parts(terms, dialect, params)
    return (f"CASE WHEN {starts} AND {every('s.name')} THEN 0 WHEN {every('s.name')} THEN 1 "
            f"WHEN {every('s.people')} THEN 2 WHEN {every('s.phones')} THEN 3 ELSE 4 END")


def tier_sql(tier: int, terms: list[str], dialect: str, params: dict) -> str:
    """The rows of rank ``tier`` (rank_sql = tier) as a plain condition on the columns, which
    PostgreSQL can estimate and serve from each column's trigram index; a CASE it can't."""
    starts, every = _rank_parts(terms, dialect, params)
    name, people, phones = every("s.name"), every("s.people"), every("s.phones")
    # Ranks 0-3 hold the terms in a column of the search document, so they match it too.
    return {0: f"{starts} AND {name}", 1: f"{name} AND NOT {starts}",
            2: f"{people} AND NOT {name}", 3: f"{phones} AND NOT {name} AND NOT {people}",
            4: f"NOT {name} AND NOT {people} AND NOT {phones}"}[tier]


def tier_conds(conds: list[str], tier: int, terms: list[str], dialect: str,
               params: dict) -> list[str]:
    """The conditions of rank ``tier`` on PostgreSQL: a rank below 4 holds the terms in its
    own column (a part of the search document), so the document's own tests (``conds``) add
    nothing but work: the column's index alone finds the rows."""
    own = tier_sql(tier, terms, dialect, params)
    return [*conds, own] if tier == 4 else [own]


def tiers(terms: list[str]) -> tuple[int, ...]:
    """The ranks a query can have, in the order they are listed (see rank_sql).

    Phones are digits only, so words never match one; digits alone are a phone (then code or
    tax code); a term mixing letters and digits is a code, listed first. Asking in this order
    lets the first tiers fill a page and stop early, instead of ranking every match."""
    if all(t.isdigit() for t in terms):
        return 3, 4
    if any(c.isdigit() for t in terms for c in t):
        return 4, 0, 1, 2
    return 0, 1, 2, 4


def _keys(sorting: Sorting, dialect: str) -> tuple[list[str], bool, bool]:
    """Sort expressions, whether they need the customer row, and whether they run descending."""
    order, down = sorting.order, sorting.descending
    if order is CustomerOrder.NAME:
        return ["s.name"], False, down
    if order is CustomerOrder.CODE:
        return ["c.code"], True, down
    if order is CustomerOrder.OVERDUE:
        # Amounts compare within one currency only: the customer's own, grouped by currency.
        return ["c.currency", f"(SELECT COALESCE(SUM(i.open_minor), 0) {_PAST_DUE} "
                              "AND i.currency = c.currency)"], True, down
    if order is CustomerOrder.LATE:
        return [_days_late(dialect)], False, down
    return [], False, False


def _days_late(dialect: str) -> str:
    """Days since the oldest past-due date (0: nothing past due), as the list shows them."""
    if dialect == "sqlite":
        return (f"(SELECT CAST(julianday(:today) - julianday(COALESCE(MIN(i.due_on), :today)) "
                f"AS INTEGER) {_PAST_DUE})")
    return f"(SELECT CAST(:today AS DATE) - COALESCE(MIN(i.due_on), CAST(:today AS DATE)) {_PAST_DUE})"


def page_sql(query: str, sorting: Sorting, cursor: tuple | None, limit: int, today: date,
             dialect: str = "sqlite", tier: int | None = None) -> SearchSql:
    """Rows ``(*sort values, id, rank)`` after ``cursor`` in the order asked for.

    RELEVANCE asks one ``tier`` (a rank) at a time, in id order; the other orders sort every
    match by their column (then id) and carry the rank along for the row's reason.
    """
    terms = query_terms(query)
    params: dict = {"limit": limit}
    source, conds, id_column = _source(terms, dialect, params)
    rank = rank_sql(terms, dialect, params) if terms else "0"
    if tier is not None and terms and dialect != "sqlite":
        conds = tier_conds(conds, tier, terms, dialect, params)
        rank, tier = str(int(tier)), None  # known: no CASE to compute per row
    keys, needs_customer, down = _keys(sorting, dialect)
    if needs_customer:
        source += " JOIN customer c ON c.id = s.customer_id"
    if any(":today" in k for k in keys):
        params["today"] = today.isoformat()
    if tier is not None and terms:
        conds.append(f"{rank} = {int(tier)}")
    names = [f"k{i}" for i in range(len(keys))]
    select = ", ".join([*(f"{k} AS {n}" for k, n in zip(keys, names)), f"{id_column} AS id",
                        f"{rank} AS r"])
    where = " AND ".join(conds) or "1 = 1"
    inner = f"SELECT {select} FROM {source} WHERE {where}"
    columns = [*names, "id"]
    outer = ""
    if cursor is not None:
        for name, value in zip(columns, cursor):
            params[f"after_{name}"] = value
        sign = "<" if down else ">"
        outer = (f" WHERE ({', '.join(columns)}) {sign} "
                 f"({', '.join(':after_' + n for n in columns)})")
    direction = " DESC" if down else ""
    order = ", ".join(c + direction for c in columns)
    return SearchSql(f"SELECT * FROM ({inner}) AS m{outer} ORDER BY {order} LIMIT :limit", params)


def count_sql(query: str, dialect: str = "sqlite") -> SearchSql:
    """How many customers match, counted up to COUNT_CAP + 1."""
    params: dict = {}
    source, conds, _id = _source(query_terms(query), dialect, params)
    where = " AND ".join(conds) or "1 = 1"
    return SearchSql(f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where} "
                     f"LIMIT {COUNT_CAP + 1}) AS n", params)


def find(run, query: str, sorting: Sorting, cursor: tuple | None, limit: int, today: date,
         dialect: str = "sqlite") -> tuple[list[tuple], tuple | None, bool, int | None]:
    """Up to ``limit`` rows ``(id, rank)`` after ``cursor``, the cursor after them, whether more
    follow, and on the first page the number of matches. ``run(sql, params)`` executes one
    statement: the program and the benchmark's bare connection run exactly these."""
    total = None
    if cursor is None:
        count = count_sql(query, dialect)
        total = run(count.sql, count.params)[0][0]
    terms = query_terms(query)
    if sorting.order is not CustomerOrder.RELEVANCE or not terms:
        stmt = page_sql(query, sorting, cursor, limit + 1, today, dialect)
        rows = [tuple(r) for r in run(stmt.sql, stmt.params)]
        more, rows = len(rows) > limit, rows[:limit]
        last = rows[-1][:-1] if rows else cursor
        return [r[-2:] for r in rows], last, more, total
    return (*_by_tier(run, query, terms, cursor, limit, today, dialect, total), total)


def _by_tier(run, query, terms, cursor, limit, today, dialect, total):
    """RELEVANCE, cursor ``(tier, id, few)``. Few matches (counted): one statement ranks them
    all. Many: tier after tier in id order, each stopping once the page is full."""
    plan = tiers(terms)
    few = total <= COUNT_CAP if cursor is None else cursor[2]
    if few:
        stmt = ranked_sql(query, plan, cursor[:2] if cursor else None, limit + 1, dialect)
        found = [(r[2], r[1]) for r in run(stmt.sql, stmt.params)]
    else:
        found = _tier_after_tier(run, query, plan, cursor, limit, today, dialect)
    more, found = len(found) > limit, found[:limit]
    last = (*found[-1], few) if found else cursor
    return [(cid, tier) for tier, cid in found], last, more


def _tier_after_tier(run, query, plan, cursor, limit, today, dialect) -> list[tuple[int, int]]:
    start, after = (plan.index(cursor[0]), cursor[1]) if cursor else (0, None)
    found: list[tuple[int, int]] = []
    for tier in plan[start:]:
        if dialect == "sqlite":
            stmt = page_sql(query, Sorting(), None if after is None else (after,),
                            limit + 1 - len(found), today, dialect, tier)
            ids = [r[0] for r in run(stmt.sql, stmt.params)]
        else:
            ids = search_pg.tier_ids(run, query, tier, after, limit + 1 - len(found), today)
        found += [(tier, cid) for cid in ids]
        after = None
        if len(found) > limit:
            break
    return found


def ranked_sql(query: str, plan: tuple[int, ...], cursor: tuple | None, limit: int,
               dialect: str = "sqlite") -> SearchSql:
    """Rows ``(place in plan, id, rank)`` of every match, best first, after ``(rank, id)``."""
    terms = query_terms(query)
    params: dict = {"limit": limit}
    source, conds, id_column = _source(terms, dialect, params)
    rank = rank_sql(terms, dialect, params)
    place = "CASE r " + " ".join(f"WHEN {t} THEN {i}" for i, t in enumerate(plan)) + " END"
    where = " AND ".join(conds) or "1 = 1"
    outer = ""
    if cursor is not None:
        params["after_p"], params["after_id"] = plan.index(cursor[0]), cursor[1]
        outer = " WHERE (p, id) > (:after_p, :after_id)"
    return SearchSql(f"SELECT * FROM (SELECT {place} AS p, id, r FROM (SELECT {id_column} AS id, "
                     f"{rank} AS r FROM {source} WHERE {where}) AS ranked) AS m{outer} "
                     f"ORDER BY p, id LIMIT :limit", params)


def sort_keys(sorting: Sorting, dialect: str) -> tuple[list[str], bool]:
    """The sort expressions of ``sorting`` (over ``s`` and the customer ``c``) and whether
    they run descending: the office's list sorts as the laptop's does."""
    keys, _needs_customer, down = _keys(sorting, dialect)
    return keys, down


def match_source(terms: list[str], dialect: str, params: dict) -> tuple[str, list[str], str]:
    """FROM (aliasing customer_search as ``s``), WHERE conditions and id column of the
    customers matching ``terms``: the office's list adds its filters to the laptop's search."""
    return _source(terms, dialect, params)
