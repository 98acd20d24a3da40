"""The sync simulation's parts: an office and laptops driven in-process through their real
services (the ones `fieldapp office …` and `fieldapp sync …` call), day by day on a settable
clock, and a courier between them that loses, doubles and holds back bundles as told."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import text

from fieldapp.documents.keys import keys_folder
from fieldapp.domain.instants import zone_named
from fieldapp.paths import Profile
from fieldapp.services import settings as cfg
from fieldapp.services.demo_field_day import make_day, open_customers
from fieldapp.services.office import demo
from fieldapp.services.office.app import build
from fieldapp.services.office.bundles import Bundles, Report
from fieldapp.services.sync_actions import SyncActions
from fieldapp.store import bundle_repo
from fieldapp.store.engine import open_store, open_url
from fieldapp.sync import office_keys
from tests.integration.sync_kit import PASSPHRASE

ZONE = "Asia/Ho_Chi_Minh"
COMPANY = "Công ty Thu hồi nợ ACME"


class SimOffice:
    """An office filled by the demo (its collectors and customers), with a company CA."""

    def __init__(self, home: Path, db: str | None, day: date, customers: int, seed: int):
        self.home, self.day = Profile(home).ensure().home, day
        self.store = open_url(db) if db else open_store(self.home / "office.db")
        cfg.Settings(self.store).set(cfg.TIME_ZONE, ZONE)
        demo.fill(self.store, customers, seed=seed, today=day)
        self.keys = office_keys.keys_folder(self.home)
        self.services().enrollment.create_ca(self.keys, PASSPHRASE, COMPANY)

    def services(self):
        return build(self.store, today=self.day, actor="simulation")

    def collectors(self) -> list[str]:
        """The collectors, those with the most customers first."""
        return [r[0] for r in self.rows(
            "SELECT k.name FROM collector k JOIN customer c ON c.collector_id = k.id "
            "GROUP BY k.name ORDER BY COUNT(*) DESC, k.name")]

    def assigned(self, collector: str) -> set[str]:
        """The collector's customers, by code (the one key laptop and office share)."""
        return {r[0] for r in self.rows(
            "SELECT c.code FROM customer c JOIN collector k ON k.id = c.collector_id "
            "WHERE k.name = :name", name=collector)}

    def rows(self, sql: str, **params) -> list[tuple]:
        with self.store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]

    def enroll(self, request: bytes, collector: str) -> bytes:
        return self.services().enrollment.enroll(self.keys, PASSPHRASE, request, "request.csr",
                                                 collector).answer

    def packs(self, collector: str) -> dict[str, bytes]:
        """The collector's packs, by device."""
        return {w.device: w.data for w in self.services().packs.build(
            self.keys, PASSPHRASE, collector)}

    def reassign(self, codes, collector: str) -> None:
        services = self.services()
        services.assignments.assign(collector,
                                    customer_ids=services.assignments.customer_ids(codes))

    def revoke(self, device: str) -> None:
        self.services().enrollment.revoke(device, "stolen")

    def import_bundles(self, files: list[Path]) -> tuple[list[Report], dict[str, bytes]]:
        """As `office import-bundles`: the reports, and an ack per laptop heard from."""
        services = self.services()
        bundles = Bundles(self.store, services.now)
        reports = bundles.import_files(files, services.enrollment.trust(self.keys))
        devices = {r.device for r in reports if r.device and r.status != "quarantined"}
        signer = office_keys.load(self.keys, PASSPHRASE).signer()
        return reports, {d: data for d, (_seq, data) in bundles.acks(signer, devices).items()}

    def received(self) -> list[bundle_repo.Received]:
        return Bundles(self.store, self.services().now).received()


class SimLaptop:
    """A collector's laptop: its own profile, enrolled with the office, on the day's clock."""

    def __init__(self, home: Path, collector: str, office: SimOffice):
        self.home, self.collector, self.day = Profile(home).ensure().home, collector, office.day
        self.store = open_store(self.home / "fieldapp.db")
        self.settings = cfg.Settings(self.store)
        self.settings.set(cfg.TIME_ZONE, ZONE)
        self.settings.set(cfg.COLLECTOR_NAME, collector)
        self.sync = SyncActions(self.store, keys_folder(self.home), self.settings, self.now)
        request = self.sync.enroll_request(self.home / "request.csr")
        answer = self.home / "answer.zip"
        answer.write_bytes(office.enroll(request.read_bytes(), collector))
        self.device = self.sync.enroll_install(answer).device_id
        self.sends = 0

    def now(self) -> datetime:
        """Evening of the simulated day: when the collector syncs."""
        return datetime.combine(self.day, time(18), zone_named(ZONE))

    def receive(self, pack: bytes):
        path = self.home / "pack.zip"
        path.write_bytes(pack)
        return self.sync.receive_pack(path)

    def work(self, codes: list[str], seed: int, first: int) -> None:
        ids = self._ids()
        make_day(self.store, self.home, self.day, [ids[c] for c in codes], seed=seed,
                 first=first)

    def _ids(self) -> dict[str, int]:
        with self.store.engine.connect() as conn:
            return dict(conn.exec_driver_sql("SELECT code, id FROM customer").all())

    def fresh_customers(self) -> set[str]:
        """Codes of the customers with something open that this laptop has not visited yet (a
        second visit would have to settle the first one's promises: a story of its own)."""
        with self.store.engine.connect() as conn:
            seen = {r[0] for r in conn.exec_driver_sql("SELECT customer_id FROM visit")}
        codes = {i: c for c, i in self._ids().items()}
        return {codes[i] for i in set(open_customers(self.store)) - seen}

    def send(self) -> list[Path]:
        """Every bundle waiting for an ack, written to a new folder (the day's new one too)."""
        self.sends += 1
        out = self.home / "out" / f"{self.sends:03d}"
        self.sync.send(out)
        return sorted(out.glob("day-*.zip"))

    def take_ack(self, data: bytes) -> None:
        path = self.home / "ack.zip"
        path.write_bytes(data)
        self.sync.take_ack(path)

    def waiting(self) -> tuple[int, ...]:
        return self.sync._outbox().state().waiting

    def close(self) -> None:
        self.store.close()


def seq_of(path: Path) -> int:
    return int(path.stem.rsplit("-", 1)[1])


@dataclass
class Courier:
    """Carries the files laptops write to the office. ``lose``: the first copy of that
    (laptop, seq) never arrives; ``double``: it arrives twice in one import; ``hold``: every
    copy stays in the courier's pocket until the day given, then the first one arrives."""

    lose: set = field(default_factory=set)
    double: set = field(default_factory=set)
    hold: dict = field(default_factory=dict)
    pocket: dict = field(default_factory=dict)
    lost: list = field(default_factory=list)

    def carry(self, name: str, files: list[Path], day: int) -> list[Path]:
        out = []
        for path in files:
            key = (name, seq_of(path))
            if key in self.lose and key not in self.lost:
                self.lost.append(key)
                continue
            if self.hold.get(key, 0) > day:
                self.pocket.setdefault(key, path)
                continue
            out.extend([path, path] if key in self.double else [path])
        return out

    def released(self, day: int) -> list[Path]:
        """What the pocket gives up today."""
        due = [k for k in self.pocket if self.hold[k] <= day]
        return [self.pocket.pop(k) for k in due]


def pick(rng: random.Random, candidates, count: int) -> list[str]:
    found = sorted(candidates)
    return rng.sample(found, min(count, len(found)))
