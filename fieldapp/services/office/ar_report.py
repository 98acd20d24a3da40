"""What a receivables import reports: the preview before writing, the report after, and the
refusals of whole files (coded errors)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from ...domain.errors import FieldappError, english
from ...domain.money import Money
from ...domain.receivables import EntryKind, ImportResult, ReportKind, RowProblem
from ..changes import Changes

# Problems that are about the whole file, not one row: --skip-bad-rows cannot skip them.
FILE_PROBLEMS = ("total.mismatch", "date.ambiguous", "text.question_marks")


@dataclass(frozen=True)
class PreviewRow:
    """One data row as understood, for the wizard's table."""

    line: int
    customer_code: str
    customer_name: str
    kind: EntryKind
    document_no: str
    document_date: date | None
    due_date: date | None
    amount: Money
    open_amount: Money | None


@dataclass(frozen=True)
class ImportPreview:
    """The whole file read, nothing written. ``rows`` holds the first PREVIEW_ROWS rows;
    ``refusal`` is the code (errors.MESSAGES) of why it cannot be imported as it is, or None."""

    file: str
    source: str
    result: ImportResult
    rows: tuple[PreviewRow, ...]
    open_totals: dict[str, Money]
    problems: tuple[RowProblem, ...]
    refusal: str | None = None
    refusal_params: dict = field(default_factory=dict)
    cancelled: bool = False

    @property
    def readable(self) -> bool:
        return readable(self.result)

    @property
    def importable(self) -> bool:
        return self.refusal is None and not self.cancelled

    @property
    def bad_rows(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if p.line is not None
                     and p.code not in FILE_PROBLEMS)

    @property
    def skippable(self) -> bool:
        """Refused only for bad rows: importing the others (skip_bad_rows) is possible."""
        return self.refusal == "ar.bad_rows"


@dataclass(frozen=True)
class ReportError:
    line: int | None
    column: str
    message: str
    code: str = ""
    params: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ImportReport:
    """What one import did (or, for a dry run or a refusal, would have done / did not do)."""

    file: str
    source: str
    encoding: str
    kind: str
    rows: int
    customers: int
    invoices: int
    customers_created: int = 0
    customers_updated: int = 0
    invoices_created: int = 0
    invoices_updated: int = 0
    invoices_closed: int = 0
    open_total: dict[str, int] = field(default_factory=dict)
    errors: tuple[ReportError, ...] = ()
    imported: bool = False
    dry_run: bool = False
    readable: bool = True
    cancelled: bool = False
    refusal: str | None = None
    refusal_params: dict = field(default_factory=dict, compare=False)
    import_id: str | None = None
    changes: Changes = field(default_factory=Changes, compare=False)

    def as_json(self) -> dict:
        """The command line's --json object, exactly these keys."""
        return {"file": self.file, "source": self.source, "encoding": self.encoding,
                "kind": self.kind, "rows": self.rows, "customers": self.customers,
                "invoices": self.invoices, "customers_created": self.customers_created,
                "customers_updated": self.customers_updated,
                "invoices_created": self.invoices_created,
                "invoices_updated": self.invoices_updated,
                "invoices_closed": self.invoices_closed, "open_total": dict(self.open_total),
                "errors": [{"line": e.line, "column": e.column, "message": e.message}
                           for e in self.errors],
                "imported": self.imported}

    @property
    def exit_status(self) -> int:
        """0 imported (or a clean dry run), 1 refused for its data, 2 the file cannot be read."""
        if not self.readable:
            return 2
        return 0 if (self.imported or (self.dry_run and self.refusal is None)) else 1


def readable(result: ImportResult) -> bool:
    """False when the file as a whole was refused: no text export, or a workbook that is
    damaged or unsafe (a bomb, path tricks) — the command line's exit status 2."""
    return not any(p.line is None and p.code.split(".")[0] in ("file", "xlsx")
                   for p in result.problems)


class ImportRefused(FieldappError):
    """Why a whole file was not imported; a report carries its code and arguments."""


def refusal_of(result: ImportResult, *, opening_on=None, skip_bad_rows=False) -> tuple:
    """(code, params) of why ``result`` cannot be imported as asked, or (None, {})."""
    refused = _refusal(result, opening_on, skip_bad_rows)
    return (refused.code, refused.params) if refused else (None, {})


def _refusal(result, opening_on, skip_bad_rows) -> ImportRefused | None:
    if not readable(result):
        return ImportRefused("ar.unreadable")
    whole = [p for p in result.problems if p.line is None or p.code in FILE_PROBLEMS]
    if whole:
        return ImportRefused("ar.file_problems", count=len(whole))
    if result.kind == ReportKind.SUMMARY_ONLY and opening_on is None:
        return ImportRefused("ar.summary_only")
    bad = [p for p in result.problems if p.line is not None]
    if bad and not skip_bad_rows:
        return ImportRefused("ar.bad_rows", count=len(bad))
    if result.rows == 0:
        return ImportRefused("ar.no_rows")
    return None


def report_errors(result: ImportResult, refusal: str | None, params: dict):
    """Every problem by line and column, then the refusal itself (line None)."""
    errors = [ReportError(p.line, p.column, p.english(), p.code, p.params)
              for p in result.problems]
    if refusal and refusal != "ar.unreadable":
        errors.append(ReportError(None, "", english(refusal, params), refusal, params))
    return tuple(errors)


def report_json(report: ImportReport) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, sort_keys=True)
