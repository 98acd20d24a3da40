"""The services one window works with, built once from an open store and a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from . import settings as cfg
from .attachments import Attachments
from .followups import FollowUps
from .portfolio import Portfolio
from .visits import Visits


@dataclass(frozen=True)
class AppServices:
    portfolio: Portfolio
    visits: Visits
    follow_ups: FollowUps
    settings: cfg.Settings
    attachments: Attachments


def build(store, today: date | None = None) -> AppServices:
    """Services sharing one clock; ``today`` pins the date (training, demos), keeping the time."""
    now: Callable[[], datetime]
    if today is None:
        now = datetime.now
    else:
        def now() -> datetime:
            return datetime.combine(today, datetime.now().time())
    settings = cfg.Settings(store)
    return AppServices(Portfolio(store, lambda: now().date()), Visits(store, settings, now),
                       FollowUps(store, settings, now), settings, Attachments(store))
