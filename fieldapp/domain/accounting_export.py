"""The layout of the export to accounting (docs/accounting-export.md says the same for people):
the kinds of file, their columns in order, and how values are written as text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import InvalidValue
from .money import Money, minor_units

PAYMENTS, PROMISES, INSTALLMENTS = "payments", "promises", "installments"
KINDS = (PAYMENTS, PROMISES, INSTALLMENTS)
FORMATS = ("csv", "xlsx")
# Every file ends with these: the batch that first exported the row, and when (UTC, ISO).
BATCH_COLUMNS = ("export_batch", "first_exported_at")
COLUMNS = {
    PAYMENTS: ("record_id", "receipt_no", "paid_on", "customer_code", "customer_name",
               "amount", "currency", "method", "reference", "allocations", "collector",
               "visit_id", "confirmed_at", "confirmed_by", *BATCH_COLUMNS),
    PROMISES: ("record_id", "visit_id", "made_on", "due_on", "customer_code", "customer_name",
               "amount", "currency", "collector", "status", *BATCH_COLUMNS),
    INSTALLMENTS: ("record_id", "visit_id", "line_no", "lines", "made_on", "due_on",
                   "customer_code", "customer_name", "amount", "currency", "collector",
                   "status", *BATCH_COLUMNS),
}
# Free text a spreadsheet would run as a formula when it starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = {"customer_name", "reference", "collector", "confirmed_by"}


class ExportError(InvalidValue):
    """An export asked for in a way that cannot be done (dates, kinds, format, file)."""


@dataclass(frozen=True)
class Period:
    first: date
    last: date


def period(first: str | date, last: str | date) -> Period:
    """The days from ``first`` to ``last``, both included; ISO text or dates."""
    a, b = _day(first, last=False), _day(last, last=True)
    if a > b:
        raise ExportError("export.bad_period", first=a, last=b)
    return Period(a, b)


def _day(value, last: bool) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        if last:
            raise ExportError("export.bad_to", text=str(value)) from None
        raise ExportError("export.bad_from", text=str(value)) from None


def checked_kinds(kinds) -> tuple[str, ...]:
    chosen = tuple(k for k in KINDS if k in set(kinds or ()))
    unknown = sorted(set(kinds or ()) - set(KINDS))
    if unknown:
        raise ExportError("export.bad_kind", kind=", ".join(unknown), kinds=", ".join(KINDS))
    if not chosen:
        raise ExportError("export.no_kinds")
    return chosen


def checked_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ExportError("export.bad_format", format=fmt, formats=", ".join(FORMATS))
    return fmt


def amount(money: Money) -> str:
    """Decimal text with the currency's minor digits: VND 1500000, TWD 1234.50, CNY -3.05."""
    digits = minor_units(money.currency)
    return f"{Decimal(money.minor).scaleb(-digits):.{digits}f}"


def safe_text(value: str) -> str:
    """Free text as a CSV cell: one that starts like a formula gets a leading apostrophe, so a
    spreadsheet shows it instead of running it (the workbook stores text cells as text)."""
    return "'" + value if value.startswith(_FORMULA_START) else value
