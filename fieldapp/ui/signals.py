"""App-wide signals: one ``data_changed`` that views listen to and decide what to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    """Emitted after a mutation with its Changes record (Anki's OpChanges pattern).

    The visit windows emit it after finalizing or discarding, the dialogs after discarding a
    draft or saving settings; every view refreshes itself when it fires.
    """

    data_changed = Signal(object)
