"""A block of plain data rows read column by column (zip, comprehensions, one regex over each
amount column, a date cache): a few Python steps per block instead of dozens per row. A block
with anything unusual (a totals row, a blank cell where one is needed, a bad value, a repeated
document, mixed minor units) is left whole to the row-by-row path, which reads it exactly as
before."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import partial
from itertools import repeat

from ..domain.money import MINOR_UNITS
from ..domain.receivables import EntryKind, ImportedCustomer, ImportedInvoice
from .fastrow import DATE_CACHE, money
from .values import BadValue, parse_date

SIZE = 128
_invoice = partial(tuple.__new__, ImportedInvoice)
_INVOICE, _CREDIT = EntryKind.INVOICE, EntryKind.CREDIT


class Layout:
    """What a block reader needs of an Import, settled once after its header."""

    def __init__(self, imp, currencies):
        columns = imp.columns
        self.imp, self.columns, self.currencies = imp, columns, currencies
        self.width = max(columns.values()) + 1
        self.amounts = list(imp._amount_fields)
        self.simple = imp.preset is not None and not imp.preset.ledger and not imp.buckets \
            and "document_no" in columns and self._amount_source() is not None
        self.mark = imp.preset.decimal if imp.preset else "."
        self.dates = {f: (columns[f], {"": None}, order) for f, order in imp.orders.items()}
        self._patterns = {}

    def _amount_source(self):
        """The column a row's amount comes from when it is simple: 'amount', else an open
        amount alone (Odoo); debit/credit and balances follow rules the row path keeps."""
        if "amount" in self.amounts:
            return "amount"
        return "open_amount" if self.amounts == ["open_amount"] else None

    def patterns(self, digits):
        """Two regexes for a whole column, one cell a line: every cell a plain number with
        exactly ``digits`` decimals; every cell one with at most that many, or empty."""
        if digits not in self._patterns:
            mark = re.escape(self.mark)
            exact = rf"-?[0-9]{{1,15}}{mark}[0-9]{{{digits}}}" if digits else "-?[0-9]{1,15}"
            fraction = rf"(?:{mark}[0-9]{{1,{digits}}})?" if digits else ""
            plain = rf"(?:-?[0-9]{{1,15}}{fraction})?"
            self._patterns[digits] = tuple(re.compile(rf"{cell}(?:\n{cell})*")
                                           for cell in (exact, plain))
        return self._patterns[digits]


def read_block(layout: Layout, lines, rows):
    """The records (customers first seen, then invoices) of ``rows``, with the tally updated;
    None, with nothing changed, when the block must go row by row."""
    if not layout.simple or min(map(len, rows)) < layout.width:
        return None
    columns, cols = layout.columns, list(zip(*rows))
    docs = _strip(cols[columns["document_no"]])
    firsts = docs if columns["document_no"] == 0 else _strip(cols[0])
    if not all(docs) or min(map(len, firsts)) <= 2 or any(f[0] == "*" for f in firsts):
        return None  # a keyword, code, star or blank-first row: rowkinds judges it
    codes, names = _customers(columns, cols)
    if codes is None:
        return None
    currency, currencies = _currency(layout, cols)
    if currency is None:
        return None
    dates = {f: _dates(cols[at], cache, order) for f, (at, cache, order) in layout.dates.items()}
    if None in dates.values():
        return None
    values = {f: _amounts(layout, cols[columns[f]], MINOR_UNITS[currency])
              for f in layout.amounts}
    if None in values.values():
        return None
    return _records(layout, lines, codes, names, docs, currency, currencies, dates, values, cols)


def _customers(columns, cols):
    code_at, name_at = columns.get("customer_code"), columns.get("customer_name")
    codes = _strip(cols[code_at]) if code_at is not None else None
    names = _strip(cols[name_at]) if name_at is not None else codes
    codes = codes or names
    if not all(codes):
        return None, None
    if not all(names):
        names = [n or c for n, c in zip(names, codes)]
    return codes, names


def _currency(layout, cols):
    """(the block's currency, per-row currencies or None when one); (None, None) when a cell
    names no currency or the block mixes minor units."""
    default = layout.imp.preset.currency
    at = layout.columns.get("currency")
    if at is None:
        return default, None
    texts = cols[at]
    found = {t: layout.currencies[t.strip()] for t in set(texts)}
    if None in found.values() or len({MINOR_UNITS[c] for c in found.values()}) != 1:
        return None, None
    if len(found) == 1:
        return next(iter(found.values())), None
    return next(iter(found.values())), list(map(found.__getitem__, texts))


def _strip(column):
    # A comprehension: Python 3.11 specialises the method call, map(str.strip) does not.
    return [c.strip() for c in column]


def _dates(column, cache, order):
    """Dates of a column through ``cache``, keyed by the cell as it is (parse_date strips)."""
    if len(cache) > DATE_CACHE:  # dates with times may all differ
        cache.clear()
        cache[""] = None
    for text in set(column).difference(cache):
        try:
            cache[text] = parse_date(text, order)
        except BadValue:
            return None
    return [cache[t] for t in column]


def _amounts(layout, column, digits):
    """Minor units of a column (None for an empty cell), or None when a cell is not plain."""
    joined = "\n".join(column)
    exact, plain = layout.patterns(digits)
    whole = exact.fullmatch(joined)
    if not whole and not plain.fullmatch(joined):
        column = _strip(column)  # spaces around a number are allowed, and rare
        joined = "\n".join(column)
        whole = exact.fullmatch(joined)
    if whole:  # every cell with all its decimals: the digits are the units
        numbers = joined.replace(layout.mark, "").split("\n") if digits else joined.split("\n")
        return list(map(int, numbers)) if len(numbers) == len(column) else None
    if not plain.fullmatch(joined):
        return None
    if layout.mark != ".":
        joined = joined.replace(layout.mark, ".")
    numbers = joined.split("\n")
    if len(numbers) != len(column):
        return None  # a cell held a line break
    scale = Decimal(10) ** digits
    return [int(Decimal(n) * scale) if n else None for n in numbers]


def _money(minors, currency, currencies):
    if currencies is None:
        return [money(m, currency) for m in minors]
    return [money(m, c) for m, c in zip(minors, currencies)]


def _records(layout, lines, codes, names, docs, currency, currencies, dates, values, cols):
    imp, tally, columns = layout.imp, layout.imp.tally, layout.columns
    n = len(lines)
    amounts = values[layout._amount_source()]
    if None in amounts:
        return None
    opens = values.get("open_amount")
    if opens is not None and None in opens and "settled_date" in dates:
        return None  # the row path tells an open amount from the settled date
    if opens is None and "settled_date" in dates:
        opens = [0 if s else a for s, a in zip(dates["settled_date"], amounts)]
    open_min = min((o for o in opens if o), default=0) if opens is not None else 0
    if min(amounts) >= 0 and open_min >= 0:
        kinds = [_INVOICE] * n
    else:
        kinds = [_CREDIT if a < 0 or (o or 0) < 0 else _INVOICE
                 for a, o in zip(amounts, opens or repeat(None))]
    keys = list(map(hash, zip(codes, map(id, kinds), docs)))
    documents = tally.documents
    if len(set(keys)) != n or not documents.keys().isdisjoint(keys):
        return None  # a repeated document: the row path reports it by line
    # From here on the block is taken: the tally changes.
    documents.update(zip(keys, lines))
    _sums(tally, values, currency, currencies)
    amount_money = _money(amounts, currency, currencies)
    if opens is None:
        open_money = repeat(None)
    else:  # most invoices are still open in full: their Money is shared
        open_money = [m if o == a else None if o is None else money(o, m.currency)
                      for a, o, m in zip(amounts, opens, amount_money)]
    late_at = columns.get("days_late")
    lates = repeat(None) if late_at is None else [
        int(t) if t.lstrip("-").isdigit() else None for t in _strip(cols[late_at])]
    none = repeat(None)
    entries = list(map(_invoice, zip(
        lines, codes, kinds, docs, dates.get("document_date", none), dates.get("due_date", none),
        amount_money, open_money, dates.get("settled_date", none), lates, none)))
    _count(tally, kinds, amounts, opens, currency, currencies)
    return _with_customers(tally.customers, codes, names, entries)


def _sums(tally, values, currency, currencies):
    for field, minors in values.items():
        if currencies is None:
            pairs = ((currency, sum(filter(None, minors))),)
        else:
            by = {}
            for c, m in zip(currencies, minors):
                if m is not None:
                    by[c] = by.get(c, 0) + m
            pairs = by.items()
        for c, total in pairs:
            tally.sums[(field, c)] += total
            tally.since_sub[(field, c)] += total


def _count(tally, kinds, amounts, opens, currency, currencies):
    credits = kinds.count(_CREDIT)
    tally.counts[id(_CREDIT)] += credits
    tally.counts[id(_INVOICE)] += len(kinds) - credits
    rows = zip(currencies or repeat(currency), amounts, opens or repeat(None))
    totals, open_totals = tally.totals, tally.open_totals
    if currencies is None:
        totals[currency] = totals.get(currency, 0) + sum(amounts)
        if opens is not None:
            open_totals[currency] = open_totals.get(currency, 0) + sum(filter(None, opens))
        return
    for c, a, o in rows:
        totals[c] = totals.get(c, 0) + a
        if o is not None:
            open_totals[c] = open_totals.get(c, 0) + o


def _with_customers(customers, codes, names, entries):
    """``entries`` with each customer not seen before just ahead of its first entry."""
    new = set(codes).difference(customers)
    if not new:
        return entries
    customers.update(new)
    n = len(codes)
    first = dict(zip(reversed(codes), range(n - 1, -1, -1)))  # the last write is the first row
    out, start = [], 0
    for at in sorted(first[code] for code in new):
        out += entries[start:at]
        out.append(ImportedCustomer(codes[at], names[at]))
        start = at
    out += entries[start:]
    return out
