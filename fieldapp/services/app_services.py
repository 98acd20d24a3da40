"""The services one window works with, built once from an open store and a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..clock import utc_now
from ..documents.keys import keys_folder
from ..domain.errors import FieldappError
from . import settings as cfg
from .attachments import Attachments
from .documents import Documents, device_keys
from .followups import FollowUps
from .master_data import MasterData
from .office_notes import OfficeNotes
from .portfolio import Portfolio
from .sync_actions import SyncActions
from .visits import Visits


@dataclass(frozen=True)
class AppServices:
    portfolio: Portfolio
    visits: Visits
    follow_ups: FollowUps
    settings: cfg.Settings
    attachments: Attachments
    documents: Documents
    sync: SyncActions
    master_data: MasterData
    office_notes: OfficeNotes


def build(store, today: date | None = None, home: Path | None = None) -> AppServices:
    """Services sharing one clock; ``today`` pins the date (training, demos), keeping the time.

    ``home`` is the profile folder holding the device keys (default: the database's folder)."""
    settings = cfg.Settings(store)
    settings.device_id()  # the laptop's own id, made on its first start (never the office's)

    def now() -> datetime:
        """Aware, in the user's zone (the setting may change while the window is open)."""
        moment = utc_now().astimezone(settings.zone())
        return moment if today is None else datetime.combine(today, moment.timetz())
    if home is None and store.path is None:
        raise FieldappError("profile.no_home")
    home = home or store.path.parent
    documents = Documents(store, settings, device_keys(home, settings, lambda: now().date()), now)
    return AppServices(Portfolio(store, lambda: now().date()), Visits(store, settings, now, documents),
                       FollowUps(store, settings, now), settings, Attachments(store), documents,
                       SyncActions(store, keys_folder(home), settings, now),
                       MasterData(store, settings, now), OfficeNotes(store, settings, now))
