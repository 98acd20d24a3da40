"""App-wide signals: one ``data_changed`` that views listen to and decide what to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    """Emitted after a mutation with its Changes record (Anki's OpChanges pattern).

    Nothing mutates data yet; the visit issue will emit ``data_changed`` after each
    operation, and every view already refreshes itself when it fires.
    """

    data_changed = Signal(object)
