"""One receivables import in one transaction: the file streamed into the database (straight
into ``invoice`` on a source's first import, else into a staging table compared set-based), then
refused whole (rolled back) or kept.

Rules, as the supervisor reads them in the report:
- Keys are (source, customer code, document number). Customers are found by code, made when
  missing and renamed when the file's name changed; their collector is never touched.
- A full export closes (open 0, closed today) every invoice of its source it no longer lists; a
  ledger (S31-DN, one customer's postings) closes only invoices of the customers it lists. When
  rows were skipped (skip_bad_rows) nothing is closed: a skipped row may be an invoice still open.
- Credits (credit notes, unmatched receipts) are invoice rows with negative amounts; their due
  date is their document date, so they reduce the customer's overdue sum like an offset.
- An invoice without a due date is due on its document date. An opening balance without a date
  is dated the report's date (or today) and keeps the date it was first given.
- A summary-only file loads, with ``opening_on``, one 'OPENING-<date>' entry per customer."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import replace
from pathlib import Path

from ...domain.instants import to_text
from ...domain.receivables import EntryKind, ImportedCustomer, ReportKind, RowProblem
from ...importers import Import
from ...store.ar_writer import ArWriter
from ...store.receivables_repo import import_session
from ..changes import Changes
from . import ar_report as api

CODE_LIMIT, NUMBER_LIMIT = 20, 40  # customer.code and invoice.number
_COUNTRY = {"VND": ("VN", "vi"), "TWD": ("TW", "zh_TW"), "CNY": ("CN", "zh_CN")}


def run(service, file, preset, *, skip_bad_rows, dry_run, opening_on, progress, cancelled):
    name = file_name(file)
    with Import(file, preset, name=name) as reading:
        if reading.problems and not api.readable(reading.result()):
            return _report(name, reading.result(), *api.refusal_of(reading.result()),
                           dry_run=dry_run)
        with import_session(service.store) as session:
            report, keep = _write(service, session, file, name, reading, skip_bad_rows,
                                  dry_run, opening_on, progress, cancelled)
            if not keep:  # refused, a dry run or cancelled: the transaction leaves no trace
                session.rollback()
    return report


def _write(service, session, file, name, reading, skip_bad_rows, dry_run, opening_on,
           progress, cancelled):
    """(report, whether to commit) of the import inside the open transaction."""
    today = service.now().date()
    writer = ArWriter(session, reading.preset.name)
    writer.prepare()
    opens = _stream(file, reading, writer, today, opening_on, progress, cancelled)
    if opens == "cancelled":
        return api.ImportReport(name, reading.preset.name, reading.encoding, reading.kind.value,
                                0, 0, 0, cancelled=True, dry_run=dry_run), False
    result, skipped = _checked(reading, writer, skip_bad_rows)
    refusal, params = api.refusal_of(result, opening_on=opening_on, skip_bad_rows=skip_bad_rows)
    if refusal:
        return _report(name, result, refusal, params, dry_run=dry_run, opens=opens), False
    scope = "none" if skipped else "customers" if reading.preset.ledger else "source"
    counts = writer.apply(today, scope)
    report = _report(name, result, None, {}, dry_run=dry_run, counts=counts, opens=opens,
                     imported=not dry_run)
    if dry_run:
        return report, False
    return replace(report, import_id=writer.record(
        to_text(service.now()), service.actor, Path(name).name, _sha256(file),
        api.report_json(report))), True


def _stream(file, reading, writer, today, opening_on, progress, cancelled):
    """Write every record (see ArWriter); returns the open totals per currency, or 'cancelled'.
    The loop is the import's own cost per row beside parsing: kept to plain local work."""
    summary = reading.kind == ReportKind.SUMMARY_ONLY
    undated = opening_on or reading.as_of or today
    opening_no = f"OPENING-{opening_on.isoformat()}" if opening_on else "OPENING"
    ticker = Ticker(file, progress)
    every, check = ticker.EVERY, cancelled or (lambda: False)
    opens: dict[str, int] = {}
    announced: dict[str, str] = {}  # customers named just before their first row
    ids: dict[str, int] = {}
    rows, flush, sqlite, opening = writer.rows, writer.flush, writer.sqlite, EntryKind.OPENING
    seq = 0
    for record in reading.records():
        if type(record) is ImportedCustomer:
            announced[record.code] = record.name
            continue
        line, code, number, issued = record.line, record.customer_code, record.document_no, \
            record.document_date
        due_date, amount, opened = record.due_date, record.amount, record.open_amount
        currency, amount = amount.currency, amount.minor
        opened = amount if opened is None else opened.minor
        issued = issued or due_date
        dated = 0 if summary or issued is None else 1
        if summary:
            number, issued = opening_no, undated
        elif not number:
            number = "OPENING" if record.kind is opening else f"LINE-{line}"
        elif len(number) > NUMBER_LIMIT:
            number = short(number, NUMBER_LIMIT)
        issued = issued or undated
        due = issued if summary else (due_date or issued)
        cid = ids.get(code)
        if cid is None:
            cid = ids[code] = _customer(writer, code, announced.pop(code, "") or code, currency,
                                        issued)
        closed = record.settled_on if opened == 0 else None
        if sqlite:
            issued, due = issued.isoformat(), due.isoformat()
            closed = closed.isoformat() if closed else None
        seq += 1
        rows.append((seq, line, cid, number, issued, due, dated, amount, opened, currency,
                     closed))
        opens[currency] = opens.get(currency, 0) + opened
        if not seq % every:
            flush()
            if progress is not None:
                ticker.total = max(ticker.total, line)
                progress(line, ticker.total)
            if check():
                return "cancelled"
    return opens


def _customer(writer, code, name, currency, since):
    country, language = _COUNTRY.get(currency, ("", "en"))
    return writer.customer(short(code, CODE_LIMIT), name, currency, country, language, since)


def _checked(reading, writer, skip_bad_rows):
    """The file's result with keys staged twice added as problems; their later rows dropped
    when skipping bad rows. Returns (result, whether any row was skipped)."""
    result = reading.result()
    label = reading.labels[reading.columns["document_no"]] if "document_no" in reading.columns \
        else ""
    codes = {cid: code for code, (cid, _) in writer.customers.items()}
    twice = writer.duplicates()
    extra = tuple(RowProblem(line, label, "document.duplicate", {
        "document": number, "customer": codes.get(cid, ""), "first": first})
        for line, first, number, cid in twice)
    if extra:
        problems = tuple(sorted(result.problems + extra,
                                key=lambda p: (p.line is not None, p.line or 0)))
        result = replace(result, problems=problems)
        if skip_bad_rows:
            writer.drop_lines(line for line, *_ in twice)
    skipped = any(p.line is not None for p in result.problems)
    return result, skipped


def short(text: str, limit: int) -> str:
    """A code or number longer than its column: a stable shortened form (same text, same key)."""
    if len(text) <= limit:
        return text
    return f"{text[:limit - 9]}~{zlib.crc32(text.encode()):08x}"


def _report(name, result, refusal, params, *, dry_run, counts=None, opens=None, imported=False):
    opens = opens if isinstance(opens, dict) else {
        c: m.minor for c, m in result.open_totals.items()}
    changes = Changes()
    if counts is not None and imported:
        changes = Changes(customers=counts.customer_ids, all_customers=True,
                          customers_added=bool(counts.customers_created), invoices=True,
                          follow_ups=True)
    return api.ImportReport(
        name, result.source, result.encoding, result.kind.value, result.rows, result.customers,
        result.invoices + result.credits,
        customers_created=counts.customers_created if counts else 0,
        customers_updated=counts.customers_updated if counts else 0,
        invoices_created=counts.invoices_created if counts else 0,
        invoices_updated=counts.invoices_updated if counts else 0,
        invoices_closed=counts.invoices_closed if counts else 0,
        open_total=dict(sorted(opens.items())), errors=api.report_errors(result, refusal, params),
        imported=imported, dry_run=dry_run, readable=api.readable(result), refusal=refusal,
        refusal_params=params, changes=changes)


def _sha256(file) -> str:
    digest = hashlib.sha256()
    if isinstance(file, (bytes, bytearray)):
        digest.update(file)
    else:
        with open(file, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def file_name(file) -> str:
    """The file as the caller named it (a script's report says which of its files)."""
    return "" if isinstance(file, (bytes, bytearray)) else str(file)


class Ticker:
    """progress(done, total) every few thousand rows, in estimated lines of the file."""

    EVERY = 5000  # also the rows written at a time

    def __init__(self, file, progress):
        self.progress, self.count = progress, 0
        self.total = _estimated_lines(file)

    def tick(self, line: int) -> bool:
        self.count += 1
        if self.count % self.EVERY:
            return False
        if self.progress is not None:
            self.total = max(self.total, line)
            self.progress(line, self.total)
        return True


def _estimated_lines(file) -> int:
    """Lines of a text file from the newlines in its first MB; 0 (unknown) for a workbook."""
    try:
        if isinstance(file, (bytes, bytearray)):
            head, size = bytes(file[:1 << 20]), len(file)
        else:
            with open(file, "rb") as handle:
                head = handle.read(1 << 20)
                size = handle.seek(0, 2)
    except OSError:
        return 0
    if head.startswith(b"PK") or not head.count(b"\n"):
        return 0
    return max(1, round(size / (len(head) / head.count(b"\n"))))
