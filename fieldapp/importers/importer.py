"""One export file to domain records: ``Import(path).records()`` streams, ``.result()`` sums up."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date

from ..domain.money import MINOR_UNITS, Money
from ..domain.receivables import (EntryKind, ImportedCustomer, ImportedInvoice, ImportResult,
                                  ReportKind, RowProblem)
from . import decoding, reading, rowkinds
from .presets import AMOUNTS, AUTO, DATES
from .values import DMY, BadValue, date_order_votes, parse_currency, parse_date, parse_decimal, \
    to_minor

LOOKAHEAD = 1000  # rows read ahead to settle a column's day/month order


class Import:
    """Reads ``source`` (path or bytes) lazily; ``preset`` names the source or None to detect."""

    def __init__(self, source, preset: str | None = None, name: str = ""):
        self.problems: list[RowProblem] = []
        self.encoding, self.preset, self._rows = "", None, iter(())
        self.kind = ReportKind.DETAIL
        name = name or ("" if isinstance(source, (bytes, bytearray)) else str(source))
        try:
            self._open(reading.opener(source), preset, name)
        except reading.Unreadable as refused:
            self.problems.append(refused.problem)
        self._counts, self._skipped = Counter(), Counter()
        self._totals, self._open_totals = {}, {}
        self._sums, self._since_sub = Counter(), Counter()
        self._customers: dict[str, int] = {}
        self._documents: dict[int, int] = {}

    def _open(self, open_, preset_name, name):
        sample = reading.sniff_file(open_, name)
        if sample.startswith(b"PK\x03\x04"):
            raise reading.Unreadable("xlsx.damaged", reason="workbooks are not read yet")
        from .presets import BY_NAME
        self.encoding = reading.choose_text_encoding(
            open_, sample, BY_NAME.get(preset_name) if preset_name else None)
        text = sample.decode(self.encoding, errors="ignore")
        delimiter = reading.sniff_delimiter(text)
        rows = reading.text_rows(open_, self.encoding, delimiter)
        preset, self.columns, labels, above, rest = reading.header_of(rows, preset_name)
        self.preset, self.labels = preset, labels
        self.context = None
        for _, cells in above:
            self.context = reading.customer_context(cells) or self.context
        if "document_no" not in self.columns:
            self.kind = ReportKind.SUMMARY_ONLY
        ahead = list(itertools.islice(rest, LOOKAHEAD))
        self.orders = {f: self._order(f, ahead) for f in DATES if f in self.columns}
        self._rows = itertools.chain(ahead, rest)
        if decoding.lost_letters(text):
            self.problems.append(RowProblem(None, "", "text.question_marks",
                                            {"text": _first_lost(text)}))

    def _order(self, field, ahead):
        if self.preset.dates != AUTO:
            return self.preset.dates
        column = self.columns[field]
        votes = {date_order_votes(c[column]) for _, c in ahead if column < len(c)} - {None}
        if len(votes) > 1:
            self.problems.append(RowProblem(None, self.labels[column], "date.ambiguous", {}))
        return votes.pop() if len(votes) == 1 else DMY

    def records(self):
        """ImportedCustomer (first time seen) and ImportedInvoice, in file order."""
        document = self.columns.get("document_no") if self.preset else None
        for line, cells in self._rows:
            kind = reading.classify(cells, document)
            if kind == rowkinds.DATA and self.kind == ReportKind.DETAIL and document is not None \
                    and not _has_amount(cells, self.columns):
                kind = rowkinds.NOTE if self._set_context(cells) else rowkinds.NOTE
            if kind != rowkinds.DATA:
                self._skipped[kind] += 1
                if kind in (rowkinds.TOTAL, rowkinds.SUBTOTAL):
                    self._reconcile(line, cells, kind)
                elif kind == rowkinds.OPENING:
                    yield from self._row(line, cells, EntryKind.OPENING)
                elif kind in (rowkinds.NOTE, rowkinds.BLANK):
                    self._set_context(cells)
                continue
            yield from self._row(line, cells, None)

    def _set_context(self, cells) -> bool:
        found = reading.customer_context(cells)
        if found:
            self.context = found
        return bool(found)

    def _cell(self, cells, field):
        column = self.columns.get(field)
        return cells[column].strip() if column is not None and column < len(cells) else ""

    def _row(self, line, cells, kind):
        problems = []
        def fail(field, error):
            problems.append(RowProblem(line, self.labels[self.columns[field]], error.code,
                                       error.params))
        code = self._cell(cells, "customer_code") or self._cell(cells, "customer_name")
        name = self._cell(cells, "customer_name") or code
        if not code and self.context:
            code, name = self.context
        if not code:
            field = "customer_code" if "customer_code" in self.columns else "customer_name"
            problems.append(RowProblem(line, self._label(field), "row.missing",
                                       {"column": self._label(field)}))
        currency = self.preset.currency
        if "currency" in self.columns and self._cell(cells, "currency"):
            try:
                currency = parse_currency(self._cell(cells, "currency"))
            except BadValue as error:
                fail("currency", error)
        values = {}
        for field in AMOUNTS:
            if field in self.columns:
                text = self._cell(cells, field)
                try:
                    value = parse_decimal(text, self.preset.decimal, self.preset.group)
                    values[field] = None if value is None else to_minor(value, currency, text)
                except BadValue as error:
                    fail(field, error)
        dates = {}
        for field in DATES:
            if field in self.columns:
                try:
                    dates[field] = parse_date(self._cell(cells, field), self.orders[field])
                except BadValue as error:
                    fail(field, error)
        document = self._cell(cells, "document_no")
        if problems:
            self.problems.extend(problems)
            return
        entry = self._entry(line, code, kind, document, values, dates, currency, cells)
        if entry is None:
            return
        if code not in self._customers:
            self._customers[code] = line
            yield ImportedCustomer(code, name)
        if self._duplicate(entry):
            return
        self._count(entry, values)
        yield entry

    def _label(self, field):
        column = self.columns.get(field)
        return self.labels[column] if column is not None else field

    def _entry(self, line, code, kind, document, values, dates, currency, cells):
        debit, credit = values.get("debit") or 0, values.get("credit") or 0
        amount = values.get("amount")
        if amount is None and ("debit" in values or "credit" in values):
            amount = debit - credit
        if amount is None:
            amount = values.get("balance") if "balance" in values else values.get("open_amount")
        if amount is None:
            self.problems.append(RowProblem(line, self._label(_amount_field(self.columns)),
                                            "row.missing",
                                            {"column": self._label(_amount_field(self.columns))}))
            return None
        open_amount = values.get("open_amount")
        if open_amount is None and "settled_date" in self.columns:
            open_amount = 0 if dates.get("settled_date") else amount
        if kind is None:
            if self.kind == ReportKind.SUMMARY_ONLY:
                kind = EntryKind.OPENING
            else:
                kind = EntryKind.CREDIT if amount < 0 or (open_amount or 0) < 0 else EntryKind.INVOICE
        late = self._cell(cells, "days_late")
        return ImportedInvoice(
            line, code, kind, document, dates.get("document_date"), dates.get("due_date"),
            Money(amount, currency), None if open_amount is None else Money(open_amount, currency),
            dates.get("settled_date"), int(late) if late.lstrip("-").isdigit() else None)

    def _duplicate(self, entry) -> bool:
        if not entry.document_no or self.kind == ReportKind.SUMMARY_ONLY:
            return False
        key = hash((entry.customer_code, entry.kind, entry.document_no))
        first = self._documents.setdefault(key, entry.line)
        if first == entry.line or self.preset.ledger:
            return False  # a ledger posts one invoice as several lines (goods, VAT)
        self.problems.append(RowProblem(entry.line, self._label("document_no"),
                                        "document.duplicate", {"document": entry.document_no,
                                        "customer": entry.customer_code, "first": first}))
        return True

    def _count(self, entry, values):
        self._counts["rows"] += 1
        self._counts[entry.kind.value] += 1
        cur = entry.amount.currency
        self._totals[cur] = self._totals.get(cur, 0) + entry.amount.minor
        if entry.open_amount is not None:
            self._open_totals[cur] = self._open_totals.get(cur, 0) + entry.open_amount.minor
        for field, value in values.items():
            if value is not None:
                self._sums[(field, cur)] += value
                self._since_sub[(field, cur)] += value

    def _reconcile(self, line, cells, kind):
        """A total (or subtotal) row's amounts against the data rows' sums in its currency."""
        currency = self.preset.currency
        if self._cell(cells, "currency"):
            try:
                currency = parse_currency(self._cell(cells, "currency"))
            except BadValue:
                return
        elif len({cur for _, cur in self._sums}) == 1:
            currency = next(iter(self._sums))[1]
        sums = self._since_sub if kind == rowkinds.SUBTOTAL else self._sums
        for field in AMOUNTS:
            text = self._cell(cells, field)
            try:
                declared = parse_decimal(text, self.preset.decimal, self.preset.group)
                if declared is None:
                    continue
                declared = to_minor(declared, currency, text)
            except BadValue as error:
                self.problems.append(RowProblem(line, self._label(field), error.code, error.params))
                continue
            computed = sums[(field, currency)]
            if declared != computed:
                self.problems.append(RowProblem(line, self._label(field), "total.mismatch", {
                    "declared": _show(declared, currency), "computed": _show(computed, currency),
                    "currency": currency}))
        if kind == rowkinds.SUBTOTAL:
            self._since_sub.clear()

    def result(self) -> ImportResult:
        """The counts and sums; reads what ``records()`` has not read yet."""
        for _ in self.records():
            pass
        money = lambda d: {c: Money(v, c) for c, v in d.items()}  # noqa: E731
        return ImportResult(
            self.preset.name if self.preset else "", self.encoding, self.kind,
            self._counts["rows"], len(self._customers), self._counts["invoice"],
            self._counts["credit"], self._counts["opening"], money(self._totals),
            money(self._open_totals), dict(self._skipped), tuple(self.problems))


def _amount_field(columns):
    return next(f for f in AMOUNTS if f in columns)


def _has_amount(cells, columns):
    return any(columns[f] < len(cells) and cells[columns[f]].strip() for f in AMOUNTS
               if f in columns)


def _show(minor: int, currency: str) -> str:
    digits = MINOR_UNITS[currency]
    return f"{minor / 10 ** digits:.{digits}f}" if digits else str(minor)


def _first_lost(text: str) -> str:
    import re
    found = re.search(r"[^\s,;|\t]*\w\?+\w[^\s,;|\t]*", text)
    return found.group(0) if found else ""


def days_late(due: date, settled: date) -> int:
    """Days between due and settled; zero when paid on time (as the IBM sample counts)."""
    return max(0, (settled - due).days)
