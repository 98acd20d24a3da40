"""The supervisor's own choices in the office profile's settings.ini (language, tab, dashboard)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ...i18n.languages import LANGUAGES

_LANGUAGE = "office/language"  # "" (or absent): the system's
_TAB = "office/tab"
_DASHBOARD_COLLECTOR = "dashboard/collector"  # "team" (all collectors) or a collector's name
_DASHBOARD_CURRENCY = "dashboard/currency"


class OfficePreferences:
    """Per person, not in the office database: supervisors who share one PostgreSQL database
    each keep their language. ``settings_file`` None (a window without a profile, in tests):
    kept for the session."""

    def __init__(self, settings_file):
        self._settings = (_Session() if settings_file is None
                          else QSettings(str(settings_file), QSettings.Format.IniFormat))

    @property
    def language(self) -> str:
        """The chosen UI language, or "" to follow the system."""
        value = str(self._settings.value(_LANGUAGE, "") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue(_LANGUAGE, value if value in LANGUAGES else "")
        self._settings.sync()

    @property
    def tab(self) -> int:
        try:
            return int(self._settings.value(_TAB, 0))
        except (TypeError, ValueError):
            return 0

    @tab.setter
    def tab(self, index: int) -> None:
        self._settings.setValue(_TAB, int(index))
        self._settings.sync()

    @property
    def dashboard_collector(self) -> str:
        return str(self._settings.value(_DASHBOARD_COLLECTOR, "") or "")

    @dashboard_collector.setter
    def dashboard_collector(self, value: str) -> None:
        self._settings.setValue(_DASHBOARD_COLLECTOR, value)
        self._settings.sync()

    @property
    def dashboard_currency(self) -> str:
        return str(self._settings.value(_DASHBOARD_CURRENCY, "") or "")

    @dashboard_currency.setter
    def dashboard_currency(self, value: str) -> None:
        self._settings.setValue(_DASHBOARD_CURRENCY, value)
        self._settings.sync()


class _Session(dict):
    """QSettings' few calls used here, held in memory."""

    def value(self, key, default=None):
        return self.get(key, default)

    def setValue(self, key, value) -> None:  # noqa: N802 (QSettings' name)
        self[key] = value

    def sync(self) -> None:
        pass
