"""The services the office's window and tools work with, built once from an open store."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date, datetime

from ...clock import utc_now
from ..portfolio import Portfolio
from .enrollment import Enrollment


@dataclass(frozen=True)
class OfficeServices:
    """``customers`` is the laptop's portfolio service over the same tables (the customer's
    file); the others are the office's own. ``actor`` names the supervisor in the logs."""

    store: object
    actor: str
    now: object
    customers: Portfolio
    enrollment: Enrollment


def build(store, today: date | None = None, actor: str | None = None) -> OfficeServices:
    """Office services sharing one clock; ``today`` pins the date (training, demos)."""

    def now() -> datetime:
        moment = utc_now().astimezone()
        return moment if today is None else datetime.combine(today, moment.timetz())
    return OfficeServices(store, actor or _user(), now, Portfolio(store, lambda: now().date()),
                          Enrollment(store, now))


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        return ""
