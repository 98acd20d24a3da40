"""Unsent work said before a forgotten PIN could lose it: list, count on the lock, count noted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from ..domain.visit import VisitKind
from ..services import before_unlock
from . import formats
from .labels import label
from .models.table import Column, RecordTableModel
from .views.common import Retranslating, fit_columns, make_table

def kind_text(kind: str) -> str:
    if kind == "amendment":
        return QCoreApplication.translate("UnsentModel", "Amendment")
    if kind == "details":
        return QCoreApplication.translate("UnsentModel", "Corrected details")
    return label(VisitKind(kind))


def sentence(count: int) -> str:
    """The one sentence every place says (the lock, the PIN settings, the close)."""
    return formats.counted(QCoreApplication.translate(
        "UnsentWork", "These %n records exist only on this laptop until they are sent to the "
                      "office. If the PIN is forgotten, they are lost.", "", count), count)


class UnsentModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("UnsentModel", "Customer"), lambda r: r.customer),
            Column(QT_TRANSLATE_NOOP("UnsentModel", "Kind"), lambda r: kind_text(r.kind)),
            Column(QT_TRANSLATE_NOOP("UnsentModel", "Date"),
                   lambda r: formats.day(r.at.date()) if r.at else "",
                   sort=lambda r: r.at),
        ), "UnsentModel", parent=parent)


class UnsentPanel(Retranslating, QWidget):
    """The sentence and the list; hidden when nothing is unsent."""

    def __init__(self, records: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unsentPanel")
        self.text = QLabel(wordWrap=True)
        self.model = UnsentModel(self)
        self.table = make_table(self.model, self, stretch_column=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.table)
        self.set_records(records)

    def set_records(self, records: list) -> None:
        self.model.set_records(records)
        fit_columns(self.table)
        self.setVisible(bool(records))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(sentence(self.model.rowCount()))
        self.model.retranslate()


class UnsentWatch(QObject):
    """Keeps the unsent list of an encrypted profile at hand (loaded on the task manager when
    first needed, then again after each change or sync), so a lock or a close says it without
    the window waiting for the database; nothing is read at start, before the route."""

    def __init__(self, window, services, taskman, signals, profile, encrypted: bool):
        super().__init__(window)
        self._w, self._services, self._taskman = window, services, taskman
        self._profile, self.active = profile, encrypted
        self.records: list | None = None  # None until the first load lands
        self._loading, self._after_load = False, []
        self._leaving = False  # the close was confirmed: the next one goes through
        self.box: QMessageBox | None = None  # the close reminder (tests answer it)
        if self.active:
            signals.data_changed.connect(self._on_changes)
            signals.sync_changed.connect(self._on_sync)

    def _on_changes(self, changes) -> None:
        if changes.visits or changes.details or changes.settings or changes.all_customers:
            self._on_sync()

    def _on_sync(self) -> None:
        if self.records is not None:  # else it is read when first needed
            self.refresh()

    def refresh(self) -> None:
        self._loading = True
        if self._taskman.run(self._services.sync.unsent_work, self._loaded,
                             on_error=self._failed) is None:  # shut down: nothing to wait for
            self._loaded(self.records or [])

    def _failed(self, error: BaseException) -> None:
        """The list could not be read: the close and the lock go on without it (said in the
        status bar as any background failure)."""
        self._w.show_error(error)
        self._loaded(self.records or [])

    def _loaded(self, records) -> None:
        self.records, self._loading = records, False
        waiting, self._after_load = self._after_load, []
        for then in waiting:
            then()

    def when_loaded(self, then: Callable[[], None]) -> None:
        """``then`` once the list is at hand (read now when it never was)."""
        if self._loading or self.records is None:
            self._after_load.append(then)
            if not self._loading:
                self.refresh()
        else:
            then()

    def count(self) -> int:
        return len(self.records or [])

    def note(self) -> None:
        """The count alone, in the clear, for the next unlock dialog's forgotten-PIN words."""
        if self.active and self.records is not None:
            before_unlock.note_unsent(self._profile, self.count())

    def before_close(self, retry: Callable[[], None]) -> bool:
        """True when the close must wait: for the list to land, or for the collector to read
        what a forgotten PIN would lose and confirm (``retry`` closes again)."""
        if not self.active or self._leaving:
            self.note()
            return False
        if self._loading or self.records is None:
            self.when_loaded(retry)
            return True
        lock = getattr(self._w, "lock", None)
        if not self.records or (lock is not None and lock.locked):
            # Locked, the list would show customers to whoever holds the laptop: the locked
            # window has said the count already.
            self.note()
            return False
        self._ask(retry)
        return True

    def _ask(self, retry: Callable[[], None]) -> None:
        if self.box is not None:
            self.box.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsent work"),
                          sentence(self.count()), QMessageBox.StandardButton.Close
                          | QMessageBox.StandardButton.Cancel, self._w)
        box.setInformativeText(self.tr("Sync before closing to keep them safe with the office."))
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("&Close anyway"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("&Keep the window open"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        panel = UnsentPanel(self.records, box)
        panel.text.hide()  # the box says the sentence itself
        box.layout().addWidget(panel, box.layout().rowCount(), 0, 1, box.layout().columnCount())
        self.panel = panel

        def answered(button) -> None:
            self.box = None
            if box.standardButton(button) == QMessageBox.StandardButton.Close:
                self._leaving = True
                retry()
        box.buttonClicked.connect(answered)
        box.finished.connect(lambda _result: setattr(self, "box", None))
        box.finished.connect(box.deleteLater)
        self.box = box
        box.open()
