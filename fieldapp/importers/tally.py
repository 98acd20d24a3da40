"""Counts, sums per currency, duplicate documents and totals rows checked against the data."""

from __future__ import annotations

from collections import Counter

from ..domain.money import MINOR_UNITS, Money
from ..domain.receivables import EntryKind, ImportResult, RowProblem


class Tally:
    """What the rows read so far add up to; problems are appended to ``problems``."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        self.counts, self.skipped = Counter(), Counter()
        self.totals: dict[str, int] = {}
        self.open_totals: dict[str, int] = {}
        self.sums, self.since_sub = Counter(), Counter()   # (field, currency) → minor units
        self.customers: set[str] = set()
        # Document keys by hash, not by text: a million keys as ints stay a few tens of MB. A
        # 64-bit collision (about 1 in 10^7 for a million rows) would only report a false
        # duplicate, which the person reading the preview can see is not one.
        self.documents: dict[int, int] = {}
        # Rows refused since the start and since the last subtotal: a totals row cannot agree
        # with rows that were not read, and those rows are reported already.
        self.bad, self.bad_since_sub = 0, 0
        self.aging: dict[tuple[int, str], int] = {}  # (bucket column's place, currency) → sum

    def bad_row(self) -> None:
        self.bad += 1
        self.bad_since_sub += 1

    def row(self, values: dict, currency: str) -> None:
        """A data row's amounts, for the totals rows below it."""
        for field, value in values.items():
            if value is not None:
                self.sums[(field, currency)] += value
                self.since_sub[(field, currency)] += value

    def aged(self, values: tuple, currency: str) -> None:
        """An aged report's row: its amount in each bucket column."""
        for index, value in enumerate(values):
            if value is not None:
                self.aging[(index, currency)] = self.aging.get((index, currency), 0) + value

    def duplicate(self, entry, label: str, first: int) -> None:
        """``entry`` repeats the document (customer, kind, number) first seen on line ``first``;
        Import.records keys ``documents`` by the hash of that triple."""
        self.problems.append(RowProblem(entry.line, label, "document.duplicate", {
            "document": entry.document_no, "customer": entry.customer_code, "first": first}))
        self.bad_row()

    def check(self, line: int, label: str, field: str, declared: int, currency: str,
              subtotal: bool) -> None:
        """A totals row: a subtotal covers the rows since the last subtotal, a total all rows."""
        computed = (self.since_sub if subtotal else self.sums)[(field, currency)]
        if declared != computed and not (self.bad_since_sub if subtotal else self.bad):
            self.problems.append(RowProblem(line, label, "total.mismatch", {
                "declared": show(declared, currency), "computed": show(computed, currency),
                "currency": currency}))

    def check_closing(self, line: int, label: str, declared: int, currency: str) -> None:
        """A ledger's closing balance = opening + debits − credits."""
        computed = self.sums[("opening", currency)] + self.sums[("debit", currency)] - \
            self.sums[("credit", currency)]
        if declared != computed and not self.bad:
            self.problems.append(RowProblem(line, label, "total.mismatch", {
                "declared": show(declared, currency), "computed": show(computed, currency),
                "currency": currency}))

    def next_block(self) -> None:
        """After a subtotal row, the next one covers the rows below it."""
        self.since_sub.clear()
        self.bad_since_sub = 0

    def currencies(self) -> set[str]:
        return {currency for _, currency in self.sums}

    def result(self, source: str, encoding: str, kind, as_of=None, buckets=()) -> ImportResult:
        money = lambda sums: {c: Money(v, c) for c, v in sums.items()}  # noqa: E731
        aging = {bucket: {c: Money(v, c) for (i, c), v in sorted(self.aging.items()) if i == index}
                 for index, bucket in enumerate(buckets)}
        return ImportResult(
            source, encoding, kind, sum(self.counts.values()), len(self.customers),
            self.counts[id(EntryKind.INVOICE)], self.counts[id(EntryKind.CREDIT)],
            self.counts[id(EntryKind.OPENING)], money(self.totals), money(self.open_totals),
            dict(self.skipped), tuple(self.problems), as_of, aging)


def show(minor: int, currency: str) -> str:
    """Minor units as a plain decimal text for a problem's arguments ('1234.50')."""
    digits = MINOR_UNITS[currency]
    sign, minor = ("-" if minor < 0 else ""), abs(minor)
    if not digits:
        return f"{sign}{minor}"
    return f"{sign}{minor // 10 ** digits}.{minor % 10 ** digits:0{digits}d}"
