"""At start-up: unfinished visits from last time (a crash or a closed window), to resume or discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...services.visits import DraftInfo
from .. import formats
from ..labels import label
from ..models.table import Column, RecordTableModel
from ..views.common import Retranslating, fit_columns, make_table
from .questions import ask


class DraftModel(RecordTableModel):
    """Newest first, as ``Visits.drafts()`` returns them."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DraftModel", "Customer"), lambda d: d.customer_name),
            Column(QT_TRANSLATE_NOOP("DraftModel", "Kind"), lambda d: label(d.kind)),
            Column(QT_TRANSLATE_NOOP("DraftModel", "Last saved"),
                   lambda d: formats.moment(d.updated_at), sort=lambda d: d.updated_at),
        ), "DraftModel", parent=parent)


class RecoveryDialog(Retranslating, QDialog):
    """Resume opens the draft in a visit window; Discard asks first; Later keeps everything."""

    emptied = Signal()

    def __init__(self, parent: QWidget, drafts: list[DraftInfo], on_resume: Callable[[str], None],
                 on_discard: Callable[[str, Callable[[], None]], None]):
        super().__init__(parent)
        self._on_resume, self._on_discard = on_resume, on_discard
        self.question = None
        self.model = DraftModel(self)
        self.model.set_records(drafts)
        self.table = make_table(self.model, self, stretch_column=0)
        fit_columns(self.table)
        self.table.selectRow(0)
        self.table.activated.connect(lambda _i: self.resume())
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.resume_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self.resume)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 320)
        self.retranslate_ui()

    def _selected(self) -> DraftInfo | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def resume(self) -> None:
        draft = self._selected()
        if draft is None:
            return
        self._remove(draft)
        self._on_resume(draft.uuid)

    def discard(self) -> None:
        draft = self._selected()
        if draft is None:
            return
        self.question = ask(self, self.tr("Discard the draft"), self.tr(
            "Discard the unfinished %1 with %2? What was typed is lost.")
            .replace("%1", label(draft.kind).lower()).replace("%2", draft.customer_name),
            lambda: self._on_discard(draft.uuid, lambda: self._remove(draft)), self.tr("&Discard"))

    def _remove(self, draft: DraftInfo) -> None:
        left = [d for d in self.model.records() if d.uuid != draft.uuid]
        self.model.set_records(left)
        if left:
            self.table.selectRow(0)
        else:
            self.emptied.emit()
            self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Unfinished visits"))
        self.text.setText(self.tr("These visits and calls were not finalized. Everything typed "
                                  "was saved: resume one to finish it, or discard it."))
        self.resume_button.setText(self.tr("&Resume"))
        self.discard_button.setText(self.tr("&Discard…"))
        self.later_button.setText(self.tr("&Later"))
        self.model.retranslate()
