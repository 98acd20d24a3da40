"""Assignment packs written by the office: one signed bundle per enrolled device of a collector,
versioned per device, with an expiry. Every pack is full (the whole assignment): a laptop
replaces what it holds from the office, so a lost pack never leaves it behind."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from ...domain.instants import to_text
from ...store import device_repo, migrations, pack_repo, review_repo
from ...sync import bundle, office_keys
from ...sync.errors import EnrollmentError
from ...sync.manifest import OFFICE
from ...sync.pack import MEMBER, VALID_DAYS, Pack

# How far back a pack carries the review states and comments of the collector's visits.
REVIEW_DAYS = 90


@dataclass(frozen=True)
class Written:
    device: str
    version: int
    customers: int
    data: bytes  # the bundle's bytes


class Packs:
    def __init__(self, store, now, enrollment):
        self._store, self.now, self._enrollment = store, now, enrollment

    def build(self, folder: Path, passphrase: str, collector: str,
              valid_days: int = VALID_DAYS) -> list[Written]:
        """One pack per enrolled, unrevoked device of ``collector``, recorded in ``pack_out``
        in the same transaction that reads the assignment (what is recorded is what was sent)."""
        keys = office_keys.load(folder, passphrase)
        revoked = [{"device": r.device_id, "serial": r.serial,
                    "revoked_at": to_text(r.revoked_at), "reason": r.reason}
                   for r in self._enrollment.revoked_devices()]
        now = self.now()
        written = []
        with self._store.sessions.begin() as session:
            collector_id = device_repo.collector_id(session, collector)
            if collector_id is None:
                raise EnrollmentError("enroll.unknown_collector", collector=collector)
            devices = pack_repo.devices_of(session, collector_id)
            if not devices:
                raise EnrollmentError("pack.no_device", collector=collector)
            customers, stops, outcomes = pack_repo.collector_customers(
                session.connection(), collector_id, now.date())
            reviews = review_repo.for_collector(session, collector_id,
                                                to_text(now - timedelta(days=REVIEW_DAYS)))
            for device in devices:
                last = pack_repo.last_pack(session, device)
                version = (last.version if last else 0) + 1
                header = {"version": version, "device": device, "collector": collector,
                          "created_at": to_text(now),
                          "expires_at": to_text(now + timedelta(days=valid_days)),
                          "full": True, "route_from": now.date().isoformat()}
                body = Pack(header, customers, stops, outcomes, revoked, reviews).to_bytes()
                bundle_id = str(uuid.uuid4())
                data = bundle.write("pack", {MEMBER: body}, keys.signer(), sender=OFFICE,
                                    seq=version, prev_sha256=last.sha256 if last else "",
                                    schema_version=migrations.LATEST, created_at=now, bundle_id=bundle_id)
                pack_repo.add_pack(session, device_id=device, version=version,
                                   bundle_id=bundle_id,
                                   created_at=to_text(now), expires_at=header["expires_at"],
                                   sha256=bundle.sha256(data), customers=len(customers))
                written.append(Written(device, version, len(customers), data))
        return written

    def confirm(self, device: str, version: int) -> int:
        """The laptop says it applied ``version`` (its day bundle carries the version): that
        pack and older ones are confirmed. Returns the newest confirmed version."""
        with self._store.sessions.begin() as session:
            pack_repo.confirm(session, device, version, to_text(self.now()))
            return pack_repo.confirmed_version(session, device)

    def confirmed(self, device: str) -> int:
        with self._store.sessions.begin() as session:
            return pack_repo.confirmed_version(session, device)
