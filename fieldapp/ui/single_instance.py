"""One running program per profile: a lock file in the profile, and a second start wakes the first."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow

from ..domain.errors import FieldappError

# Two windows on one profile would overwrite each other's draft and fight over the database, so
# the window claims ``fieldapp.lock`` in the profile folder (QLockFile: a crashed or killed holder
# leaves a stale lock that the next start takes over). A second start asks the first, through a
# local socket named after the profile, to bring its window to the front, then says so and exits.
log = logging.getLogger(__name__)
MAIN_WINDOW = "MainWindow"  # the collector's main window's objectName (ui/main_window.py)
LOCK_NAME = "fieldapp.lock"
WAKE = b"show\n"
CONNECT_MS = 1000


class ProfileInUse(FieldappError):
    """Another fieldapp runs with this profile."""


def server_name(home: Path) -> str:
    """The local socket of the program running with ``home`` (one per profile and user)."""
    digest = hashlib.sha256(str(Path(home).resolve()).encode("utf-8")).hexdigest()[:20]
    return f"fieldapp-{digest}"


class InstanceGuard:
    """Held while the window runs: the lock, and the server that answers a second start."""

    def __init__(self, home: Path, lock: QLockFile):
        self.home = Path(home)
        self._lock = lock
        self._server: QLocalServer | None = None

    def serve(self) -> None:
        """Answer second starts by raising the window (needs the QApplication)."""
        name = server_name(self.home)
        QLocalServer.removeServer(name)  # a socket left by a killed holder; the lock is ours
        self._server = QLocalServer()
        self._server.newConnection.connect(self._woken)
        if not self._server.listen(name):
            log.warning("no wake-up socket %s: %s", name, self._server.errorString())

    def _woken(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.disconnectFromServer()
        bring_forward()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def bring_forward() -> None:
    """Show the collector's main window on top, restored if it was minimized; visit windows stay
    where they are (the main window lists them)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.objectName() == MAIN_WINDOW \
                and widget.isVisible():
            if widget.isMinimized():
                widget.showNormal()
            widget.raise_()
            widget.activateWindow()


def claim(home: Path) -> InstanceGuard:
    """Take the profile for this process, or raise ProfileInUse after waking the holder."""
    home = Path(home)
    lock = QLockFile(str(home / LOCK_NAME))
    lock.setStaleLockTime(0)  # never stale by age: only a holder that is gone leaves it stale
    if lock.tryLock(0):
        return InstanceGuard(home, lock)
    if lock.error() != QLockFile.LockError.LockFailedError:
        # The lock file could not be written (a full disk, a read-only folder): nobody else
        # holds the profile, so saying "already running" would send the user looking for it.
        raise FieldappError("profile.read_only", folder=str(home),
                            reason=f"the lock file cannot be written ({lock.error().name})")
    error = ProfileInUse("profile.in_use", folder=str(home))
    error.woke_first = wake_first(home)
    raise error


def wake_first(home: Path) -> bool:
    """Ask the program holding ``home`` to come to the front; False if it did not answer."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    if not socket.waitForConnected(CONNECT_MS):  # still starting, or hung: it cannot answer
        return False
    socket.write(WAKE)
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True
