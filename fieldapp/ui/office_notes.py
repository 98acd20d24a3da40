"""Notes from the office in the collector's window: a Sync menu entry, a status bar button."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolButton

from .office_notes_dialog import OfficeNotesDialog
from .office_notes_words import unread_text

SHORTCUT = "Ctrl+Shift+O"


class OfficeNotesUi(QObject):
    """Built by the main window into its Sync menu and status bar."""

    open_requested = Signal(int, str)  # customer id, visit uuid: the window shows them

    def __init__(self, window, services, taskman, signals, menu):
        super().__init__(window)
        self._window, self._notes, self._taskman, self._signals = (
            window, services.office_notes, taskman, signals)
        self.unread: int | None = None  # as last counted (tests read it)
        self.dialog: OfficeNotesDialog | None = None
        self.action = QAction(self)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.triggered.connect(self.show_list)
        menu.addSeparator()
        menu.addAction(self.action)
        # An action, not a bare button: the window's lock disables every action it holds.
        self.status_action = QAction(self)
        self.status_action.triggered.connect(self.show_list)
        self.button = QToolButton()
        self.button.setObjectName("officeNotesButton")
        self.button.setDefaultAction(self.status_action)
        # Amber like the window's banners: news the collector should not overlook.
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_action.setIcon(window.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation))
        self.button.setStyleSheet(
            "QToolButton#officeNotesButton { font-weight: bold; color: #5c3d00; "
            "background: #ffe8b3; border: 1px solid #e0a800; border-radius: 3px; "
            "padding: 0px 6px; }")
        self.button.setVisible(False)
        window.statusBar().insertPermanentWidget(0, self.button)
        signals.data_changed.connect(self.on_changes)
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        self._taskman.run(self._notes.unread_count, self._counted)

    def _counted(self, unread: int) -> None:
        self.unread = unread
        self.button.setVisible(unread > 0)
        self.retranslate_ui()

    def on_changes(self, changes) -> None:
        """A pack brought notes, or some were read (here or in the list)."""
        if not changes.office_notes:
            return
        self.refresh()
        if self.dialog is not None and self.dialog.isVisible() \
                and not changes.caused_by(self.dialog):
            self.dialog.reload()

    def show_list(self) -> OfficeNotesDialog:
        if self.dialog is None:
            self.dialog = OfficeNotesDialog(self._window, self._notes, self._taskman)
            self.dialog.open_requested.connect(self.open_requested)
            self.dialog.marked.connect(self._signals.data_changed.emit)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def retranslate_ui(self) -> None:
        self.action.setText(self.tr("From the &office…"))
        self.action.setToolTip(self.tr("Review states and comments the office sent about your "
                                       "records (Ctrl+Shift+O)"))
        count = self.unread or 0
        self.status_action.setText(unread_text(count))
        self.status_action.setToolTip(self.tr("Open the notes from the office"))
