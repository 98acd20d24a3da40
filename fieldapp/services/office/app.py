"""The services the office's window and tools work with, built once from an open store."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import date, datetime

from ...clock import utc_now
from ..portfolio import Portfolio
from ..settings import Settings
from .accounting_export import AccountingExport
from .assignments import Assignments
from .collectors import Collectors
from .conflicts import Conflicts
from .device_health import DeviceHealth
from .enrollment import Enrollment
from .kpi import Kpis
from .packs import Packs
from .portfolio import OfficePortfolio
from .printing import Printing
from .receipts import Receipts
from .queues import Queues
from .receivables import ReceivablesImports
from .review import Review
from .routes import Routes
from .sources import Sources
from .sync_folder import SyncFolder


@dataclass(frozen=True)
class OfficeServices:
    """``customers`` is the laptop's portfolio service over the same tables (the customer's
    file); the others are the office's own. ``actor`` names the supervisor in the logs.
    ``settings`` gives the zone and the UI language; building it writes nothing."""

    store: object
    actor: str
    now: object
    customers: Portfolio
    settings: Settings
    imports: ReceivablesImports
    sources: Sources
    routes: Routes
    collectors: Collectors
    assignments: Assignments
    portfolio: OfficePortfolio
    enrollment: Enrollment
    packs: Packs
    device_health: DeviceHealth
    sync_folder: SyncFolder
    conflicts: Conflicts
    kpis: Kpis
    review: Review
    printing: Printing
    receipts: Receipts
    accounting_export: AccountingExport
    queues: Queues


def build(store, today: date | None = None, actor: str | None = None) -> OfficeServices:
    """Office services sharing one clock; ``today`` pins the date (training, demos)."""
    settings = Settings(store)

    def now() -> datetime:
        """Aware, in the office's zone (the setting, else this machine's)."""
        moment = utc_now().astimezone(settings.zone())
        return moment if today is None else datetime.combine(today, moment.timetz())
    actor = actor or _user()
    return OfficeServices(
        store=store, actor=actor, now=now,
        customers=Portfolio(store, lambda: now().date()),
        settings=settings,
        imports=ReceivablesImports(store, now, actor),
        sources=Sources(store, now),
        routes=Routes(store, now),
        collectors=Collectors(store, now),
        assignments=Assignments(store, actor, now),
        portfolio=OfficePortfolio(store, lambda: now().date()),
        enrollment=Enrollment(store, now),
        packs=Packs(store, now, Enrollment(store, now)),
        device_health=DeviceHealth(store, now, Enrollment(store, now)),
        sync_folder=SyncFolder(store, now, settings, Enrollment(store, now),
                               Packs(store, now, Enrollment(store, now))),
        conflicts=Conflicts(store, now, actor),
        kpis=Kpis(store, now, settings),
        review=Review(store, now, actor, settings.zone),
        printing=Printing(store, now, settings, Routes(store, now)),
        receipts=Receipts(store, now, actor, settings.zone),
        accounting_export=AccountingExport(store, now, actor),
        queues=Queues(store, now, actor, settings),
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        return ""
