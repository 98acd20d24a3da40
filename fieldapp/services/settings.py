"""Settings declared once with their type, default and label; stored in the profile database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..domain.promises import PromisePolicy
from ..store import settings_repo


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    label: str  # English; the window translates it


COLLECTOR_NAME = Setting("collector.name", str, "", "Collector name")
COLLECTOR_TITLE = Setting("collector.title", str, "Collector", "Collector title")
DEVICE_ID = Setting("device.id", str, "", "Device id")
PROMISE_HORIZON_DAYS = Setting("promise.horizon_days", int, 60, "Latest promise date (days ahead)")
PROMISE_GRACE_DAYS = Setting("promise.grace_days", int, 3, "Grace days before a promise is broken")
PROMISE_KEPT_PCT = Setting("promise.kept_pct", float, 100.0, "Share paid that keeps a promise (%)")
REMINDER_DAYS = Setting("promise.reminder_days", int, 1, "Remind this many days before a promise")
DISPUTE_NEAR_HOURS = Setting("dispute.near_hours", int, 6, "Warn when a dispute deadline is this close (hours)")
MIN_INK = Setting("signature.min_ink", float, 120.0, "Least ink for a signature (pixels)")
# The letterhead of every document.
COMPANY_NAME = Setting("company.name", str, "Công ty TNHH Thương mại Ánh Dương", "Company name")
COMPANY_ADDRESS = Setting("company.address", str, "123 Nguyễn Trãi, Quận 1, TP. Hồ Chí Minh",
                       "Company address")
COMPANY_TAX_CODE = Setting("company.tax_code", str, "0312345678", "Company tax code")
COMPANY_PHONE = Setting("company.phone", str, "028 3925 1234", "Company phone")
ALL = (COLLECTOR_NAME, COLLECTOR_TITLE, DEVICE_ID, PROMISE_HORIZON_DAYS, PROMISE_GRACE_DAYS,
       PROMISE_KEPT_PCT, REMINDER_DAYS, DISPUTE_NEAR_HOURS, MIN_INK,
       COMPANY_NAME, COMPANY_ADDRESS, COMPANY_TAX_CODE, COMPANY_PHONE)


class Settings:
    """Typed read and write of the declared settings."""

    def __init__(self, store):
        self._store = store
        with store.sessions.begin() as session:
            values = settings_repo.read_all(session)
            if not values.get(DEVICE_ID.key):
                # The device id numbers receipts; made once, never changed.
                settings_repo.write(session, {DEVICE_ID.key: str(uuid.uuid4())})

    def get(self, setting: Setting):
        return self.get_many(setting)[0]

    def get_many(self, *settings: Setting) -> tuple:
        """Several settings from one read (each read is a query)."""
        with self._store.sessions() as session:
            values = settings_repo.read_all(session)
        return tuple(s.default if values.get(s.key) is None else s.kind(values[s.key])
                     for s in settings)

    def set(self, setting: Setting, value) -> None:
        typed = setting.kind(value)
        with self._store.sessions.begin() as session:
            settings_repo.write(session, {setting.key: str(typed)})

    def promise_policy(self) -> PromisePolicy:
        return PromisePolicy(*self.get_many(PROMISE_GRACE_DAYS, PROMISE_KEPT_PCT))
