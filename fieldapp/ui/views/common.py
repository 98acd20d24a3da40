"""Small shared pieces of the views: live retranslation, read-only tables, empty states, banners."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableView, QWidget


class Retranslating:
    """Mixin: call ``retranslate_ui()`` when the application language changes (Frescobaldi)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        raise NotImplementedError


def make_table(model, parent: QWidget | None = None,
               stretch_column: int | None = None) -> QTableView:
    """A read-only, row-selecting table over ``model``, sized to its contents."""
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)  # arrows move inside; Tab goes on to the next field
    table.verticalHeader().hide()
    # Rows as tall as the font needs so Vietnamese stacked marks and Han glyphs never clip;
    # a fixed height (not ResizeToContents) keeps long paged lists cheap to lay out.
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch_column is None)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(lambda: fit_columns(table))
    return table


def fit_columns(table: QTableView, max_width: int = 260) -> None:
    """Fit columns to what is visible, but keep one long note from eating the row."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for col in range(header.count()):
        if header.sectionResizeMode(col) == QHeaderView.ResizeMode.Interactive:
            header.resizeSection(col, min(header.sectionSize(col) + 12, max_width))


class EmptyState(QLabel):
    """A quiet centred message where a list or a page has nothing to show."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setStyleSheet("QLabel#emptyState { color: palette(mid); font-size: 11pt; }")


class Banner(QLabel):
    """An amber strip above a table that warns before the collector talks about money."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QLabel#banner { background: #ffe8b3; color: #5c3d00;"
                           " border: 1px solid #e0a800; border-radius: 4px; padding: 6px 8px; }")
