"""The usual data row read in one pass by a reader chosen once after the header; anything it does
not settle by itself (a problem, a keyword row, an unusual number) takes the general path."""

from __future__ import annotations

from ..domain.money import MINOR_UNITS, Money
from ..domain.receivables import EntryKind, ImportedInvoice
from .values import CURRENCY_WORDS, BadValue, NumberCell, parse_currency, parse_date

_new = object.__new__
_set_minor = Money.minor.__set__
_set_currency = Money.currency.__set__
DATE_CACHE = 50_000  # distinct date texts kept per column (a year of days is 366)


def money(minor: int, currency: str) -> Money:
    """Money without its checks, for values this module has already made sure of (an int and a
    known currency): the checked constructor is a fifth of a fast row's cost."""
    value = _new(Money)
    _set_minor(value, minor)
    _set_currency(value, currency)
    return value


def row_reader(imp):
    """A function (line, cells) → (ImportedInvoice, customer name), or None when the row needs
    the general path. None (no reader at all) for reports without document numbers."""
    columns = imp.columns
    document = columns.get("document_no")
    if document is None or imp.buckets:
        return None  # summaries and aged reports: the general path
    width = max(columns.values()) + 1
    code_at, name_at = columns.get("customer_code"), columns.get("customer_name")
    currency_at, late_at = columns.get("currency"), columns.get("days_late")
    has_settled = "settled_date" in columns
    amounts = [(f, columns[f]) for f in imp._amount_fields]
    dates = [(f, columns[f], {"": None}, order) for f, order in imp.orders.items()]
    currencies = currency_cache(imp.preset.currency)
    keys = {}  # currency → [(field, currency)] for the sums, built once per currency
    mark, group = imp.preset.decimal, imp.preset.group
    sums, since = imp.tally.sums, imp.tally.since_sub
    INVOICE, CREDIT = EntryKind.INVOICE, EntryKind.CREDIT

    def read(line, cells):
        if len(cells) < width:
            return None
        doc = cells[document].strip()
        first = cells[0].strip() or _first(cells)
        if not doc or len(first) <= 2 or first[0] == "*":
            return None  # keyword, code and star rows are rowkinds' to judge
        code = cells[code_at].strip() if code_at is not None else ""
        name = cells[name_at].strip() if name_at is not None else ""
        code = code or name
        name = name or code
        if not code:
            if imp.context is None:
                return None
            code, name = imp.context  # a ledger names its customer above the rows
        if currency_at is None:
            currency = imp.preset.currency
        else:
            currency = currencies.get(cells[currency_at].strip())
            if currency is None:
                return None
        digits = MINOR_UNITS[currency]
        values = {}
        for field, at in amounts:
            text = cells[at]
            minor = _minor(text, mark, group, digits)
            if minor is None:
                if text.strip():
                    return None
            values[field] = minor
        found = {}
        for field, at, cache, order in dates:
            text = cells[at].strip()
            day = cache.get(text, cache)
            if day is cache:
                try:
                    day = parse_date(text, order)
                except BadValue:
                    return None
                if len(cache) < DATE_CACHE:
                    cache[text] = day
            found[field] = day
        amount = amount_of(values, None)
        if amount is None:
            return None
        sum_keys = keys.get(currency) or keys.setdefault(
            currency, [(f, (f, currency)) for f, _ in amounts])
        for field, key in sum_keys:
            value = values[field]
            if value is not None:
                sums[key] += value
                since[key] += value
        open_amount = values.get("open_amount")
        if open_amount is None and has_settled:
            open_amount = 0 if found.get("settled_date") else amount
        kind = CREDIT if amount < 0 or (open_amount or 0) < 0 else INVOICE
        late = cells[late_at].strip() if late_at is not None else ""
        return ImportedInvoice(
            line, code, kind, doc, found.get("document_date"), found.get("due_date"),
            money(amount, currency), None if open_amount is None else money(open_amount, currency),
            found.get("settled_date"), int(late) if late.lstrip("-").isdigit() else None), name
    return read


def amount_of(values, kind):
    """The signed amount a row owes: an opening row its balance, a ledger debit − credit."""
    if kind == EntryKind.OPENING and values.get("balance") is not None:
        return values["balance"]
    if values.get("amount") is not None:
        return values["amount"]
    if values.get("debit") is not None or values.get("credit") is not None:
        return (values.get("debit") or 0) - (values.get("credit") or 0)
    if values.get("balance") is not None:
        return values["balance"]
    return values.get("open_amount")


def _first(cells) -> str:
    return next((c.strip() for c in cells if c and not c.isspace()), "")


def currency_cache(default: str) -> dict:
    """Cell text → currency code, grown as texts are met (most files use one or two)."""
    class Cache(dict):
        def __missing__(self, text):
            try:
                code = parse_currency(text)
            except BadValue:
                return None
            self[text] = code
            return code
    cache = Cache(CURRENCY_WORDS)
    cache[""] = default
    return cache


def _minor(text: str, mark: str, group: str, digits: int) -> int | None:
    """Minor units of a plain amount ('1234.5', '-1,234.56', a workbook's '1234.5'), or None
    for anything else (empty included), which values.parse_decimal then judges."""
    if isinstance(text, NumberCell):
        mark, group = ".", ""
    else:
        text = text.strip()
    negative = text[:1] == "-"
    if negative:
        text = text[1:]
    whole, found, fraction = text.partition(mark)
    if not (whole.isdigit() and whole.isascii()):
        if not group or group not in whole:
            return None
        parts = whole.split(group)
        if not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
            return None
        whole = "".join(parts)
        if not (whole.isdigit() and whole.isascii()):
            return None
    if len(whole) > 15:
        return None
    if not found:
        value = int(whole) * 10 ** digits
    elif 0 < len(fraction) <= digits and fraction.isdigit() and fraction.isascii():
        value = int(whole) * 10 ** digits + int(fraction) * 10 ** (digits - len(fraction))
    else:
        return None
    return -value if negative else value
