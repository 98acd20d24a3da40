"""The window's lock: after idle minutes or Ctrl+Shift+L, data hidden until the PIN is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..domain.errors import FieldappError
from ..services import profile_lock
from ..services import settings as cfg
from .error_text import describe
from .unsent_view import sentence

SHORTCUT = "Ctrl+Shift+L"
_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin)


class LockPanel(QWidget):
    """What the locked window shows: no customer, only the PIN field."""

    def __init__(self, encrypted: bool):
        super().__init__()
        self.setObjectName("lockPanel")
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.secret.setVisible(encrypted)
        self.secret.setMaximumWidth(280)
        self.button = QPushButton()
        self.problem = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        # The count only: the locked window names no customer.
        self.unsent = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.unsent.setObjectName("lockUnsent")
        self.unsent.hide()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.secret)
        row.addWidget(self.button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.unsent)
        layout.addStretch()
        self.title.setText(self.tr("Locked. Customer data is hidden until you unlock."))
        self.button.setText(self.tr("Unlock"))
        self.secret.returnPressed.connect(self.button.click)


class IdleLock(QObject):
    """Watches the application's input; ``lock()`` / ``unlock(secret)``."""

    def __init__(self, window, services, profile):
        super().__init__(window)
        self._w, self._profile, self._settings = window, profile, services.settings
        self.encrypted = profile_lock.is_encrypted(profile)
        self.locked, self.panel = False, None
        self._hidden: list[QWidget] = []
        self._actions: list[tuple[QAction, bool]] = []
        self._central = None
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self.reload_minutes()
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(self.lock)
        QApplication.instance().installEventFilter(self)

    def reload_minutes(self) -> None:
        minutes = int(self._settings.get(cfg.IDLE_LOCK_MINUTES) or cfg.IDLE_LOCK_MINUTES.default)
        self.timer.setInterval(minutes * 60_000)
        if not self.locked:
            self.timer.start()

    def on_changes(self, changes) -> None:
        if getattr(changes, "settings", False):
            self.reload_minutes()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if not self.locked and event.type() in _ACTIVITY:
            self.timer.start()  # restarts: idle is counted from the last key or move
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        # Visit windows and document viewers are hidden, not closed: their drafts stay.
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w.isVisible() and w is not self._w and w.isWindow()]
        for widget in self._hidden:
            widget.hide()
        self._actions = [(a, a.isEnabled()) for a in self._w.findChildren(QAction)]
        for action, _ in self._actions:
            action.setEnabled(False)
        self._w.menuBar().setEnabled(False)
        self._central = self._w.takeCentralWidget()
        self.panel = LockPanel(self.encrypted)
        self.panel.button.clicked.connect(lambda: self.unlock(self.panel.secret.text()))
        self._w.setCentralWidget(self.panel)
        self.panel.secret.setFocus()
        watch = getattr(self._w, "unsent", None)
        if watch is not None and watch.active:
            watch.when_loaded(self._show_unsent)

    def _show_unsent(self) -> None:
        """Said on the locked window, and noted in the clear for the next unlock dialog."""
        watch = self._w.unsent
        watch.note()
        if self.panel is not None and watch.count():
            self.panel.unsent.setText(sentence(watch.count()))
            self.panel.unsent.show()

    def unlock(self, secret: str) -> bool:
        if not self.locked:
            return True
        if self.encrypted:
            try:
                profile_lock.verify(self._profile, secret)
            except FieldappError as exc:
                self.panel.secret.clear()
                self.panel.problem.setText(describe(exc))
                return False
        self._w.takeCentralWidget()
        self._w.setCentralWidget(self._central)
        self._central = None
        self.panel.deleteLater()
        self.panel = None
        self._w.menuBar().setEnabled(True)
        for action, enabled in self._actions:
            action.setEnabled(enabled)
        for widget in self._hidden:
            widget.show()
        self._hidden, self._actions, self.locked = [], [], False
        self.timer.start()
        return True

    def change_secret(self, old: str, new: str) -> None:
        profile_lock.change_secret(self._profile, old, new)
