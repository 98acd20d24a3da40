"""Window geometry, dock/toolbar state and splitter sizes kept in the profile's settings.ini."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

# One key per piece of state; the version lets a later layout ignore an older saved state.
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_STATE_VERSION = 1


class WindowState:
    """Saves and restores a main window and its splitter (QSettings, IniFormat)."""

    def __init__(self, settings_file):
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow, splitter: QSplitter) -> bool:
        """Apply the saved layout; False (and defaults kept) when nothing usable was saved."""
        geometry = self._settings.value(_GEOMETRY)
        if geometry is None or not window.restoreGeometry(geometry):
            return False
        state = self._settings.value(_STATE)
        if state is not None:
            window.restoreState(state, _STATE_VERSION)
        sizes = self._settings.value(_SPLITTER)
        if sizes is not None:
            splitter.restoreState(sizes)
        return True

    def save(self, window: QMainWindow, splitter: QSplitter) -> None:
        self._settings.setValue(_GEOMETRY, window.saveGeometry())
        self._settings.setValue(_STATE, window.saveState(_STATE_VERSION))
        self._settings.setValue(_SPLITTER, splitter.saveState())
        self._settings.sync()
