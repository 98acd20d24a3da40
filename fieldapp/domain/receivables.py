"""Receivables read from an accounting export: customers, invoices and credits, row problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import NamedTuple

from .money import Money


class EntryKind(str, Enum):
    """What one imported line owes: an invoice, a credit (credit note, unmatched receipt) or an
    opening balance with no invoice detail."""

    INVOICE = "invoice"
    CREDIT = "credit"
    OPENING = "opening"


class ReportKind(str, Enum):
    DETAIL = "detail"              # one line per invoice
    SUMMARY_ONLY = "summary_only"  # one line per customer, no invoices: never invoice data


@dataclass(frozen=True, slots=True)
class ImportedCustomer:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class AgingBucket:
    """A column of an aged report: amounts ``low`` to ``high`` days past their due date, both
    included; ``low`` None is 'not yet due', ``high`` None 'and older'. ``label`` is the
    column's header as compared (case-folded)."""

    label: str
    low: int | None
    high: int | None


class ImportedInvoice(NamedTuple):
    """One data row as understood. ``amount`` is signed: credits are negative. ``open_amount`` is
    None when the source does not say what is still open (a ledger lists postings only).

    A named tuple rather than a frozen dataclass: an import makes a million of them, and a frozen
    dataclass takes eight times as long to build (2.4 µs against 0.3 µs here), which was a fifth
    of the whole per-row cost. It is as immutable."""

    line: int
    customer_code: str
    kind: EntryKind
    document_no: str
    document_date: date | None
    due_date: date | None
    amount: Money
    open_amount: Money | None = None
    settled_on: date | None = None
    days_late: int | None = None  # as the file states it, for checking
    # An aged report's amounts per bucket column (Import.buckets' order), None when it has none
    aged: tuple[Money | None, ...] | None = None


@dataclass(frozen=True, slots=True)
class RowProblem:
    """What is wrong and where: ``line`` is the file's line (None for the whole file), ``column``
    the header text of the cell ('' for the whole row). ``code`` keys PROBLEMS."""

    line: int | None
    column: str
    code: str
    params: dict = field(default_factory=dict, hash=False, compare=True)

    def english(self) -> str:
        return PROBLEMS.get(self.code, self.code).format(**self.params)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What a whole file held, once read to its end."""

    source: str
    encoding: str
    kind: ReportKind
    rows: int                       # data rows
    customers: int
    invoices: int
    credits: int
    openings: int
    totals: dict[str, Money]        # signed sum of amounts per currency
    open_totals: dict[str, Money]   # sum of open amounts per currency (where the file says)
    skipped: dict[str, int]         # rows that are not data, by row kind
    problems: tuple[RowProblem, ...]
    as_of: date | None = None       # the report's date from its title block, when it states one
    # An aged report's sums per bucket column and currency (a summary report's opening balances
    # by age), in the header's order; empty when the file has no bucket columns.
    aging: dict[AgingBucket, dict[str, Money]] = field(default_factory=dict, compare=True)

    @property
    def readable(self) -> bool:
        return not any(p.line is None and p.code.startswith("file.") for p in self.problems)


# Problems are data, worded by the window later (like errors.MESSAGES); the English is for logs,
# the command line's --json and tests. A test checks every code used under importers/ is here
# with the same arguments.
PROBLEMS = {
    "file.empty": "the file is empty",
    "file.binary": "the file is not text (it holds NUL bytes or control characters)",
    "file.unknown_encoding": "the file is not UTF-8, Windows-1258, Big5 or GB18030 text",
    "file.too_large": "the file is {size} bytes; at most {limit} bytes are read",
    "file.old_excel": "this is an old Excel .xls file; save it as .xlsx or CSV",
    "file.not_a_workbook": "the file is named like a workbook but is not one",
    "file.no_header": "no header row with the columns of {source} was found in the first "
                      "{rows} rows",
    "file.unknown_source": "the columns do not match any known export; choose the source",
    "file.unknown_source_name": "there is no source called {source!r}",
    "xlsx.damaged": "the workbook cannot be opened: {reason}",
    "xlsx.unsafe": "the workbook was refused as unsafe: {reason}",
    "row.missing": "{column} is empty",
    "amount.bad": "{text!r} is not an amount",
    "amount.decimals": "{text!r} has more decimals than {currency} allows",
    "date.bad": "{text!r} is not a date",
    "date.ambiguous": "the dates of this column read both as day/month and month/day; choose "
                      "the order",
    "currency.unknown": "{text!r} is not a currency fieldapp handles",
    "document.duplicate": "document {document} of customer {customer} was already on line "
                          "{first}",
    "total.mismatch": "the file's total {declared} {currency} differs from the sum of its rows "
                      "{computed} {currency}",
    "text.question_marks": "{text!r} has '?' inside words: the export lost its letters; export "
                           "as CSV UTF-8",
    "xlsx.no_sheet": "the workbook has no sheet {sheet!r}; its sheets are: {sheets}",
    "text.legacy_encoding": "{count} text cells were typed in the old {encoding} Vietnamese "
                            "encoding (for example {example!r}); they were converted to Unicode",
}
