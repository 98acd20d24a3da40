"""One export file to domain records: ``Import(path).records()`` streams, ``.result()`` sums up."""

from __future__ import annotations

import itertools
import re

from ..domain.money import Money
from ..domain.receivables import (EntryKind, ImportedCustomer, ImportedInvoice, ImportResult,
                                  ReportKind, RowProblem)
from . import blocks, legacy, reading, rowkinds
from .fastrow import amount_of, currency_cache, row_reader
from .ledger import merged
from .aging import buckets_of
from .asof import as_of
from .rowsource import Buffered
from .presets import AMOUNTS, AUTO, BY_NAME, DATES, Preset
from .tally import Tally
from .values import DMY, BadValue, date_order_votes, parse_currency, parse_date, parse_decimal, \
    plain_minor, to_minor

LOOKAHEAD = 1000  # rows read ahead to settle a column's day/month order
_LOST = re.compile(r"[^\s,;|\t]*\w\?+\w[^\s,;|\t]*")


class Import:
    """Reads ``file`` (a path or bytes) lazily. ``source`` is a preset's name or a Preset (a
    mapping the supervisor adjusted and saved); None detects it from the header. ``sheet`` (a
    workbook's sheet name or index from 0) defaults to the first sheet whose header matches,
    else the first. Problems with the whole file have line None and leave no rows."""

    def __init__(self, file, source: str | Preset | None = None, name: str = "",
                 sheet: str | int | None = None):
        self.problems: list[RowProblem] = []
        self.tally = Tally(self.problems)
        self.encoding, self.preset, self.columns, self.labels = "", None, {}, []
        self.orders, self._amount_fields, self.as_of = {}, [], None
        self.kind, self.context, self._rows = ReportKind.DETAIL, None, Buffered((), ())
        self._done, self._source_rows, self._fast = False, None, None
        # legacy_text: {"TCVN3" or "VNI": [cells converted, the first as converted]}
        self.sheet, self.legacy_text = None, {}
        self.buckets, self._bucket_columns = (), ()  # an aged report's bucket columns
        name = name or ("" if isinstance(file, (bytes, bytearray)) else str(file))
        try:
            if isinstance(source, str):
                if source not in BY_NAME:
                    raise reading.Unreadable("file.unknown_source_name", source=source)
                source = BY_NAME[source]
            self._open(reading.opener(file), source, name, sheet)
        except reading.Unreadable as refused:
            self.problems.append(refused.problem)

    def _open(self, open_, preset, name, sheet):
        sample = reading.sniff_file(open_, name)
        if sample.startswith(b"PK\x03\x04"):
            self.encoding, text = "xlsx", ""
            from .xlsx import choose_sheet  # noqa: PLC0415 (only workbooks need it)
            rows, header, self.sheet = choose_sheet(open_, preset, sheet, self.legacy_text)
            self._source_rows = rows
        else:
            self.encoding = reading.choose_text_encoding(open_, sample, preset)
            text = legacy.decode(sample, self.encoding)
            rows = reading.text_rows(open_, self.encoding, reading.sniff_delimiter(text))
            self._source_rows = rows
            header = reading.header_of(rows, preset)
        preset, self.columns, self.labels, above, rest = header
        self.preset = preset
        for _, cells in above:
            self.context = reading.customer_context(cells) or self.context
        self.as_of = as_of(above, DMY if preset.dates == AUTO else preset.dates)
        if "document_no" not in self.columns:
            self.kind = ReportKind.SUMMARY_ONLY
        self._bucket_columns = buckets_of(self.labels, set(self.columns.values()))
        self.buckets = tuple(bucket for _, bucket in self._bucket_columns)
        ahead = list(itertools.islice(rest, LOOKAHEAD))
        self.orders = {f: self._order(f, ahead) for f in DATES if f in self.columns}
        self._amount_fields = [f for f in AMOUNTS if f in self.columns]
        # The header search read at most HEADER_SEARCH < LOOKAHEAD rows: the rest is in ahead.
        self._rows = Buffered(ahead, rows)
        lost = _LOST.search(text)
        if lost:
            self.problems.append(RowProblem(None, "", "text.question_marks",
                                            {"text": lost.group(0)}))

    def close(self) -> None:
        """Let go of the file when a preview stops before its end (Windows keeps open files)."""
        if self._source_rows is not None:
            self._source_rows.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    def _order(self, field, ahead):
        """The preset's date order, or the one the first rows settle ('13/05' is day first)."""
        if self.preset.dates != AUTO:
            return self.preset.dates
        column = self.columns[field]
        votes = {date_order_votes(c[column]) for _, c in ahead if column < len(c)} - {None}
        if len(votes) > 1:
            self.problems.append(RowProblem(None, self.labels[column], "date.ambiguous", {}))
        return votes.pop() if len(votes) == 1 else DMY

    # -- records -------------------------------------------------------------------------------

    def records(self):
        """ImportedCustomer (the first time one is seen), then its ImportedInvoice, in file
        order. A ledger's consecutive lines of one document (goods, VAT) become one entry."""
        if self.preset is None:  # the file was refused: no rows
            pass
        elif self.preset.ledger:
            yield from self._each(merged(self._read_rows(self._source())))
        else:
            for chunk in self._chunks():
                yield from chunk
        for encoding, (count, example) in self.legacy_text.items():
            self.problems.append(RowProblem(None, "", "text.legacy_encoding", {
                "count": count, "encoding": encoding, "example": example}))
        self._done = True

    def _chunks(self):
        """The records of each block of rows, as a list."""
        layout = blocks.Layout(self, currency_cache(self.preset.currency))
        try:
            while block := self._rows.block(blocks.SIZE):
                done = blocks.read_block(layout, *block)
                yield list(self._each(self._read_rows(zip(*block)))) if done is None else done
        except reading.Unreadable as refused:  # a workbook refused past its first rows
            self.problems.append(refused.problem)

    def _source(self):
        try:
            yield from self._rows
        except reading.Unreadable as refused:  # a workbook refused past its first rows
            self.problems.append(refused.problem)

    def _each(self, entries):
        """Customers first seen, then each entry not repeating a document, counted."""
        tally, label = self.tally, self._label("document_no")
        # The tally's own dicts, added to here: a call per row would cost a tenth of the row.
        customers, documents, counts = tally.customers, tally.documents, tally.counts
        totals, open_totals = tally.totals, tally.open_totals
        for entry, name in entries:
            line, code, kind, document = entry[:4]
            if document:
                # id() of the kind: hashing an Enum member runs Python code, a million times.
                first = documents.setdefault(hash((code, id(kind), document)), line)
                if first != line:
                    tally.duplicate(entry, label, first)
                    continue
            if code not in customers:
                customers.add(code)
                yield ImportedCustomer(code, name)
            counts[id(kind)] += 1
            amount, open_amount = entry.amount, entry.open_amount
            currency = amount.currency
            totals[currency] = totals.get(currency, 0) + amount.minor
            if open_amount is not None:
                open_totals[currency] = open_totals.get(currency, 0) + open_amount.minor
            yield entry

    def _read_rows(self, rows):
        if self._fast is None:
            self._fast = row_reader(self) or (lambda _line, _cells: None)
        fast = self._fast
        for line, cells in rows:
            found = fast(line, cells)
            if found is None:
                found = self._general(line, cells)
            if found is not None:
                yield found

    def _general(self, line, cells):
        """A row the fast reader left: classified, then read field by field."""
        n = len(cells)
        texts = {f: cells[i].strip() if i < n else "" for f, i in self.columns.items()}
        kind = reading.classify(cells, self.columns.get("document_no"))
        if kind == rowkinds.DATA and not texts.get("document_no") and \
                not any(texts[f] for f in self._amount_fields):
            kind = rowkinds.NOTE  # a partner's title row, a section name, a rule line
        if kind == rowkinds.DATA:
            return self._row(line, texts, None, cells)
        if kind == rowkinds.OPENING:
            return self._row(line, texts, EntryKind.OPENING, cells)
        self.tally.skipped[kind] += 1
        if kind in (rowkinds.TOTAL, rowkinds.SUBTOTAL, rowkinds.CLOSING):
            self._reconcile(line, texts, kind)
        elif kind in (rowkinds.NOTE, rowkinds.BLANK):
            self.context = reading.customer_context(cells) or self.context
        return None

    def _label(self, field):
        column = self.columns.get(field)
        return self.labels[column] if column is not None else field

    def _row(self, line, texts, kind, cells):
        """(entry, customer name) of one row, or None with its problems recorded."""
        problems = []
        code = texts.get("customer_code") or texts.get("customer_name")
        name = texts.get("customer_name") or code
        if not code and self.context:
            code, name = self.context
        if not code:
            field = "customer_code" if "customer_code" in self.columns else "customer_name"
            problems.append(RowProblem(line, self._label(field), "row.missing",
                                       {"column": self._label(field)}))
        currency = self._currency(line, texts, problems)
        values = self._amounts(line, texts, currency, problems)
        dates = self._dates(line, texts, problems)
        aged = self._aged(line, cells, currency, problems) if self._bucket_columns else None
        amount = None if problems else amount_of(values, kind)
        if amount is None and not problems:
            field = next(f for f in AMOUNTS if f in self.columns)
            problems.append(RowProblem(line, self._label(field), "row.missing",
                                       {"column": self._label(field)}))
        if problems:
            self.problems.extend(problems)
            self.tally.bad_row()
            return None
        self.tally.row(values, currency)
        if aged is not None:
            self.tally.aged(aged, currency)
        open_amount = values.get("open_amount")
        if open_amount is None and "settled_date" in self.columns:
            open_amount = 0 if dates.get("settled_date") else amount
        if kind is None:
            summary = self.kind == ReportKind.SUMMARY_ONLY
            kind = EntryKind.OPENING if summary else (
                EntryKind.CREDIT if amount < 0 or (open_amount or 0) < 0 else EntryKind.INVOICE)
        if kind == EntryKind.OPENING:
            self.tally.row({"opening": amount}, currency)
        late = texts.get("days_late", "")
        return ImportedInvoice(
            line, code, kind, texts.get("document_no", ""), dates.get("document_date"),
            dates.get("due_date"), Money(amount, currency),
            None if open_amount is None else Money(open_amount, currency),
            dates.get("settled_date"), int(late) if late.lstrip("-").isdigit() else None,
            None if aged is None else tuple(
                None if v is None else Money(v, currency) for v in aged)), name

    def _currency(self, line, texts, problems):
        text = texts.get("currency")
        if not text:
            return self.preset.currency
        try:
            return parse_currency(text)
        except BadValue as error:
            problems.append(RowProblem(line, self._label("currency"), error.code, error.params))
            return self.preset.currency

    def _amounts(self, line, texts, currency, problems):
        return {field: self._minor(line, self._label(field), texts[field], currency, problems)
                for field in self._amount_fields}

    def _aged(self, line, cells, currency, problems):
        """Minor units (None when empty) of each bucket column of an aged report."""
        n = len(cells)
        return tuple(self._minor(line, bucket.label, cells[c].strip() if c < n else "",
                                 currency, problems) for c, bucket in self._bucket_columns)

    def _minor(self, line, label, text, currency, problems):
        fast = plain_minor(text, self.preset.decimal, currency)
        if fast is not None:
            return fast
        try:
            value = parse_decimal(text, self.preset.decimal, self.preset.group)
            return None if value is None else to_minor(value, currency, text)
        except BadValue as error:
            problems.append(RowProblem(line, label, error.code, error.params))
            return None

    def _dates(self, line, texts, problems):
        dates = {}
        for field, order in self.orders.items():
            try:
                dates[field] = parse_date(texts[field], order)
            except BadValue as error:
                problems.append(RowProblem(line, self._label(field), error.code, error.params))
        return dates

    def _reconcile(self, line, texts, kind):
        """Each amount a totals row states, against the data rows in its currency."""
        problems = []
        currency = self._currency(line, texts, problems)
        if not texts.get("currency") and len(self.tally.currencies()) == 1:
            currency = next(iter(self.tally.currencies()))
        values = self._amounts(line, texts, currency, problems)
        self.problems.extend(problems)
        if problems:
            return
        for field, declared in values.items():
            if declared is None:
                continue
            if kind == rowkinds.CLOSING:
                if field == "balance":
                    self.tally.check_closing(line, self._label(field), declared, currency)
            else:
                self.tally.check(line, self._label(field), field, declared, currency,
                                 kind == rowkinds.SUBTOTAL)
        if kind == rowkinds.SUBTOTAL:
            self.tally.next_block()

    def result(self) -> ImportResult:
        """The counts and sums, reading to the end what ``records()`` has not read yet."""
        if not self._done:
            for _ in self.records():
                pass
        return self.tally.result(self.preset.name if self.preset else "", self.encoding,
                                 self.kind, self.as_of, self.buckets)
