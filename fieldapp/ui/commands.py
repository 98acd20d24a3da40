"""Main-window commands that go through dialogs: settings, drafts, amending, a day's agreements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ..services import before_unlock
from ..services import settings as cfg
from ..services.changes import Changes
from . import formats, language
from .dialogs.questions import ReasonDialog

# The dialogs are read when first opened: none is needed before the route is on screen.
if TYPE_CHECKING:
    from .dialogs.recovery import RecoveryDialog
    from .dialogs.settings_dialog import SettingsDialog
    from .documents.day_dialog import DayAgreementsDialog


class Commands(QObject):
    """Holds the open dialog of each kind (tests reach them there) and runs the store work."""

    def __init__(self, window, services, taskman, signals, launcher, opener):
        super().__init__(window)
        self._w, self._services, self._taskman = window, services, taskman
        self._signals, self._launcher, self._opener = signals, launcher, opener
        self.recovery_dialog: RecoveryDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.day_dialog: DayAgreementsDialog | None = None

    # -- start-up ---------------------------------------------------------------------------
    def check_at_startup(self, ask_collector: bool) -> None:
        """Offer unfinished drafts; on a first start, ask who the collector is."""
        visits, settings = self._services.visits, self._services.settings
        self._taskman.run(lambda: (visits.drafts(), settings.get(cfg.COLLECTOR_NAME)),
                          lambda result: self._checked(*result, ask_collector))

    def _checked(self, drafts, collector: str, ask_collector: bool) -> None:
        if drafts:
            self._show_drafts(drafts)
        if ask_collector and not collector.strip():
            self.open_settings(first_run=True)

    # -- drafts -----------------------------------------------------------------------------
    def show_drafts(self) -> None:
        """Visit › Unfinished visits…"""
        self._taskman.run(self._services.visits.drafts, self._show_drafts_or_say_none)

    def _show_drafts_or_say_none(self, drafts) -> None:
        if drafts:
            self._show_drafts(drafts)
        else:
            self._w.statusBar().showMessage(self.tr("No unfinished visits."), 5000)

    def _show_drafts(self, drafts) -> None:
        if self.recovery_dialog is not None:
            self.recovery_dialog.close()
        from .dialogs.recovery import RecoveryDialog  # noqa: PLC0415
        self.recovery_dialog = RecoveryDialog(self._w, drafts, self._launcher.resume, self._discard)
        self.recovery_dialog.open()

    def _discard(self, uuid: str, done) -> None:
        visits = self._services.visits
        self._taskman.run(lambda: visits.discard(uuid), lambda changes: (
            done(), self._signals.data_changed.emit(changes.from_source(self))))

    # -- settings ---------------------------------------------------------------------------
    def open_settings(self, first_run: bool = False) -> None:
        from .dialogs.settings_dialog import EDITABLE  # noqa: PLC0415
        settings = self._services.settings

        def job():
            values = {s: settings.get(s) for s in EDITABLE}
            return values | settings.collector_titles()

        self._taskman.run(job, lambda values: self._show_settings(values, first_run))

    def _show_settings(self, values: dict, first_run: bool) -> None:
        change_pin = self._change_pin if self._w.lock.encrypted else None
        from .dialogs.settings_dialog import SettingsDialog  # noqa: PLC0415
        self.settings_dialog = SettingsDialog(self._w, values, self._save_settings, first_run,
                                              change_pin)
        self.settings_dialog.open()

    def _change_pin(self) -> None:
        """The PIN change shows what exists only on this laptop: a forgotten PIN loses it."""
        self._w.unsent.when_loaded(self._open_change_pin)

    def _open_change_pin(self) -> None:
        from .dialogs.change_pin import ChangePinDialog  # noqa: PLC0415
        self.pin_dialog = ChangePinDialog(self.settings_dialog, self._w.lock.change_secret,
                                          self._w.unsent.records or [])
        self.pin_dialog.open()

    def _save_settings(self, values: dict) -> None:
        settings = self._services.settings

        def job():
            for setting, value in values.items():
                settings.set(setting, value)
            # Horizons and grace days judge every customer's promises anew.
            return Changes(all_customers=True, settings=True, follow_ups=True, source=self)

        self._taskman.run(job, self._saved)
        # Kept in the clear too: the next start's unlock dialog speaks it before the database
        # (which holds the setting) can be read.
        before_unlock.note_language(self._w.profile, values.get(cfg.UI_LANGUAGE))
        chosen = language.resolve(values.get(cfg.UI_LANGUAGE))
        if chosen != formats.ui_language():
            # At once, not after the store answers: every open window retranslates now.
            language.switch(QApplication.instance(), chosen)

    def _saved(self, changes: Changes) -> None:
        self._signals.data_changed.emit(changes)

    # -- amendments -------------------------------------------------------------------------
    def amend(self, original_uuid: str) -> None:
        """Ask for the reason, then open the amendment draft in a visit window."""
        self.reason_dialog = ReasonDialog(
            self._w, self.tr("Amend a finalized record"),
            self.tr("The record stays as it was signed. The correction is a new record that "
                    "refers to it. Why is it corrected?"),
            lambda reason: self._launcher.amend(original_uuid, reason))

    # -- documents --------------------------------------------------------------------------
    def print_day_agreements(self) -> None:
        """File › Print agreements of a day…: today's, or any other day's."""
        today = self._services.portfolio.today()
        if self.day_dialog is None:
            from .documents.day_dialog import DayAgreementsDialog  # noqa: PLC0415
            self.day_dialog = DayAgreementsDialog(self._w, self._services.documents,
                                                  self._taskman, today)
            self.day_dialog.open_requested.connect(self._opener.open)
        else:
            self.day_dialog.show_day(today)
        self.day_dialog.open()
