"""The office window's sync folder: import what arrived, answer the laptops, watch the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox

from ...domain.errors import FieldappError
from ...domain.instants import UTC, from_text
from ...services.office.sync_folder import waiting
from ...sync import folder
from .. import formats, progress
from ..error_text import describe
from .sync_folder_dialog import SyncFolderDialog

# Watchers miss changes made by other machines on network and cloud drives: look anyway.
FALLBACK_MS = 30_000
SETTLE_MS = 300  # one look for a burst of changes (a temporary file, then its rename)
_PASSPHRASE_CODES = ("enroll.bad_passphrase",)


class OfficeSync(QObject):
    """``passphrase`` (the company CA's) is asked once per session and kept in memory only;
    without it a watching window imports only and says the acks are waiting."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.passphrase: str | None = None
        self.root: Path | None = None
        self.watching = False
        self.running = False
        self._again = False  # the folder changed during a sync: look again after it
        self._asked: bool | None = None  # Import or Send packs asked during one (send_packs)
        self._waiting: int | None = None
        self._found: bool | None = None  # None: not looked yet
        self._status = None  # sync_folder_repo.Status
        self._problem = ""  # the last background sync's failure, said in the status line
        self._acks_waiting = False
        self.label = QLabel(window)
        self.label.setObjectName("syncStatus")
        self.label.setContentsMargins(0, 0, 12, 0)  # apart from the database's place
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.look)
        self.fallback = QTimer(self, interval=FALLBACK_MS)
        self.fallback.timeout.connect(self.look)
        self.load(then_import=True)

    # -- settings -----------------------------------------------------------------------------
    def load(self, then_import: bool) -> None:
        """The settings and status afresh; ``then_import`` what waits when watching (at start,
        after a change of settings; not after a sync, which would retry what it kept, forever)."""
        service = self.window_.services.sync_folder
        self.window_.taskman.run(lambda: (service.root(), service.watching(), service.status()),
                                 lambda got: self._loaded(got, then_import))

    def _loaded(self, got, then_import: bool) -> None:
        root, watching, self._status = got
        if (root, watching) != (self.root, self.watching):
            self.root, self.watching = root, watching
            self._watch()
        self.look(then_import)

    def configure(self) -> None:
        """Sync › Sync folder…"""
        self.dialog = SyncFolderDialog(self.window_, self.root, self.watching)
        self.dialog.accepted.connect(lambda: self._store(*self.dialog.chosen()))
        self.dialog.open()

    def _store(self, root: Path | None, watch: bool) -> None:
        service = self.window_.services.sync_folder
        self.window_.taskman.run(lambda: service.configure(root, watch),
                                 lambda _: self.load(then_import=True))

    def _watch(self) -> None:
        """(Re)start watching: the folder is looked at, and added to the watcher, in look()."""
        for path in self.watcher.directories():
            self.watcher.removePath(path)
        if self.watching and self.root:
            self.fallback.start()
        else:
            self.fallback.stop()

    # -- looking and importing ----------------------------------------------------------------
    def look(self, then_import: bool = True) -> None:
        """Count what waits, off the GUI thread (a network drive can be slow to answer, and
        not in the database's lane either); when watching, import it."""
        root, watching = self.root, self.watching
        if root is None:
            self._show()
            return

        def count() -> int | None:
            if not root.is_dir():
                return None  # not there (a drive not connected): said, looked at again later
            if watching:
                folder.to_office(root).mkdir(exist_ok=True)  # something to watch from the start
            return len(waiting(root))
        self.window_.taskman.run_in_pool(count, lambda n: self._counted(n, then_import))

    def _counted(self, count: int | None, then_import: bool) -> None:
        self._waiting, self._found = count, count is not None
        inbox = str(folder.to_office(self.root)) if self.root else ""
        if count is not None and self.watching and inbox not in self.watcher.directories():
            self.watcher.addPath(inbox)  # at start, or the drive came back
        self._show()
        if count and self.watching and then_import:
            self.run(background=True)

    def import_arrived(self) -> None:
        """Sync › Import arrived bundles: asks for the folder and the passphrase if need be."""
        if self.root is None:
            self.configure()
            return
        if self.passphrase is None:
            self.passphrase = self.ask_passphrase()
        self.run(background=False)

    def send_packs(self) -> None:
        """Sync › Send packs to all laptops: a fresh pack for every enrolled laptop now."""
        if self.root is None:
            self.configure()
            return
        if self.passphrase is None:
            self.passphrase = self.ask_passphrase()
        if self.passphrase is None:
            return  # packs are signed: nothing to do without it
        self.run(background=False, send_packs=True)

    def ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self.window_, self.tr("Company CA passphrase"),
            self.tr("The passphrase of the company CA signs the acknowledgements and packs for "
                    "the laptops. It is kept until this window closes. Without it, bundles are "
                    "imported and the laptops are answered later."),
            QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def run(self, background: bool, send_packs: bool = False) -> None:
        if self.running:  # once this one is done: what the person asked for, or another look
            if background:
                self._again = True
            else:
                self._asked = send_packs
            return
        if self.window_.profile is None or self.root is None:
            return
        self.running, self._again = True, False
        home, root, secret = self.window_.profile.home, self.root, self.passphrase
        service = self.window_.services.sync_folder
        self._show()
        task = self.window_.taskman.run_long(
            lambda report, cancelled: service.sync(home, root, secret, report, cancelled,
                                                   send_packs),
            lambda result: self._done(result, background, secret is not None),
            lambda error: self._failed(error, background))
        if task is not None and not background:
            self._progress = progress.follow(task, self.window_, self.tr("Syncing…"))

    def _done(self, result, background: bool, signed: bool) -> None:
        self.running, self._problem = False, ""
        if signed:
            self._acks_waiting = False
        elif any(r.status == "imported" for r in result.reports):
            self._acks_waiting = True
        self.window_.publish(result.changes)  # the Laptops tab reloads on any
        if not background:
            self._summary(result, signed)
        if self._asked is not None:
            asked, self._asked = self._asked, None
            self.run(background=False, send_packs=asked)
        self.load(then_import=self._again)  # the status and what waits, afresh

    def _failed(self, error: BaseException, background: bool) -> None:
        self.running, self._asked = False, None
        if isinstance(error, FieldappError) and error.code in _PASSPHRASE_CODES:
            self.passphrase = None  # a wrong one is asked for again next time
        self._problem = describe(error)
        self._show()
        if not background:
            self.window_.show_error(error)

    # -- words --------------------------------------------------------------------------------
    def _summary(self, result, signed: bool) -> None:
        text = (self.tr("Imported: %1\nAlready imported: %2\nWaiting for an earlier bundle: %3\n"
                        "Quarantined: %4\nAcknowledgements written: %5\nPacks written: %6")
                .replace("%1", str(result.count("imported")))
                .replace("%2", str(result.count("duplicate")))
                .replace("%3", str(result.count("held")))
                .replace("%4", str(result.count("quarantined")))
                .replace("%5", str(len(result.acks))).replace("%6", str(len(result.packs))))
        if result.kept:
            text += "\n\n" + self.tr("%1 files could not be read and stay in the folder for "
                                     "the next sync.").replace("%1", str(len(result.kept)))
        if not signed:
            text += "\n\n" + self.tr("Without the CA passphrase no acknowledgement or pack "
                                     "was written.")
        self.summary = QMessageBox(QMessageBox.Icon.Information, self.tr("Sync folder"), text,
                                   QMessageBox.StandardButton.Ok, self.window_)
        self.summary.open()

    def status_text(self) -> str:
        if self.root is None:
            return self.tr("No sync folder")
        if self._found is False:
            return self.tr("Sync folder not found: %1").replace("%1", str(self.root))
        last = self._status.last_received_at if self._status else None
        parts = [self.tr("Last import: %1").replace(
                     "%1", formats.moment(from_text(last, UTC).astimezone()) if last
                     else self.tr("never")),
                 self.tr("Bundles waiting: %1").replace("%1", str(self._waiting or 0)),
                 self.tr("Quarantined: %1").replace(
                     "%1", str(self._status.quarantined if self._status else 0))]
        if self.running:
            parts.insert(0, self.tr("Importing…"))
        elif self.watching:
            parts.insert(0, self.tr("Watching"))
        if self._acks_waiting:
            parts.append(self.tr("Acknowledgements wait for the CA passphrase"))
        if self._problem:
            parts.append(self._problem)
        return " · ".join(parts)

    def _show(self) -> None:
        self.label.setText(self.status_text())
        self.label.setToolTip(str(self.root) if self.root else "")

    def retranslate_ui(self) -> None:
        self._show()

    def stop(self) -> None:
        self.fallback.stop()
        self._settle.stop()
