"""Sync now (F9), sync at start and close, and the sync status in the status bar."""

from __future__ import annotations

import html
import logging
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QToolButton

from ..services import settings as cfg
from . import formats, progress
from .error_text import describe

log = logging.getLogger(__name__)
MESSAGE_MS = 10_000


class SyncStatus(QObject):
    """Built by the main window into its Sync menu and status bar; the work runs on the task
    manager (``run_long``: progress, Cancel, the window never waits)."""

    def __init__(self, window, services, taskman, signals, menu):
        super().__init__(window)
        self._window, self._services, self._taskman, self._signals = (window, services, taskman,
                                                                      signals)
        self.status = None  # the last services.sync_folder.SyncStatus read
        self.last_result = None  # the last FolderSync (tests and the tooltip read it)
        self.last_error: BaseException | None = None
        self.task = None  # the LongTask of the sync running now
        self._shown = self._started = self._closing = False
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.sync_now)
        self.details_action = QAction(self)
        self.details_action.triggered.connect(self.show_details)
        self.box: QMessageBox | None = None  # the details shown last (tests read it)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.sync_action)
        menu.insertAction(first, self.details_action)
        menu.insertSeparator(first)
        self.button = QToolButton()
        self.button.setObjectName("syncButton")
        self.button.clicked.connect(self.sync_now)
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        window.statusBar().addPermanentWidget(self.label)
        window.statusBar().addPermanentWidget(self.button)
        signals.data_changed.connect(self._on_changes)
        signals.sync_changed.connect(self.refresh)
        taskman.busy_changed.connect(lambda busy: self._enable(not busy))
        window.installEventFilter(self)
        self.retranslate_ui()
        # Queued after the window's first loads: the status reads keys and the outbox, and
        # on the one database lane it would otherwise keep today's route off the screen.
        QTimer.singleShot(0, self.refresh)

    # -- status ------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._taskman.run(self._services.sync.status, self._show)

    def _on_changes(self, changes) -> None:
        """Finalized records, documents and money wait to be sent; settings may name a folder."""
        if changes.visits or changes.documents or changes.payments or changes.settings:
            self.refresh()

    def _show(self, status) -> None:
        self.status = status
        self.retranslate_ui()
        self._maybe_sync_at_start()

    def retranslate_ui(self) -> None:
        self.sync_action.setText(self.tr("Sync &now"))
        self.sync_action.setToolTip(self.tr("Send and receive through the sync folder (F9)"))
        self.details_action.setText(self.tr("Sync s&tatus…"))
        self.button.setText(self.tr("Sync"))
        self.button.setToolTip(self.tr("Send and receive through the sync folder (F9)"))
        self.label.setText(self._summary())
        self.label.setToolTip(self._details())

    def _summary(self) -> str:
        status = self.status
        if status is None:
            return ""
        if not status.enrolled:
            return self.tr("Not enrolled · Not sent: %1").replace("%1",
                                                                formats.number(status.unsent))
        return self.tr("Last sync: %1 · Not sent: %2 · Waiting: %3").replace(
            "%1", self._when(status)).replace("%2", formats.number(status.unsent)).replace(
            "%3", formats.number(len(status.waiting)))

    def _when(self, status) -> str:
        """'today 14:05', 'yesterday 09:12', else the date and time, in the user's zone."""
        last = status.last_at
        if last is None:
            return self.tr("never")
        clock = formats.time_of_day(last.time().replace(second=0, microsecond=0))
        if last.date() == status.today:
            return self.tr("today %1").replace("%1", clock)
        if last.date() == status.today - timedelta(days=1):
            return self.tr("yesterday %1").replace("%1", clock)
        return formats.moment(last)

    def _details(self) -> str:
        status = self.status
        if status is None:
            return ""
        lines = [self.tr("Device: %1").replace("%1", status.device)]
        lines.append(self.tr("Enrolled for %1 of %2").replace("%1", status.collector).replace(
            "%2", status.company) if status.enrolled else self.tr("Not enrolled with the office"))
        lines.append(self.tr("Sync folder: %1").replace("%1", status.folder) if status.folder
                     else self.tr("No sync folder is set (Settings)"))
        lines.append(self.tr("Last sync: %1").replace("%1", self._when(status)))
        lines.append(self.tr("Records not yet sent: %1").replace(
            "%1", formats.number(status.unsent)))
        waiting = ", ".join(formats.number(seq) for seq in status.waiting)
        lines.append(self.tr("Bundles waiting for the office's acknowledgement: %1").replace(
            "%1", waiting or formats.number(0)))
        lines.append(self.tr("Assignment pack: version %1, valid until %2").replace(
            "%1", formats.number(status.pack_version)).replace(
            "%2", formats.moment(status.pack_expires)) if status.pack_version
            else self.tr("No assignment pack applied yet"))
        for problem in self.last_result.problems if self.last_result else ():
            lines.append(self.tr("Left in the sync folder: %1: %2").replace(
                "%1", problem.file).replace("%2", describe(problem.error)))
        if self.last_error is not None:
            lines.append(self.tr("The last sync failed: %1").replace(
                "%1", describe(self.last_error)))
        return "<br>".join(html.escape(line) for line in lines)

    def show_details(self) -> None:
        """Sync › Sync status…: the tooltip's details in a box that stays until closed."""
        self.box = QMessageBox(QMessageBox.Icon.Information, self.tr("Sync status"),
                               self._details(), QMessageBox.StandardButton.Ok, self._window)
        self.box.setTextFormat(Qt.TextFormat.RichText)
        # Wide enough for one line per detail (the icon's label keeps its own width).
        self.box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 28em; }")
        self.box.open()

    # -- syncing -----------------------------------------------------------------------------
    def sync_now(self) -> None:
        """F9, the Sync button: sync through the folder; without one, choose it first."""
        if self.task is not None:
            return
        folder = self.status.folder if self.status is not None else ""
        if not folder:
            folder = QFileDialog.getExistingDirectory(
                self._window, self.tr("Choose the sync folder shared with the office"))
            if not folder:
                return
            settings = self._services.settings
            self._taskman.run(lambda: settings.set(cfg.SYNC_FOLDER, folder), lambda _: None)
        self._start(folder, self.tr("Syncing with the office…"))

    def _start(self, folder: str, text: str, then=None) -> None:
        sync = self._services.sync
        self.task = self._taskman.run_long(
            lambda report, cancelled: sync.sync_folder(folder, report, cancelled),
            self._done, self._failed)
        if self.task is None:  # the window is closing
            return
        progress.follow(self.task, self._window, text)
        self.task.finished.connect(self._ended)
        if then is not None:
            # Done, failed or cancelled: the close goes on (after the result is delivered).
            self.task.finished.connect(lambda: QTimer.singleShot(0, then))

    def _ended(self) -> None:
        self.task = None

    def _done(self, result) -> None:
        self.last_result, self.last_error = result, None
        if result.pack is not None:
            self._signals.data_changed.emit(result.changes)  # the pack reloads every view
        self.refresh()
        if result.cancelled:
            text = self.tr("Sync cancelled; what was done is kept.")
        else:
            text = " ".join((
                formats.counted(self.tr("Synced: %n records sent.", "", result.records),
                                result.records),
                formats.counted(self.tr("%n bundles wait for the office's acknowledgement.", "",
                                        result.waiting), result.waiting)))
            if result.pack is not None:
                text += " " + self.tr("Assignment pack version %1 applied.").replace(
                    "%1", formats.number(result.pack))
            if result.notes:
                text += " " + formats.counted(self.tr("%n new notes from the office.", "",
                                                      result.notes), result.notes)
            if result.problems:
                text += " " + self.tr("Some files were left in the sync folder: see the sync "
                                      "status for why.")
        self._window.statusBar().showMessage(text, MESSAGE_MS)

    def _failed(self, error: BaseException) -> None:
        log.warning("sync through the folder failed", exc_info=error)
        self.last_error = error
        self.refresh()
        self._window.statusBar().showMessage(describe(error), MESSAGE_MS)

    def _enable(self, enabled: bool) -> None:
        self.sync_action.setEnabled(enabled)
        self.button.setEnabled(enabled)

    # -- at start and at close ---------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            self._maybe_sync_at_start()
        return False

    def _ready(self, wanted: bool) -> bool:
        status = self.status
        return bool(wanted and status.folder and status.enrolled)

    def _maybe_sync_at_start(self) -> None:
        """Once, when the window is on screen and the settings are known."""
        if self._started or not self._shown or self.status is None:
            return
        self._started = True
        if self._ready(self.status.at_start) and self.task is None:
            self._start(self.status.folder, self.tr("Syncing with the office…"))

    def sync_before_close(self, close) -> bool:
        """At close, when enabled: sync first, then ``close`` again whatever came of it. True
        when the close must wait for it."""
        if self._closing or self.status is None or not self._ready(self.status.at_close):
            return False
        self._closing = True
        if self.task is not None:  # a sync is running: it is the one at close
            self.task.finished.connect(lambda: QTimer.singleShot(0, close))
            return True
        self._start(self.status.folder, self.tr("Syncing with the office before closing…"),
                    then=close)
        return self.task is not None
