"""Settings declared once with their type, default and label; stored in the profile database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import tzinfo

from .. import clock
from ..documents.words import word
from ..domain.errors import InvalidValue
from ..domain.instants import zone_named
from ..domain.promises import PromisePolicy
from ..i18n.folding import script_language
from ..i18n.languages import LANGUAGES
from ..store import settings_repo
from ..store.migrations import LEGACY_ZONE_KEY


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    label: str  # English; the window translates it
    choices: tuple = ()  # the only values allowed, when not empty


COLLECTOR_NAME = Setting("collector.name", str, "", "Collector name")
# Before titles were per language: one title for every document, whatever its language.
COLLECTOR_TITLE = Setting("collector.title", str, "Collector", "Collector title")
# The title under the collector's signature, in each document language (a Vietnamese record
# never shows an English "Collector"); the defaults are the documents' own word.
COLLECTOR_TITLES = {
    "vi": Setting("collector.title.vi", str, word("collector", "vi"),
                  "Your title on Vietnamese documents"),
    "zh_TW": Setting("collector.title.zh_TW", str, word("collector", "zh_TW"),
                     "Your title on Traditional Chinese documents"),
    "zh_CN": Setting("collector.title.zh_CN", str, word("collector", "zh_CN"),
                     "Your title on Simplified Chinese documents"),
    "en": Setting("collector.title.en", str, word("collector", "en"),
                  "Your title on English documents"),
}
# "" follows the system's language until one is chosen in Settings.
UI_LANGUAGE = Setting("ui.language", str, "", "Language", ("", *LANGUAGES))
DEVICE_ID = Setting("device.id", str, "", "Device id")
PROMISE_HORIZON_DAYS = Setting("promise.horizon_days", int, 60, "Latest promise date (days ahead)")
PROMISE_GRACE_DAYS = Setting("promise.grace_days", int, 3, "Grace days before a promise is broken")
PROMISE_KEPT_PCT = Setting("promise.kept_pct", float, 100.0, "Share paid that keeps a promise (%)")
REMINDER_DAYS = Setting("promise.reminder_days", int, 1, "Remind this many days before a promise")
DISPUTE_NEAR_HOURS = Setting("dispute.near_hours", int, 6, "Warn when a dispute deadline is this close (hours)")
# The user's time zone, e.g. Asia/Taipei or +07:00; empty: this machine's zone. Instants are
# stored in UTC and shown in this zone; it also decides which calendar day an instant is on.
TIME_ZONE = Setting("time.zone", str, "", "Time zone")
MIN_INK = Setting("signature.min_ink", float, 120.0, "Least ink for a signature (pixels)")
# The window hides customer data after this many minutes without a key or mouse (the PIN
# brings it back); Ctrl+Shift+L locks at once.
IDLE_LOCK_MINUTES = Setting("lock.idle_minutes", int, 10,
                            "Lock the window after this many idle minutes")
# The letterhead of every document.
COMPANY_NAME = Setting("company.name", str, "Công ty TNHH Thương mại Ánh Dương", "Company name")
COMPANY_ADDRESS = Setting("company.address", str, "123 Nguyễn Trãi, Quận 1, TP. Hồ Chí Minh",
                       "Company address")
COMPANY_TAX_CODE = Setting("company.tax_code", str, "0312345678", "Company tax code")
COMPANY_PHONE = Setting("company.phone", str, "028 3925 1234", "Company phone")
# The sync folder (a shared drive, a cloud folder, a USB stick; empty: none chosen) and whether
# the window syncs through it when it starts and when it closes.
SYNC_FOLDER = Setting("sync.folder", str, "", "Sync folder")
SYNC_AT_START = Setting("sync.at_start", bool, False, "Sync when the program starts")
SYNC_AT_CLOSE = Setting("sync.at_close", bool, False, "Sync when the program closes")
# When a sync through the folder last ran to its end (UTC text; empty: never).
LAST_SYNC = Setting("sync.last_at", str, "", "Last sync")
ALL = (COLLECTOR_NAME, COLLECTOR_TITLE, *COLLECTOR_TITLES.values(), UI_LANGUAGE, DEVICE_ID,
       PROMISE_HORIZON_DAYS, PROMISE_GRACE_DAYS, PROMISE_KEPT_PCT, REMINDER_DAYS,
       DISPUTE_NEAR_HOURS, TIME_ZONE, MIN_INK, IDLE_LOCK_MINUTES,
       COMPANY_NAME, COMPANY_ADDRESS, COMPANY_TAX_CODE, COMPANY_PHONE,
       SYNC_FOLDER, SYNC_AT_START, SYNC_AT_CLOSE, LAST_SYNC)


def _typed(setting: Setting, raw: str):
    """A stored text as the setting's type (``bool("False")`` would be true)."""
    if setting.kind is bool:
        return raw.strip().lower() in ("true", "1", "yes")
    return setting.kind(raw)


class Settings:
    """Typed read and write of the declared settings."""

    def __init__(self, store):
        """Reads only: opening the office's database must not write a laptop's settings."""
        self._store = store
        self._zone: tzinfo | None = None
        self._legacy: tzinfo | None = None

    def device_id(self) -> str:
        """This laptop's id, which numbers its receipts and names its keys: made once, never
        changed. The laptop's composition root (app_services.build) makes it at start; the
        laptop-only services asking for it (visits, device keys) make it when a test or the
        demo builds them alone. The office never asks."""
        with self._store.sessions.begin() as session:
            made = settings_repo.read_all(session).get(DEVICE_ID.key)
            if not made:
                made = str(uuid.uuid4())
                settings_repo.write(session, {DEVICE_ID.key: made})
        return made

    def get(self, setting: Setting):
        return self.get_many(setting)[0]

    def get_many(self, *settings: Setting) -> tuple:
        """Several settings from one read (each read is a query)."""
        with self._store.sessions() as session:
            values = settings_repo.read_all(session)
        return tuple(s.default if values.get(s.key) is None else _typed(s, values[s.key])
                     for s in settings)

    def set(self, setting: Setting, value) -> None:
        typed = _typed(setting, value) if isinstance(value, str) else setting.kind(value)
        if setting.choices and typed not in setting.choices:
            raise InvalidValue("setting.not_allowed", setting=setting.key, value=str(typed))
        if setting is TIME_ZONE:
            if typed:
                zone_named(typed)  # a clear error before anything is stored
            self._zone = self._legacy = None
        with self._store.sessions.begin() as session:
            settings_repo.write(session, {setting.key: str(typed)})

    def zone(self) -> tzinfo:
        """The user's zone (read once: every now() of the services asks for it)."""
        if self._zone is None:
            name = self.get(TIME_ZONE)
            self._zone = zone_named(name) if name else clock.machine_zone()
        return self._zone

    def legacy_zone(self) -> tzinfo:
        """The zone of local times stored without an offset before schema 5 (finalized
        records keep them, as signed); recorded by the migration, else the user's zone."""
        if self._legacy is None:
            with self._store.sessions() as session:
                name = settings_repo.read_all(session).get(LEGACY_ZONE_KEY)
            self._legacy = zone_named(name) if name else self.zone()
        return self._legacy

    def stored(self, setting: Setting):
        """The stored value, or None when the setting was never written."""
        with self._store.sessions() as session:
            raw = settings_repo.read_all(session).get(setting.key)
        return None if raw is None else _typed(setting, raw)

    def collector_title(self, language: str) -> str:
        """The collector's title for a document in ``language``.

        A title typed before titles were per language counts for the language it is written
        in (a Vietnamese title for Vietnamese documents), never for the others.
        """
        setting = COLLECTOR_TITLES.get(language, COLLECTOR_TITLES["en"])
        own = self.stored(setting)
        if own is not None:
            return own
        legacy = self.stored(COLLECTOR_TITLE)
        if legacy and legacy != COLLECTOR_TITLE.default and script_language(legacy) == language:
            return legacy
        return setting.default

    def collector_titles(self) -> dict[Setting, str]:
        return {s: self.collector_title(lang) for lang, s in COLLECTOR_TITLES.items()}

    def promise_policy(self) -> PromisePolicy:
        return PromisePolicy(*self.get_many(PROMISE_GRACE_DAYS, PROMISE_KEPT_PCT))
