"""The office's tab of collectors and the customers assigned to each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from ...domain.office_filters import CustomerFilter
from .. import formats
from ..views.common import Retranslating, make_table
from .assign_dialog import AssignDialog
from .assignment_history import AssignmentHistoryDialog
from .collector_dialog import CollectorDialog
from .collector_models import AssignedCustomersModel, CollectorsModel

PAGE = 200  # customers read per page of the selected collector's list


class CollectorsView(Retranslating, QWidget):
    """Collectors with their customer count and overdue total; the selected one's customers
    below, paged in. Built by the OfficeWindow (services, taskman, changed, publish)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("CollectorsView")
        self.window_ = window
        self.model = CollectorsModel(self)
        self.customers = AssignedCustomersModel(self._more_customers, self)
        self.table = make_table(self.model, self, stretch_column=CollectorsModel.OVERDUE)
        self.customer_table = make_table(self.customers, self, stretch_column=1)
        self.customer_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._generation = 0  # answers for a collector no longer selected are dropped
        self._build()
        self.table.selectionModel().currentRowChanged.connect(self._collector_chosen)
        self.customer_table.selectionModel().selectionChanged.connect(self._update_buttons)
        window.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.reload()

    def _build(self) -> None:
        names = ("add", "edit", "toggle", "assign", "move", "history")
        self.buttons = {name: QPushButton(self) for name in names}
        actions = (self.add_collector, self.edit_collector, self.toggle_active,
                   self.assign_unassigned, self.move_selected, self.show_history)
        bar = QHBoxLayout()
        for name, action in zip(names, actions):
            self.buttons[name].setObjectName(f"collectors_{name}")
            self.buttons[name].clicked.connect(action)
            bar.addWidget(self.buttons[name])
        bar.addStretch(1)
        self.caption = QLabel(self)
        self.caption.setObjectName("collectorCustomersCaption")
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.caption)
        lower_layout.addWidget(self.customer_table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._update_buttons()

    def retranslate_ui(self) -> None:
        texts = {"add": self.tr("Add collector…"), "edit": self.tr("Change…"),
                 "assign": self.tr("Assign customers without a collector…"),
                 "move": self.tr("Move selected customers…"),
                 "history": self.tr("Assignment history…")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.model.retranslate()
        self.customers.retranslate()
        self._update_buttons()
        self._update_caption()

    # -- what is selected ---------------------------------------------------------------------
    def current(self):
        """The selected CollectorLoad, or None."""
        row = self.table.currentIndex().row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def selected_customer_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.customer_table.selectionModel().selectedRows()})
        return [self.customers.record(r).id for r in rows]

    def _update_buttons(self, *_args) -> None:
        load = self.current()
        self.buttons["edit"].setEnabled(load is not None)
        self.buttons["toggle"].setEnabled(load is not None)
        self.buttons["toggle"].setText(self.tr("Activate") if load and not load.collector.active
                                       else self.tr("Deactivate"))
        self.buttons["assign"].setEnabled(load is not None and load.collector.active)
        self.buttons["move"].setEnabled(bool(self.selected_customer_ids()))

    def _update_caption(self) -> None:
        load = self.current()
        if load is None:
            self.caption.setText(self.tr("Choose a collector to see their customers."))
            return
        text = self.tr("%n customers of %1", "", load.customers).replace(
            "%1", load.collector.name)
        self.caption.setText(formats.counted(text, load.customers))

    # -- reading ------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        """Collectors or assignments changed, or balances (imports, payments): reload."""
        if changes.collectors or changes.money or changes.customers_added:
            self.reload()

    def reload(self) -> None:
        self.window_.taskman.run(self.window_.services.collectors.loads, self._show_loads)

    def _show_loads(self, loads) -> None:
        chosen = self.current().collector.id if self.current() else None
        self.model.set_records(loads)
        row = self.model.row_of(chosen)
        # The reset cleared the current row: choosing it again reads its customers afresh.
        self.table.selectRow(row if row >= 0 else 0)

    def _collector_chosen(self, current, _previous=None) -> None:
        self._generation += 1
        self._update_buttons()
        self._update_caption()
        self.customers.set_page([], False)
        if not current.isValid():
            return
        self._read_customers(self.model.record(current.row()).collector.id, None)

    def _more_customers(self, after_code: str) -> None:
        load = self.current()
        if load is not None:
            self._read_customers(load.collector.id, after_code)

    def _read_customers(self, collector_id: str, after_code: str | None) -> None:
        generation, assignments = self._generation, self.window_.services.assignments
        wanted = CustomerFilter(collector_id=collector_id)
        self.window_.taskman.run(
            lambda: assignments.customers(wanted, PAGE + 1, after_code),
            lambda page: self._show_customers(generation, after_code, page))

    def _show_customers(self, generation: int, after_code, page) -> None:
        if generation != self._generation:
            return
        more, page = len(page) > PAGE, page[:PAGE]
        (self.customers.set_page if after_code is None else self.customers.append_page)(page, more)
        self._update_buttons()

    # -- actions ------------------------------------------------------------------------------
    def add_collector(self) -> CollectorDialog:
        dialog = CollectorDialog(self.window_)
        dialog.open()
        return dialog

    def edit_collector(self) -> CollectorDialog | None:
        load = self.current()
        if load is None:
            return None
        dialog = CollectorDialog(self.window_, load.collector)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        load = self.current()
        if load is None:
            return
        collectors, c = self.window_.services.collectors, load.collector
        self.window_.taskman.run(lambda: collectors.edit(c.id, active=not c.active),
                                 lambda done: self.window_.publish(done[1].from_source(self)))

    def assign_unassigned(self) -> AssignDialog | None:
        """Customers nobody visits, to the selected collector (asks with the count first)."""
        load = self.current()
        if load is None:
            return None
        dialog = AssignDialog(self.window_, CustomerFilter(no_collector=True), load.collector.id)
        dialog.open()
        return dialog

    def move_selected(self) -> AssignDialog | None:
        ids = self.selected_customer_ids()
        if not ids:
            return None
        dialog = AssignDialog(self.window_, ids)
        dialog.open()
        return dialog

    def show_history(self) -> AssignmentHistoryDialog:
        dialog = AssignmentHistoryDialog(self.window_)
        dialog.open()
        return dialog
