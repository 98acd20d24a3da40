"""The export to accounting: confirmed money taken on site, promises and installment lines of
a period, as CSV (one file per kind, UTF-8 with BOM) or XLSX (one sheet per kind), in the
layout of docs/accounting-export.md. Each export is a batch; a record exported once is not
exported again unless asked (``include_exported``), and then carries its first batch."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.accounting_export import (BATCH_COLUMNS, COLUMNS, TEXT_COLUMNS, ExportError,
                                         amount, checked_format, checked_kinds, period,
                                         safe_text)
from ...domain.ids import new_id
from ...domain.instants import to_text
from ...files import write_atomically
from ...store import export_repo as repo


@dataclass(frozen=True)
class Exported:
    """What an export wrote: rows per kind (new ones and earlier ones), its files, its batch
    ("" when it wrote no new record: nothing is remembered then)."""

    batch: str
    files: tuple[str, ...]
    rows: dict = field(default_factory=dict)  # kind → rows written
    new: dict = field(default_factory=dict)  # kind → rows never exported before

    def as_dict(self) -> dict:
        return {"batch": self.batch, "files": list(self.files), "rows": self.rows,
                "new": self.new}


def files_for(out: Path, fmt: str, kinds) -> dict[str, Path]:
    """kind → file: a workbook is ``out`` itself; CSV files are ``<out stem>_<kind>.csv``."""
    out = Path(out)
    if fmt == "xlsx":
        return {k: out for k in kinds}
    return {k: out.with_name(f"{out.stem}_{k}.csv") for k in kinds}


class AccountingExport:
    def __init__(self, store, now, actor: str):
        self._store, self._now, self._actor = store, now, actor

    def run(self, first, last, out: Path, fmt: str = "csv", kinds=None,
            include_exported: bool = False, progress=None) -> Exported:
        """Write the export; the batch is remembered in the same transaction that read the
        rows, after the files were written (a file that cannot be written remembers nothing)."""
        span, fmt = period(first, last), checked_format(fmt)
        kinds = checked_kinds(kinds or COLUMNS.keys())
        out = Path(out)
        if out.is_dir():
            raise ExportError("export.out_is_folder", path=str(out))
        batch, at = new_id(), to_text(self._now())
        tables, new, counts = {}, {}, {}
        with self._store.sessions.begin() as session:
            for n, kind in enumerate(kinds):
                rows = repo.READERS[kind](session, span.first, span.last)
                earlier = repo.exported(session, kind, [r["record_id"] for r in rows])
                if not include_exported:
                    rows = [r for r in rows if r["record_id"] not in earlier]
                new[kind] = [r["record_id"] for r in rows if r["record_id"] not in earlier]
                tables[kind] = [_line(kind, r, earlier.get(r["record_id"], (batch, at)), fmt)
                                for r in rows]
                counts[kind] = len(rows)
                if progress is not None:
                    progress(n + 1, len(kinds) + 1)
            written = _write(files_for(out, fmt, kinds), tables, fmt)
            fresh = sum(len(v) for v in new.values())
            if fresh:
                repo.record(session, {"id": batch, "at": at, "actor": self._actor,
                                      "period_from": span.first, "period_to": span.last,
                                      "kinds": ",".join(kinds), "format": fmt,
                                      "file_name": str(out), "rows": fresh}, new)
        if progress is not None:
            progress(len(kinds) + 1, len(kinds) + 1)
        return Exported(batch if fresh else "", tuple(str(p) for p in written), counts,
                        {k: len(v) for k, v in new.items()})


def _line(kind: str, row: dict, first: tuple[str, str], fmt: str) -> list[str]:
    values = dict(row, export_batch=first[0], first_exported_at=first[1])
    money = values.pop("money")
    values.update(amount=amount(money), currency=money.currency)
    if "allocations" in values:
        values["allocations"] = ";".join(f"{n}={amount(m)}" for n, m in values["allocations"])
    out = []
    for column in COLUMNS[kind]:
        value = values.get(column)
        text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") \
            else str(value)
        out.append(safe_text(text) if fmt == "csv" and column in TEXT_COLUMNS else text)
    return out


def _write(files: dict[str, Path], tables: dict[str, list], fmt: str) -> list[Path]:
    if fmt == "xlsx":
        path = next(iter(files.values()))
        _atomic(path, _workbook(tables))
        return [path]
    for kind, path in files.items():
        _atomic(path, _csv(COLUMNS[kind], tables[kind]))
    return list(files.values())


def _atomic(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ExportError("export.cannot_write", path=str(path),
                          reason=exc.strerror or str(exc)) from None


def _csv(header, rows) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8-sig")  # the BOM: Excel then reads Vietnamese right


def _workbook(tables: dict[str, list]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (only an XLSX export needs it)
    book = Workbook()
    book.remove(book.active)
    for kind, rows in tables.items():
        sheet = book.create_sheet(kind)
        for line in [list(COLUMNS[kind]), *rows]:
            sheet.append(line)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:  # text stays text: a name starting with '=' is no formula
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


__all__ = ["AccountingExport", "BATCH_COLUMNS", "Exported", "ExportError", "files_for"]
