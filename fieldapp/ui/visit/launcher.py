"""Opens visit windows: a new visit or call, a recovered draft, or an amendment of a record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.visit import VisitKind
from .setup import load_setup

if TYPE_CHECKING:
    from .window import VisitWindow


WARM_UP_MS = 2000


def _warm_up() -> None:
    from . import window  # noqa: F401, PLC0415


class VisitLauncher(QObject):
    """One window per draft; asking again for an open draft raises its window."""

    opened = Signal(object)  # VisitWindow
    record_requested = Signal(str, str)  # a finalized visit's uuid, its customer's name
    document_requested = Signal(object, str)  # a DocumentInfo the visit made, its customer's name

    def __init__(self, main_window, services, taskman, signals, settings_file):
        super().__init__(main_window)
        self._main = main_window
        self._services = services
        self._taskman = taskman
        self._signals = signals
        self._settings_file = settings_file
        self.windows: dict[str, VisitWindow] = {}
        self._then_all_closed = None  # what close_all() waits to call
        # The visit window's modules are read once the main window is up (not before its
        # route: the start is timed), so the first visit opens as fast as the next.
        QTimer.singleShot(WARM_UP_MS, _warm_up)

    def start(self, customer_id: int, kind: VisitKind = VisitKind.VISIT) -> None:
        """A new draft, unless this customer already has an unfinished one of this kind."""
        services = self._services

        def job():
            visits = services.visits
            for draft in visits.drafts():
                if draft.customer_id == customer_id and draft.kind is kind:
                    visit = visits.load(draft.uuid)
                    if not visit.amends:
                        return load_setup(services, visit), True
            return load_setup(services, visits.start(customer_id, kind)), False

        self._taskman.run(job, lambda result: self._open(*result))

    def resume(self, uuid: str) -> None:
        if self._raise(uuid):
            return
        services = self._services
        self._taskman.run(lambda: load_setup(services, services.visits.load(uuid)),
                          lambda setup: self._open(setup, True))

    def amend(self, original_uuid: str, reason: str) -> None:
        services = self._services
        self._taskman.run(lambda: load_setup(services, services.visits.amend(original_uuid, reason)),
                          lambda setup: self._open(setup, False))

    def _raise(self, uuid: str) -> bool:
        window = self.windows.get(uuid)
        if window is not None:
            window.show()
            window.raise_()
            window.activateWindow()
        return window is not None

    def _open(self, setup, resume: bool) -> None:
        if self._raise(setup.visit.uuid):
            return
        # Loaded with the first visit: its pages and widgets are not needed for the route.
        from .window import VisitWindow  # noqa: PLC0415
        window = VisitWindow(self._services, self._taskman, self._signals, setup,
                             self._settings_file, resume, self._main)
        self.windows[setup.visit.uuid] = window
        window.closed.connect(self._closed)
        window.record_requested.connect(self.record_requested)
        window.document_requested.connect(self.document_requested)
        window.show()
        window.activateWindow()
        self.opened.emit(window)

    def on_changes(self, changes) -> None:
        """Each open visit window hears what changed (money another window took, say)."""
        for window in list(self.windows.values()):
            window.on_changes(changes)

    def _closed(self, uuid: str) -> None:
        self.windows.pop(uuid, None)
        if not self.windows and self._then_all_closed is not None:
            then, self._then_all_closed = self._then_all_closed, None
            then()

    def close_all(self, then=None) -> bool:
        """The program is closing: each window saves its draft on the way out.

        True when every window is gone now; else ``then()`` runs once the last one closed
        (after its save landed), and the caller does not wait meanwhile."""
        for window in list(self.windows.values()):
            window.close()
        if self.windows:
            self._then_all_closed = then
        return not self.windows
