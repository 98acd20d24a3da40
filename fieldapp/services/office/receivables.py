"""Receivables imported into the office database: a preview that writes nothing, then one
transaction keyed by (source, customer code, document number) (rules: ar_write)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ...domain.money import Money
from ...domain.receivables import ImportedCustomer, ImportResult, RowProblem
from ...importers import Import
from ...importers.presets import Preset
from . import ar_write
from .ar_report import (FILE_PROBLEMS, ImportPreview, ImportRefused, ImportReport, PreviewRow,
                        ReportError, readable, refusal_of, report_errors, report_json)

__all__ = ["FILE_PROBLEMS", "ImportPreview", "ImportRefused", "ImportReport", "PreviewRow",
           "ReceivablesImports", "ReportError", "readable", "refusal_of", "report_errors",
           "report_json"]

PREVIEW_ROWS = 500


class ReceivablesImports:
    """``preview`` and ``apply`` of receivables files. ``now()`` gives the aware instant (the
    day invoices are closed on, the import's time); ``actor`` is the supervisor."""

    def __init__(self, store, now, actor: str = ""):
        self.store, self.now, self.actor = store, now, actor

    def preview(self, file, source: str | Preset | None = None, *, progress=None,
                cancelled=None) -> ImportPreview:
        """Read all of ``file``; keep the first rows, the counts, totals and every problem."""
        source = self._preset(source)
        rows, names, opens, seen, twice = [], {}, {}, {}, []
        with Import(file, source, name=ar_write.file_name(file)) as reading:
            ticker = ar_write.Ticker(file, progress)
            stopped = False
            for record in reading.records():
                if isinstance(record, ImportedCustomer):
                    if len(rows) < PREVIEW_ROWS:
                        names[record.code] = record.name
                    continue
                if record.document_no:  # one number twice for a customer (apply refuses it)
                    first = seen.setdefault(hash((record.customer_code, record.document_no)),
                                            record.line)
                    if first != record.line:
                        twice.append((record, first))
                opened = record.open_amount if record.open_amount is not None else record.amount
                opens[opened.currency] = opens.get(opened.currency, 0) + opened.minor
                if len(rows) < PREVIEW_ROWS:
                    rows.append(PreviewRow(
                        record.line, record.customer_code, names.get(record.customer_code, ""),
                        record.kind, record.document_no, record.document_date, record.due_date,
                        record.amount, record.open_amount))
                if ticker.tick(record.line) and cancelled is not None and cancelled():
                    stopped = True
                    break
            result = reading.result() if not stopped else _partial(reading)
            result = _with_duplicates(reading, result, twice)
        refusal, params = refusal_of(result, opening_on=None, skip_bad_rows=False)
        return ImportPreview(ar_write.file_name(file), result.source, result, tuple(rows),
                             {c: Money(v, c) for c, v in opens.items()}, result.problems,
                             refusal, params, stopped)

    def apply(self, file, source: str | Preset | None = None, *, skip_bad_rows: bool = False,
              dry_run: bool = False, opening_on: date | None = None, progress=None,
              cancelled=None) -> ImportReport:
        """Import ``file`` in one transaction (see ar_write for the rules), or refuse it whole
        and write nothing. A dry run does everything and rolls back, so its counts are real."""
        preset = self._preset(source)
        return ar_write.run(self, file, preset, skip_bad_rows=skip_bad_rows, dry_run=dry_run,
                            opening_on=opening_on, progress=progress, cancelled=cancelled)

    def _preset(self, source):
        """A saved mapping's name is looked up; a built-in name goes to the reader as is."""
        if isinstance(source, str):
            from .sources import Sources  # noqa: PLC0415
            return Sources(self.store, self.now).get(source) or source
        return source


def _partial(reading) -> ImportResult:
    return reading.tally.result(reading.preset.name if reading.preset else "", reading.encoding,
                                reading.kind, reading.as_of)


def _with_duplicates(reading, result, twice) -> ImportResult:
    if not twice:
        return result
    label = reading.labels[reading.columns["document_no"]]
    extra = tuple(RowProblem(r.line, label, "document.duplicate", {
        "document": r.document_no, "customer": r.customer_code, "first": first})
        for r, first in twice)
    return replace(result, problems=tuple(sorted(
        result.problems + extra, key=lambda p: (p.line is not None, p.line or 0))))
