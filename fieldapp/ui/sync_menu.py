"""The window's Sync menu: enroll, send day bundles, take acknowledgements, receive packs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .error_text import describe

log = logging.getLogger(__name__)
FOLDER_KEY = "sync/folder"  # the sync folder last chosen, offered first next time


class SyncMenu(QObject):
    """Built by the main window into its menu bar; the work runs on the task manager."""

    def __init__(self, window, services, taskman, signals, settings_file):
        super().__init__(window)
        self._window, self._sync, self._taskman, self._signals = (window, services.sync,
                                                                    taskman, signals)
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        self.box: QMessageBox | None = None  # the last answer shown (tests read it)
        self._enrolled = None
        self.menu = window.menuBar().addMenu("")
        self.menu.setToolTipsVisible(True)  # the enrolled item says for whom in its tooltip
        self.enroll_action = self.menu.addAction("", self.enroll_request)
        self.install_action = self.menu.addAction("", self.enroll_install)
        self.menu.addSeparator()
        self.send_action = self.menu.addAction("", self.send)
        self.receive_action = self.menu.addAction("", self.receive_pack)
        self.ack_action = self.menu.addAction("", self.take_ack)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.menu.setTitle(self.tr("S&ync"))
        self.install_action.setText(self.tr("&Install the office's answer…"))
        self.send_action.setText(self.tr("&Send to the office…"))
        self.receive_action.setText(self.tr("&Receive assignment pack…"))
        self.ack_action.setText(self.tr("Take &acknowledgement…"))
        self._show_enrollment(self._enrolled)

    # -- enrollment ------------------------------------------------------------------------
    def refresh(self) -> None:
        self._taskman.run(self._sync.enrollment, self._show_enrollment)

    def _show_enrollment(self, enrollment) -> None:
        self._enrolled = enrollment
        done = enrollment is not None and enrollment.enrolled
        if done:
            self.enroll_action.setText(self.tr("This laptop is enrolled"))
            self.enroll_action.setToolTip(self.tr("Enrolled for %1 of %2").replace(
                "%1", enrollment.collector).replace("%2", enrollment.company))
        else:
            self.enroll_action.setText(self.tr("&Enroll this laptop…"))
            self.enroll_action.setToolTip(self.tr(
                "Save a certificate request for the office to answer"))
        self.enroll_action.setEnabled(enrollment is not None and not done)
        self.install_action.setEnabled(enrollment is not None and not done)

    def enroll_request(self) -> None:
        device = self._enrolled.device[:8] if self._enrolled else "laptop"
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save the certificate request"),
            str(Path(self._folder()) / f"fieldapp-request-{device}.csr"),
            self.tr("Certificate requests (*.csr);;All files (*)"))
        if path:
            self._taskman.run(lambda: self._sync.enroll_request(Path(path)), lambda out: self._tell(
                self.tr("The certificate request was saved to %1. Give it to the office; then "
                        "install the office's answer.").replace("%1", str(out))), self._refused)

    def enroll_install(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Install the office's answer"), self._folder(),
            self.tr("Enrollment answers (*.zip);;All files (*)"))
        if path:
            self._taskman.run(lambda: self._sync.enroll_install(Path(path)), self._installed,
                              self._refused)

    def _installed(self, answer) -> None:
        self.refresh()
        self._signals.sync_changed.emit()
        self._tell(self.tr("This laptop is now enrolled for %1 of %2. Documents made from now "
                           "on are signed with the enrolled key.").replace(
            "%1", answer.collector).replace("%2", answer.company))

    # -- bundles, packs, acknowledgements ----------------------------------------------------
    def send(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Send to the office: choose the sync folder"), self._folder())
        if folder:
            self._settings.setValue(FOLDER_KEY, folder)
            self._taskman.run(lambda: self._sync.send(Path(folder)), self._sent, self._refused)

    def _sent(self, sent) -> None:
        self._signals.sync_changed.emit()
        made = (self.tr("A day bundle with %1 records was made.").replace("%1", str(sent.records))
                if sent.made else self.tr("No new records since the last bundle."))
        self._tell(made + " " + self.tr(
            "%1 bundles waiting for the office's acknowledgement were written to %2.").replace(
            "%1", str(sent.waiting)).replace("%2", str(sent.folder)))

    def receive_pack(self) -> None:
        path = self._pick(self.tr("Receive an assignment pack"))
        if path:
            self._taskman.run(lambda: self._sync.receive_pack(Path(path)), self._received,
                              self._refused)

    def _received(self, got) -> None:
        self._signals.data_changed.emit(got.changes)  # every view reloads from the new pack
        self._signals.sync_changed.emit()
        said = self.tr("Assignment pack version %1 applied: %2 customers added, %3 updated, "
                       "%4 removed.").replace("%1", str(got.version)).replace(
            "%2", str(got.added)).replace("%3", str(got.updated)).replace("%4", str(got.removed))
        if got.notes:
            said += " " + self.tr("%n new notes from the office.", "", got.notes)
        if got.resolved:
            said += " " + self.tr("Disputes you recorded that the office resolved: %1; their "
                                  "invoices are no longer paused.").replace("%1", str(got.resolved))
        self._tell(said)

    def take_ack(self) -> None:
        path = self._pick(self.tr("Take the office's acknowledgement"))
        if path:
            self._taskman.run(lambda: self._sync.take_ack(Path(path)), self._acked, self._refused)

    def _acked(self, done) -> None:
        self._signals.sync_changed.emit()
        self._tell(self.tr("The office holds every bundle up to number %1; %2 removed from the "
                           "outbox.").replace("%1", str(done.seq)).replace("%2", str(done.pruned)))

    # -- helpers ---------------------------------------------------------------------------
    def _folder(self) -> str:
        return str(self._settings.value(FOLDER_KEY, "") or Path.home())

    def _pick(self, title: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self._window, title, self._folder(),
                                              self.tr("Sync files (*.zip);;All files (*)"))
        return path

    def _refused(self, error: BaseException) -> None:
        log.warning("sync step refused", exc_info=error)
        self._tell(describe(error), QMessageBox.Icon.Warning)

    def _tell(self, text: str, icon=QMessageBox.Icon.Information) -> None:
        """A window-modal answer that does not block the caller (the task manager's callback)."""
        self.box = QMessageBox(icon, self.tr("Sync"), text, QMessageBox.StandardButton.Ok,
                               self._window)
        self.box.open()
