"""Table models of the import preview: the rows as understood, and every problem by line."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from .. import formats
from ..models.table import RIGHT, Column, RecordTableModel, RowStyle
from .import_words import kind_name, problem_text

_CREDIT_FG = QBrush(QColor("#1b5e20"))


def _customer(row) -> str:
    if row.customer_name and row.customer_name != row.customer_code:
        return f"{row.customer_code} · {row.customer_name}"
    return row.customer_code


def _money(value) -> str:
    return formats.money(value) if value is not None else ""


class PreviewRowsModel(RecordTableModel):
    """The first rows of the file as they would be imported (services' PreviewRow)."""

    def __init__(self, parent=None):
        style = RowStyle(foreground=lambda r: _CREDIT_FG if r.amount.minor < 0 else None)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Line"), lambda r: r.line, RIGHT),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Customer"), _customer,
                   tooltip=_customer),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Kind"), lambda r: kind_name(r.kind)),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Document"), lambda r: r.document_no),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Date"),
                   lambda r: formats.day(r.document_date, "short")),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Due"),
                   lambda r: formats.day(r.due_date, "short")),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Amount"),
                   lambda r: _money(r.amount), RIGHT),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Open"),
                   lambda r: _money(r.open_amount), RIGHT),
            Column(QT_TRANSLATE_NOOP("PreviewRowsModel", "Currency"),
                   lambda r: r.amount.currency),
        ), "PreviewRowsModel", style, parent)


class ProblemsModel(RecordTableModel):
    """Every problem the reading found: the file's line, the column's header, what is wrong."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("ProblemsModel", "Line"),
                   lambda p: "" if p.line is None else p.line, RIGHT),
            Column(QT_TRANSLATE_NOOP("ProblemsModel", "Column"), lambda p: p.column),
            Column(QT_TRANSLATE_NOOP("ProblemsModel", "What is wrong"),
                   lambda p: problem_text(p.code, p.params),
                   tooltip=lambda p: problem_text(p.code, p.params)),
        ), "ProblemsModel", None, parent)
