"""File › Print agreements of a day…: pick a day, tick its agreements, print them in one job."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ...services.documents import NamedDocument
from .. import formats
from ..date_edit import DateEdit
from ..error_text import describe
from ..labels import label
from ..models.documents import GREY_TEXT, numbered, replaced_note
from ..progress import follow
from ..taskman import TaskCancelled
from ..views.common import EmptyState, Retranslating
from . import printing
from .pdf import PdfLoadError, load_pdf
from .print_job import PrintJob

DOC_ROLE = Qt.ItemDataRole.UserRole + 1
TIME, CUSTOMER, KIND, NUMBER = range(4)


class DayAgreementsDialog(Retranslating, QDialog):
    """Lists ``agreements_made_on(day)``; Print… loads the ticked PDFs and asks for a printer once."""

    loaded = Signal()
    printed = Signal(int)  # pages sent to the printer
    open_requested = Signal(object, str)  # DocumentInfo, customer name (double click)

    def __init__(self, parent: QWidget, documents, taskman, today: date):
        super().__init__(parent)
        self._documents, self._taskman = documents, taskman
        self._generation = 0
        self._printer: QPrinter | None = None  # set by print_to(): no dialog (tests)
        self.print_job: PrintJob | None = None
        self.loading_task = None  # the LongTask reading the ticked PDFs
        self._build_day(today)
        self._build_list()
        self.summary = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)  # Enter, even in the date field, prints
        self.buttons.accepted.connect(self.print_ticked)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.resize(820, 460)
        self.retranslate_ui()
        self.reload()

    def _build_day(self, today: date) -> None:
        self.day = DateEdit()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)

    def _build_list(self) -> None:
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAllColumnsShowFocus(True)
        self.list.setColumnCount(4)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        self.list.itemChanged.connect(lambda _item, _column: self._update())
        self.list.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        self.empty = EmptyState()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty)
        self._pages.addWidget(self.list)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def show_day(self, day: date) -> None:
        """List ``day``'s agreements afresh (they may have changed since the last time)."""
        wanted = QDate(day.year, day.month, day.day)
        if self.day.date() == wanted:
            self.reload()
        else:
            self.day.setDate(wanted)  # reloads

    def chosen_day(self) -> date:
        return self.day.date().toPython()

    # -- listing ----------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        generation, documents, day = self._generation, self._documents, self.chosen_day()
        self._taskman.run(lambda: documents.agreements_made_on(day),
                          lambda found: self._loaded(generation, found))

    def _loaded(self, generation: int, found: list[NamedDocument]) -> None:
        if generation != self._generation:
            return
        self.list.blockSignals(True)
        self.list.clear()
        for named in found:
            item = QTreeWidgetItem(self._columns(named))
            item.setData(TIME, DOC_ROLE, named)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # All but what an amendment replaced, unless the user ticks otherwise.
            replaced = bool(named.info.replaced_by)
            item.setCheckState(TIME, Qt.CheckState.Unchecked if replaced else Qt.CheckState.Checked)
            if replaced:
                for column in range(self.list.columnCount()):
                    item.setForeground(column, GREY_TEXT)
            self.list.addTopLevelItem(item)
        self._relabel()
        self.list.blockSignals(False)
        for column in (TIME, KIND, NUMBER):
            self.list.resizeColumnToContents(column)
        if found:
            self.list.setCurrentItem(self.list.topLevelItem(0), TIME)
        self._pages.setCurrentWidget(self.list if found else self.empty)
        self._update()
        self.loaded.emit()

    @staticmethod
    def _columns(named: NamedDocument) -> list[str]:
        info = named.info
        return [formats.time_of_day(info.created_at.time()), named.customer_name,
                label(info.kind), numbered(info)]

    def _relabel(self) -> None:
        """Item texts in the language now chosen."""
        for row in range(self.count()):
            item = self.item(row)
            named = item.data(TIME, DOC_ROLE)
            for column, text in enumerate(self._columns(named)):
                item.setText(column, text)
            item.setToolTip(NUMBER, replaced_note(named.info))

    def count(self) -> int:
        return self.list.topLevelItemCount()

    def item(self, row: int) -> QTreeWidgetItem:
        return self.list.topLevelItem(row)

    def ticked(self) -> list[NamedDocument]:
        items = (self.item(row) for row in range(self.count()))
        return [item.data(TIME, DOC_ROLE) for item in items
                if item.checkState(TIME) is Qt.CheckState.Checked]

    def _open(self, item: QTreeWidgetItem) -> None:
        named = item.data(TIME, DOC_ROLE)
        self.open_requested.emit(named.info, named.customer_name)

    def _update(self) -> None:
        n, total = len(self.ticked()), self.count()
        self.print_button.setEnabled(n > 0)
        self.summary.setVisible(total > 0)
        self.summary.setText(self.tr("%1 of %2 ticked (Space ticks or unticks the selected one)")
                             .replace("%1", formats.number(n)).replace("%2", formats.number(total)))
        self.empty.setText(self.tr("No agreements were made on %1.")
                           .replace("%1", formats.day(self.chosen_day(), "full")))

    # -- printing ---------------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> None:
        """Print the ticked agreements on ``printer`` without the print dialog (tests)."""
        self._printer = printer
        self.print_ticked()

    def print_ticked(self) -> None:
        ids = [named.info.id for named in self.ticked()]
        if not ids:
            return
        self.print_button.setEnabled(False)
        documents = self._documents

        def read(progress, cancelled) -> list[bytes]:
            datas = []
            for n, doc_id in enumerate(ids, 1):
                if cancelled():
                    raise TaskCancelled
                datas.append(documents.pdf(doc_id))
                progress(n, len(ids))
            return datas

        task = self._taskman.run_long(read, self._print,
                                      lambda error: (self._update(), self._fail(error)))
        if task is not None:
            task.finished.connect(self._update)  # a cancel gives the Print button back
            follow(task, self, self.tr("Reading the agreements…"))
        self.loading_task = task

    def _print(self, datas: list[bytes]) -> None:
        try:
            docs = [load_pdf(data, self) for data in datas]
        except PdfLoadError as error:
            self._update()
            self._fail(error)
            self.printed.emit(0)
            return
        pages = printing.pages_of(docs)
        preset, self._printer = self._printer, None
        printer = preset or printing.make_printer(
            docs[0], f"agreements-{self.chosen_day().isoformat()}")
        printed = 0
        if preset is not None or printing.ask(printer, self, len(pages), self.tr(
                "Print the agreements of %1").replace("%1", formats.day(self.chosen_day()))):
            self.print_job = PrintJob(self, printer, printing.chosen(printer, pages),
                                      self.tr("Printing the agreements…"))
            printed = self.print_job.run()
        for doc in docs:
            doc.deleteLater()
        self._update()
        if printed:
            self.summary.setText(formats.counted(
                self.tr("Sent %n pages to the printer.", "", printed), printed))
        self.printed.emit(printed)

    def _fail(self, error: BaseException) -> None:
        self.summary.setVisible(True)
        self.summary.setText(self.tr("Not printed: %1").replace("%1", describe(error)))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Print agreements of a day"))
        self.day_label.setText(self.tr("Agreements made on &day:"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("All ticked agreements in one print job"))
        self.list.setHeaderLabels([self.tr("Time"), self.tr("Customer"), self.tr("Document"),
                                   self.tr("Number")])
        self.list.blockSignals(True)
        self._relabel()
        self.list.blockSignals(False)
        self._update()
