"""App-wide signals: one ``data_changed`` that views listen to and decide what to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    """Emitted once after a mutation with its Changes record (Anki's OpChanges pattern).

    The visit windows emit it after finalizing or discarding, the dialogs after discarding a
    draft or saving settings, the document opener after making one; each carries its
    ``source``. Every view has one ``on_changes(changes)`` that reloads only what the record
    touched of it and skips what it caused itself; open visit windows hear it too.
    """

    data_changed = Signal(object)
    # Enrollment, the sync folder or its outbox changed (the status bar's sync status reloads).
    sync_changed = Signal()
