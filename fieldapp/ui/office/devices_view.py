"""The office's Laptops tab: each laptop's health and bundles, with Retry and Discard."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.instants import UTC, from_text
from ...services.office.device_health import clock_skew, missing, skew_flagged
from .. import formats, progress
from ..error_text import WORDS, words
from ..views.common import Retranslating

WAITING = ("held", "quarantined")
SKEW_COLUMN = 10
FLAGGED = QColor(255, 214, 153)  # a soft orange: look here, nothing is broken yet


class DevicesView(Retranslating, QWidget):
    """Laptops above, the selected one's bundles (or everyone's) below, newest first."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("DevicesView")
        self.window_ = window
        self._laptops, self._bundles = [], []
        self.laptops = self._table(12)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("noLaptops")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label.hide()
        self.bundles = self._table(6)
        self.laptops_label, self.bundles_label = QLabel(self), QLabel(self)
        self.all_button = QPushButton(self)
        self.retry_button, self.discard_button = QPushButton(self), QPushButton(self)
        self._build()
        self.laptops.itemSelectionChanged.connect(self._load_bundles)
        self.bundles.itemSelectionChanged.connect(self._update_buttons)
        self.all_button.clicked.connect(self.laptops.clearSelection)
        self.retry_button.clicked.connect(self.retry)
        self.discard_button.clicked.connect(self.discard)
        window.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.reload()

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.all_button, self.retry_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for part in (self.laptops_label, self.empty_label, self.laptops, self.bundles_label,
                     self.bundles):
            layout.addWidget(part)
        layout.addLayout(buttons)

    # -- loading ------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        if changes.source is not self:
            self.reload()

    def reload(self) -> None:
        self.window_.taskman.run(self.window_.services.device_health.laptops, self._show_laptops)

    def _show_laptops(self, laptops) -> None:
        chosen = self.selected_device()
        self._laptops = laptops
        self.laptops.blockSignals(True)
        self.laptops.setRowCount(len(laptops))
        self.empty_label.setVisible(not laptops)
        self.laptops.setVisible(bool(laptops))
        for row, laptop in enumerate(laptops):
            for column, text in enumerate(self._laptop_texts(laptop)):
                self.laptops.setItem(row, column, QTableWidgetItem(text))
            self._mark_skew(self.laptops.item(row, SKEW_COLUMN), clock_skew(laptop))
            if laptop.device == chosen:
                self.laptops.selectRow(row)
        _fit(self.laptops)
        self.laptops.blockSignals(False)
        self._load_bundles()

    def selected_device(self) -> str | None:
        rows = self.laptops.selectionModel().selectedRows()
        return self._laptops[rows[0].row()].device if rows and self._laptops else None

    def _load_bundles(self) -> None:
        device = self.selected_device()
        self.window_.taskman.run(lambda: self.window_.services.device_health.received(device),
                                 self._show_bundles)

    def _show_bundles(self, bundles) -> None:
        self._bundles = bundles
        self.bundles.setRowCount(len(bundles))
        for row, item in enumerate(bundles):
            texts = (_when(item.received_at), Path(item.file_name).name,
                     "" if item.seq is None else str(item.seq), self._status(item.status),
                     self.reason_text(item), str(item.records))
            for column, text in enumerate(texts):
                self.bundles.setItem(row, column, QTableWidgetItem(text))
        _fit(self.bundles)
        self._update_buttons()

    # -- words --------------------------------------------------------------------------------
    def _laptop_texts(self, laptop) -> tuple:
        if laptop.pack_version is None:
            pack = ""
        elif laptop.pack_confirmed_at:
            pack = self.tr("%1, confirmed").replace("%1", str(laptop.pack_version))
        else:
            pack = self.tr("%1, not confirmed yet").replace("%1", str(laptop.pack_version))
        return (laptop.device[:8], laptop.collector, _when(laptop.enrolled_at),
                _when(laptop.revoked_at), "" if laptop.last_seq is None else str(laptop.last_seq),
                _when(laptop.last_received_at), str(laptop.held), pack, str(laptop.quarantined),
                self._missing_text(missing(laptop)), self.skew_text(clock_skew(laptop)),
                self._ack_text(laptop))

    @staticmethod
    def _missing_text(gap) -> str:
        if gap is None:
            return ""
        first, last = gap
        return str(first) if first == last else f"{first}–{last}"

    def skew_text(self, skew) -> str:
        """'3 min behind', '12 min ahead', 'on time' (within a minute); hours past two hours."""
        if skew is None:
            return ""
        minutes = round(abs(skew).total_seconds() / 60)
        if minutes < 1:
            return self.tr("on time")
        amount = (self.tr("%1 min").replace("%1", str(minutes)) if minutes < 120 else
                  self.tr("%1 h").replace("%1", str(round(minutes / 60))))
        if skew.total_seconds() > 0:
            return self.tr("%1 behind").replace("%1", amount)
        return self.tr("%1 ahead").replace("%1", amount)

    def _mark_skew(self, item, skew) -> None:
        if skew_flagged(skew):
            item.setBackground(QBrush(FLAGGED))
            item.setToolTip(self.tr(
                "This laptop's clock seems off by more than 10 minutes: the times of its "
                "visits and promises are off by as much. Ask the collector to set the clock "
                "(a bundle that took long to arrive also makes a clock look behind)."))
        else:
            item.setToolTip(self.tr(
                "The time between the laptop writing its last bundle, by its own clock, and "
                "the office receiving it."))

    def _ack_text(self, laptop) -> str:
        if laptop.ack_seq is None:
            return ""
        return self.tr("%1, %2").replace("%1", str(laptop.ack_seq)).replace(
            "%2", _when(laptop.ack_written_at))

    def _status(self, status: str) -> str:
        return {"imported": self.tr("Imported"), "duplicate": self.tr("Already imported"),
                "held": self.tr("Waiting"), "quarantined": self.tr("Quarantined")}.get(status,
                                                                                      status)

    def reason_text(self, item) -> str:
        """The reason in the user's language when its wording needs no details, else as kept."""
        if item.reason == "sync.gap":
            return self.tr("Waiting for an earlier bundle from this laptop")
        if item.reason in WORDS and "{" not in WORDS[item.reason]:
            return words(item.reason, {})
        sentence, _, values = (item.detail or "").partition("\n")
        params = _params(values)
        if item.reason in WORDS and params is not None:
            return words(item.reason, params)
        return sentence or item.reason

    # -- commands -----------------------------------------------------------------------------
    def selected_bundle(self):
        rows = self.bundles.selectionModel().selectedRows()
        return self._bundles[rows[0].row()] if rows and self._bundles else None

    def _update_buttons(self) -> None:
        chosen = self.selected_bundle()
        waiting = chosen is not None and chosen.status in WAITING
        self.retry_button.setEnabled(waiting and self.window_.profile is not None)
        self.discard_button.setEnabled(waiting)

    def retry(self) -> None:
        chosen, home = self.selected_bundle(), self.window_.profile.home
        health = self.window_.services.device_health
        self.window_.taskman.run(lambda: health.retry(home, chosen.id), self._imported)

    def discard(self) -> None:
        chosen = self.selected_bundle()
        answer = QMessageBox.question(
            self, self.tr("Discard bundle"),
            self.tr("Discard the bundle %1? Its records will not be imported; the laptop can "
                    "send them again only if it still has them.").replace(
                "%1", Path(chosen.file_name).name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.window_.taskman.run(lambda: self.window_.services.device_health.discard(chosen.id),
                                 lambda _changes: self.reload())

    def import_bundles(self) -> None:
        """File › Import day bundles…: acknowledgements need the CA passphrase, so the command
        line writes them; the window imports only."""
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import day bundles"), "", self.tr("Day bundles (*.zip)"))
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> None:
        """Import bundle files (or folders of them) with progress: the menu's and a drop's."""
        if self.window_.profile is None:
            return
        home, health = self.window_.profile.home, self.window_.services.device_health
        task = self.window_.taskman.run_long(
            lambda report, _cancelled: health.import_paths(home, paths, report),
            self._imported)
        if task is not None:
            self._progress = progress.follow(task, self, self.tr("Importing day bundles…"))

    def _imported(self, summary) -> None:
        self.window_.tabs.setCurrentWidget(self)
        self.window_.publish(summary.changes)
        self.reload()
        text = (self.tr("Imported: %1\nAlready imported: %2\nWaiting for an earlier bundle: %3\n"
                        "Quarantined: %4\n\nAcknowledgements for the laptops are written at the "
                        "next sync with the sync folder (Sync › Import arrived bundles), or by "
                        "the command fieldapp office import-bundles.")
                .replace("%1", str(summary.count("imported")))
                .replace("%2", str(summary.count("duplicate")))
                .replace("%3", str(summary.count("held")))
                .replace("%4", str(summary.count("quarantined"))))
        self.summary = QMessageBox(QMessageBox.Icon.Information, self.tr("Day bundles"), text,
                                   QMessageBox.StandardButton.Ok, self)
        self.summary.open()

    def retranslate_ui(self) -> None:
        self.laptops_label.setText(self.tr("Enrolled laptops"))
        self.bundles_label.setText(self.tr("Bundles received (the selected laptop's, or all)"))
        self.laptops.setHorizontalHeaderLabels([
            self.tr("Laptop"), self.tr("Collector"), self.tr("Enrolled"), self.tr("Revoked"),
            self.tr("Last bundle"), self.tr("Received"), self.tr("Waiting"),
            self.tr("Pack"), self.tr("Quarantined"), self.tr("Missing"), self.tr("Clock"),
            self.tr("Last ack")])
        self.empty_label.setText(self.tr(
            "No laptop is enrolled yet. To enroll one: on the laptop choose Sync › Enroll this "
            "laptop… (or run fieldapp enroll request --out FILE) and bring the request here; "
            "sign it for its collector with fieldapp office enroll FILE --collector NAME --out "
            "ANSWER; then install the answer on the laptop (Sync › Enroll this laptop…, or "
            "fieldapp enroll install ANSWER). Its bundles and health show here from then on."))
        self.bundles.setHorizontalHeaderLabels([
            self.tr("Received"), self.tr("File"), self.tr("Bundle"), self.tr("Status"),
            self.tr("Reason"), self.tr("Records")])
        self.all_button.setText(self.tr("All laptops"))
        self.retry_button.setText(self.tr("Retry"))
        self.discard_button.setText(self.tr("Discard…"))
        if self._bundles:
            self._show_bundles(self._bundles)
        if self._laptops:
            self._show_laptops(self._laptops)


def _fit(table: QTableWidget) -> None:
    """Columns as wide as what they show (dates read whole), the last one to the edge."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setStretchLastSection(True)


def _when(text: str | None) -> str:
    """A stored UTC instant in this machine's zone (the window runs at the office)."""
    return formats.moment(from_text(text, UTC).astimezone()) if text else ""


def _params(text: str) -> dict | None:
    """The reason's values kept beside its English sentence (None for rows kept before them)."""
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
