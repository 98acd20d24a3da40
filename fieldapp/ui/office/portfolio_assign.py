"""The portfolio's assignment buttons: Assign… (rows picked), Assign all N matching… (filter)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from .. import formats
from ..views.common import Retranslating
from .assign_dialog import AssignDialog


class AssignButtons(Retranslating, QWidget):
    """Over the list ``table`` of ``model`` (OfficeCustomerModel); opens the AssignDialog."""

    def __init__(self, window, table, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_, self._table, self._model = window, table, model
        self.picked_button = QPushButton()
        self.picked_button.clicked.connect(self.assign_picked)
        self.matching_button = QPushButton()
        self.matching_button.clicked.connect(self.assign_matching)
        self.dialog: AssignDialog | None = None
        table.selectionModel().selectionChanged.connect(lambda *_: self.update_state())
        model.loading_changed.connect(lambda _loading: self.retranslate_ui())
        model.page_loaded.connect(self.retranslate_ui)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picked_button)
        row.addWidget(self.matching_button)
        self.retranslate_ui()

    def picked_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self._table.selectionModel().selectedRows()})
        return [self._model.customer_id(r) for r in rows]

    def assign_picked(self) -> None:
        ids = self.picked_ids()
        if ids:
            self._open(ids)

    def assign_matching(self) -> None:
        """Every customer the search and filters keep: the dialog counts them again and the
        assignment checks the count once more when confirmed."""
        if self._filtered():
            self._open(self._model.filter)

    def _open(self, selection) -> None:
        self.dialog = AssignDialog(self.window_, selection)
        self.dialog.open()

    def _filtered(self) -> bool:
        # The whole office at once is refused here: narrow the list first.
        model = self._model
        return not model.filter.is_empty() and bool(model.matching) and not model.loading

    def update_state(self) -> None:
        self.picked_button.setEnabled(bool(self._table.selectionModel().selectedRows()))
        self.matching_button.setEnabled(self._filtered())

    def retranslate_ui(self) -> None:
        self.picked_button.setText(self.tr("Assign…"))
        self.picked_button.setToolTip(self.tr("Give the customers picked in the list to a "
                                              "collector"))
        matching = self._model.matching
        if self._filtered():
            self.matching_button.setText(formats.counted(
                self.tr("Assign all %n matching…", "", matching), matching))
            self.matching_button.setToolTip(self.tr(
                "Give every customer the search and filters keep to a collector"))
        else:
            self.matching_button.setText(self.tr("Assign all matching…"))
            self.matching_button.setToolTip(self.tr(
                "Narrow the list with the search or the filters first"))
        self.update_state()
