"""Print › agreements or statements: choose, build in the background, preview, print or save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QRadioButton, QStackedWidget, QVBoxLayout, QWidget)

from ...domain.errors import FieldappError
from ...services.office.printing import StatementGroup
from .. import formats, progress
from ..date_edit import DateEdit
from ..error_text import describe
from ..views.common import Retranslating
from .batch_preview import BatchPreview

AGREEMENTS, STATEMENTS = 0, 1
BY_COLLECTOR, BY_ROUTE, BY_CODES = 0, 1, 2


class PrintDialog(Retranslating, QDialog):
    """Built by the office window (services, taskman, sync.passphrase, profile). ``built``
    carries the Printed batch once its preview is up; ``refused`` the words of a refusal."""

    built = Signal(object)
    refused = Signal(str)
    collectors_shown = Signal()

    def __init__(self, window, kind: int = AGREEMENTS):
        super().__init__(window)
        self.setObjectName("PrintDialog")
        self.window_ = window
        self.preview: BatchPreview | None = None
        self.task = None
        self._wanted = ""  # a collector preset before the list arrived (preset_route)
        today = window.services.now().date()
        self.kind_group = QButtonGroup(self)
        self.agreements_radio, self.statements_radio = QRadioButton(), QRadioButton()
        for n, radio in enumerate((self.agreements_radio, self.statements_radio)):
            self.kind_group.addButton(radio, n)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._agreements_page(today))
        self.pages.addWidget(self._statements_page(today))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.setDefault(True)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        self.kind_group.idToggled.connect(self._kind_chosen)
        layout = QVBoxLayout(self)
        self.kind_label = QLabel()
        layout.addWidget(self.kind_label)
        layout.addWidget(self.agreements_radio)
        layout.addWidget(self.statements_radio)
        layout.addWidget(self.pages)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.agreements_radio if kind == AGREEMENTS else self.statements_radio).setChecked(True)
        self._kind_chosen(kind, True)
        self.resize(520, 360)
        self.retranslate_ui()
        window.taskman.run(window.services.routes.collectors, self._show_collectors)

    # -- building -------------------------------------------------------------------------
    def _agreements_page(self, today: date) -> QWidget:
        self.agreements_box = QGroupBox()
        form = QFormLayout(self.agreements_box)
        self.day_edit = DateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(today)
        self.route_box = QComboBox()
        self.day_label, self.route_label = QLabel(), QLabel()
        form.addRow(self.day_label, self.day_edit)
        form.addRow(self.route_label, self.route_box)
        return self.agreements_box

    def _statements_page(self, today: date) -> QWidget:
        self.statements_box = QGroupBox()
        form = QFormLayout(self.statements_box)
        self.group_box = QComboBox()
        for _n in range(3):
            self.group_box.addItem("")
        self.collector_box = QComboBox()
        self.route_day_edit = DateEdit()
        self.route_day_edit.setCalendarPopup(True)
        self.route_day_edit.setDate(today)
        self.codes_edit = QLineEdit()
        self.as_of_edit = DateEdit()
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDate(today)
        self.group_label, self.collector_label = QLabel(), QLabel()
        self.route_day_label, self.codes_label, self.as_of_label = QLabel(), QLabel(), QLabel()
        for label, field in ((self.group_label, self.group_box),
                             (self.collector_label, self.collector_box),
                             (self.route_day_label, self.route_day_edit),
                             (self.codes_label, self.codes_edit),
                             (self.as_of_label, self.as_of_edit)):
            form.addRow(label, field)
        self.group_box.currentIndexChanged.connect(self._group_chosen)
        self._form = form
        self._group_chosen(BY_COLLECTOR)
        return self.statements_box

    def _show_collectors(self, collectors) -> None:
        for box in (self.route_box, self.collector_box):
            keep = box.currentData()
            box.clear()
            if box is self.route_box:
                box.addItem(self.tr("Every customer of the day"), "")
            for c in collectors:
                box.addItem(c.name, c.name)
            box.setCurrentIndex(max(box.findData(keep), 0))
        if self._wanted:
            self.collector_box.setCurrentIndex(max(self.collector_box.findData(self._wanted), 0))
        self.collectors_shown.emit()

    def preset_route(self, collector: str, day: date) -> None:
        """Statements for the customers on ``collector``'s route of ``day`` (the Routes tab)."""
        self.statements_radio.setChecked(True)
        self.group_box.setCurrentIndex(BY_ROUTE)
        self.route_day_edit.setDate(day)
        self._wanted = collector
        found = self.collector_box.findData(collector)
        if found >= 0:
            self.collector_box.setCurrentIndex(found)

    def _kind_chosen(self, kind: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(kind)

    def _group_chosen(self, group: int) -> None:
        """Only the fields the chosen group needs."""
        self._form.setRowVisible(self.collector_box, group in (BY_COLLECTOR, BY_ROUTE))
        self._form.setRowVisible(self.route_day_edit, group == BY_ROUTE)
        self._form.setRowVisible(self.codes_edit, group == BY_CODES)

    # -- making ---------------------------------------------------------------------------
    def statement_group(self) -> StatementGroup:
        group = self.group_box.currentIndex()
        name = self.collector_box.currentData() or ""
        if group == BY_CODES:
            codes = tuple(c.strip() for c in self.codes_edit.text().replace(";", ",")
                          .replace(" ", ",").split(",") if c.strip())
            return StatementGroup(codes=codes)
        if group == BY_ROUTE:
            return StatementGroup(route=name, route_day=self.route_day_edit.date().toPython())
        return StatementGroup(collector=name)

    def make(self) -> None:
        """Build the chosen batch in the background; the preview opens when it is signed."""
        profile = self.window_.profile
        if profile is None or self.task is not None:
            return
        secret = self.window_.sync.passphrase or self._ask_passphrase()
        if secret is None:
            return
        self.window_.sync.passphrase = secret  # asked once per session, as for the packs
        service, home = self.window_.services.printing, profile.home
        if self.kind_group.checkedId() == AGREEMENTS:
            day, route = self.day_edit.date().toPython(), self.route_box.currentData() or ""
            work = lambda report, cancelled: service.agreements(  # noqa: E731
                day, route, home, secret, report, cancelled)
            text = self.tr("Preparing the installment agreements…")
        else:
            group, as_of = self.statement_group(), self.as_of_edit.date().toPython()
            work = lambda report, cancelled: service.statements(  # noqa: E731
                group, as_of, home, secret, report, cancelled)
            text = self.tr("Preparing the statements of account…")
        self.preview_button.setEnabled(False)
        self.task = self.window_.taskman.run_long(work, self._made, self._failed)
        if self.task is not None:
            self._progress = progress.follow(self.task, self, text)

    def _ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Company CA passphrase"),
            self.tr("The office signs what it prints with a key kept under the company CA's "
                    "passphrase. It is kept until the window closes."),
            QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def _made(self, printed) -> None:
        self.task = None
        self.preview_button.setEnabled(True)
        if printed is None:  # cancelled
            return
        self.preview = BatchPreview(printed, self._title(printed), self._file_name(printed),
                                    self)
        self.preview.show()
        self.built.emit(printed)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.preview_button.setEnabled(True)
        if isinstance(error, FieldappError) and error.code == "enroll.bad_passphrase":
            self.window_.sync.passphrase = None  # asked again next time
        words = describe(error)
        self.refused.emit(words)
        QMessageBox.warning(self, self.tr("Nothing printed"), words)

    def _title(self, printed) -> str:
        if printed.kind == "agreements":
            return self.tr("Installment agreements of %1").replace(
                "%1", formats.day(self.day_edit.date().toPython()))
        return self.tr("Statements of account as of %1").replace(
            "%1", formats.day(self.as_of_edit.date().toPython()))

    def _file_name(self, printed) -> str:
        if printed.kind == "agreements":
            return f"agreements-{self.day_edit.date().toPython().isoformat()}.pdf"
        return f"statements-{self.as_of_edit.date().toPython().isoformat()}.pdf"

    # -- text -----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Print agreements and statements"))
        self.kind_label.setText(self.tr("What to print (one PDF, each customer from a new "
                                        "page, in the customer's language):"))
        self.agreements_radio.setText(self.tr("&Installment agreements of a day, for signing "
                                              "in ink"))
        self.statements_radio.setText(self.tr("&Statements of account for a group of "
                                              "customers"))
        self.agreements_box.setTitle(self.tr("Agreements"))
        self.statements_box.setTitle(self.tr("Statements"))
        self.day_label.setText(self.tr("Made on:"))
        self.route_label.setText(self.tr("Only the route of:"))
        if self.route_box.count():
            self.route_box.setItemText(0, self.tr("Every customer of the day"))
        self.group_label.setText(self.tr("Customers:"))
        for n, words in enumerate((self.tr("A collector's customers with open invoices"),
                                   self.tr("The customers on a collector's route"),
                                   self.tr("These customer codes"))):
            self.group_box.setItemText(n, words)
        self.collector_label.setText(self.tr("Collector:"))
        self.route_day_label.setText(self.tr("Route of:"))
        self.codes_label.setText(self.tr("Codes:"))
        self.codes_edit.setPlaceholderText(self.tr("Customer codes separated by commas"))
        self.as_of_label.setText(self.tr("As of:"))
        self.preview_button.setText(self.tr("&Preview"))
