"""Lists and the customer on screen agree: a row selected shows its customer, and vice versa."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CustomerSelection(QObject):
    """Watches one list: a row the collector selects (click, arrows) emits ``selected(id)``;
    ``show(id)`` highlights the row of the customer on screen, or nothing, without emitting.

    The model needs ``customer_id(row)``. Without this a click only highlighted a row while the
    file on the right (and Ctrl+N) stayed with another customer.
    """

    selected = Signal(int)

    def __init__(self, table, model, parent: QObject | None = None):
        super().__init__(parent)
        self._table, self._model = table, model
        self._quiet = False  # our own highlighting is not the collector's choice
        self.shown_id: int | None = None
        table.selectionModel().selectionChanged.connect(self._changed)

    def _changed(self, *_ranges) -> None:
        if self._quiet:
            return
        rows = self._table.selectionModel().selectedRows()
        if len(rows) == 1:
            customer_id = self._model.customer_id(rows[0].row())
            if customer_id != self.shown_id:
                self.shown_id = customer_id
                self.selected.emit(customer_id)

    def show(self, customer_id: int | None) -> None:
        """Highlight ``customer_id``'s row (the first, if it has several) or clear the highlight."""
        self.shown_id = customer_id
        selected = self._table.selectionModel().selectedRows()
        if selected and self._model.customer_id(selected[0].row()) == customer_id:
            return  # already on one of its rows (a customer can have several follow-ups)
        row = next((r for r in range(self._model.rowCount())
                    if self._model.customer_id(r) == customer_id), None)
        self._quiet = True
        try:
            if row is None:
                self._table.selectionModel().clear()
            else:
                self._table.selectRow(row)
        finally:
            self._quiet = False

    def restore(self) -> None:
        """After the list was reloaded: highlight the customer on screen again."""
        self.show(self.shown_id)
