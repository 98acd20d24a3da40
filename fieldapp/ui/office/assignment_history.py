"""Who assigned which customers to whom, and when: every batch (or one customer's changes), with Undo."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPushButton, QSplitter,
                               QVBoxLayout)
from PySide6.QtCore import Qt

from ..views.common import Retranslating, make_table
from .collector_models import AssignmentLogModel, BatchesModel


class AssignmentHistoryDialog(Retranslating, QDialog):
    """``customer_id`` None: the latest batches, and below the changes of the one selected;
    otherwise that customer's changes. Undo acts on the selected row's batch."""

    def __init__(self, window, customer_id: int | None = None):
        super().__init__(window)
        self.setObjectName("AssignmentHistoryDialog")
        self.window_, self.customer_id = window, customer_id
        self.batches = BatchesModel(self)
        self.changes = AssignmentLogModel(self)
        self.batch_table = make_table(self.batches, self, stretch_column=3)
        self.change_table = make_table(self.changes, self, stretch_column=2)
        self.caption = QLabel(self)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoBatch")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.batch_table)
        split.addWidget(self.change_table)
        self.batch_table.setVisible(customer_id is None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.batch_table.selectionModel().currentRowChanged.connect(self._batch_chosen)
        self.change_table.selectionModel().currentRowChanged.connect(self._update_undo)
        window.changed.connect(self.on_changes)
        self.resize(900, 560)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Assignment history"))
        self.caption.setText(self.tr("Assignments, newest first. Undo gives the customers of "
                                     "the selected assignment back their previous collectors."))
        self.undo_button.setText(self.tr("Undo this assignment"))
        self.batches.retranslate()
        self.changes.retranslate()

    def on_changes(self, changes) -> None:
        if changes.collectors:
            self.reload()

    def reload(self) -> None:
        assignments = self.window_.services.assignments
        if self.customer_id is None:
            self.window_.taskman.run(assignments.batches, self._show_batches)
        else:
            cid = self.customer_id
            self.window_.taskman.run(lambda: assignments.changes(customer_id=cid),
                                     self.changes.set_records)

    def _show_batches(self, batches) -> None:
        self.batches.set_records(batches)
        self.changes.set_records([])
        if batches:
            self.batch_table.selectRow(0)

    def _batch_chosen(self, current, _previous=None) -> None:
        self._update_undo()
        if not current.isValid():
            return
        batch = self.batches.record(current.row()).batch_id
        self.window_.taskman.run(
            lambda: self.window_.services.assignments.changes(batch_id=batch),
            self.changes.set_records)

    def selected_batch(self):
        """The batch the Undo button would undo, and whether it may still be undone."""
        table, model = ((self.batch_table, self.batches) if self.customer_id is None
                        else (self.change_table, self.changes))
        row = table.currentIndex().row()
        if row < 0 or row >= model.rowCount():
            return None, False
        record = model.record(row)
        return record.batch_id, record.undone_by is None

    def _update_undo(self, *_args) -> None:
        self.undo_button.setEnabled(self.selected_batch()[1])

    def undo_selected(self) -> None:
        batch, open_ = self.selected_batch()
        if not open_:
            return
        self.undo_button.setEnabled(False)
        self.window_.taskman.run(lambda: self.window_.services.assignments.undo(batch),
                                 self._undone, self._failed)

    def _undone(self, result) -> None:
        self.window_.publish(result.changes.from_source(self))  # on_changes reloads the lists

    def _failed(self, error: BaseException) -> None:
        self.window_.show_error(error)
        self._update_undo()
