"""The demo office's field day: a company CA, a few simulated laptops enrolled for demo
collectors, each filled by its assignment pack, yesterday's visits made on it with the laptop's
own services, its day bundle sent and imported; so the demo opens with records already in."""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ...documents.keys import keys_folder
from ...paths import Profile
from ...store.engine import open_store
from ...sync import office_keys
from .. import settings as cfg
from ..demo_field_day import make_day, open_customers
from ..sync_actions import SyncActions
from .bundles import Bundles
from .demo_team import TEAM

# The demo's throwaway CA: its passphrase is no secret (enroll a laptop in the demo with it).
PASSPHRASE = "demo-office"
LAPTOPS, VISITS = 3, 5  # one of each kind of outcome across a laptop's day, and a call


@dataclass(frozen=True)
class DemoDay:
    laptops: int
    bundles: int
    records: int


def fill(services, home: Path, today: date, seed: int, laptops: int = LAPTOPS,
         visits: int = VISITS) -> DemoDay:
    """Enroll ``laptops`` simulated laptops for the first demo collectors, make yesterday's
    ``visits`` on each and import their day bundles (the laptops' profiles are thrown away;
    the office keeps their certificates and records)."""
    keys = office_keys.keys_folder(home)
    company = services.settings.get(cfg.COMPANY_NAME)
    services.enrollment.create_ca(keys, PASSPHRASE, company)
    files = []
    with tempfile.TemporaryDirectory(prefix="demo-laptops-") as tmp:
        for n, member in enumerate(TEAM[:laptops]):
            files += _laptop_day(services, keys, Path(tmp) / f"laptop{n}", member.name,
                                 today, random.Random(f"{seed}|{n}"), visits, n)
        reports = Bundles(services.store, services.now).import_files(
            files, services.enrollment.trust(keys))
    return DemoDay(laptops, sum(r.status == "imported" for r in reports),
                   sum(r.records for r in reports))


def _laptop_day(services, keys: Path, home: Path, collector: str, today: date,
                rng: random.Random, visits: int, n: int) -> list[Path]:
    Profile(home).ensure()
    store = open_store(home / "fieldapp.db")
    try:
        settings = cfg.Settings(store)
        settings.set(cfg.TIME_ZONE, services.settings.get(cfg.TIME_ZONE))
        settings.set(cfg.COLLECTOR_NAME, collector)
        sync = SyncActions(store, keys_folder(home), settings, services.now)
        request = sync.enroll_request(home / "request.csr")
        answer = home / "answer.zip"
        answer.write_bytes(services.enrollment.enroll(
            keys, PASSPHRASE, request.read_bytes(), request.name, collector).answer)
        device = sync.enroll_install(answer).device_id
        (pack,) = [p for p in services.packs.build(keys, PASSPHRASE, collector)
                   if p.device == device]
        (home / "pack.zip").write_bytes(pack.data)
        sync.receive_pack(home / "pack.zip")
        open_now = open_customers(store)
        chosen = rng.sample(open_now, min(visits, len(open_now)))
        make_day(store, home, today - timedelta(days=1), chosen, seed=rng.randrange(10**6),
                 first=n)
        out = home / "out"
        sync.send(out)
        return sorted(out.glob("day-*.zip"))
    finally:
        store.close()
