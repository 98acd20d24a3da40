"""Assignment packs written by the office: one signed bundle per enrolled device of a collector,
versioned per device, with an expiry. A pack is a delta (the customers added, changed or taken
away since the pack that device last confirmed, the whole route from today on, the revocation
list) or full (the whole assignment) when nothing is confirmed yet, the confirmed pack's part
hashes are gone, a full pack is asked for, the laptop's last day bundle reported another
pack or customer set than the office sent (drift), or a newer pack went out and is not confirmed
yet (the laptop may or may not hold it; a delta would fit only one of the two). A laptop refuses a delta whose base is not
the version it holds, so a lost pack costs one refused file, never a wrong state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from ...domain.instants import to_text
from ...store import (device_repo, dispute_repo, migrations, pack_parts, pack_repo, receipt_repo,
                      review_repo)
from ...sync import bundle, office_keys
from ...sync.errors import EnrollmentError
from ...sync.manifest import OFFICE
from ...sync.pack import MEMBER, VALID_DAYS, Pack
from ...sync.pack_delta import customer_set_hash, diff, part_hashes

# Why a pack is full: the CLI and the Laptops tab say it.
FIRST, ASKED, GONE, DRIFT, PENDING = "first", "asked", "base gone", "drift", "not confirmed"
# Part hashes are kept for this many packs per device: a laptop that confirms none of them for
# so long gets a full pack (and the table does not grow with every pack never applied).
KEEP_PARTS = 30

# How far back a pack carries the review states and comments of the collector's visits, and
# the disputes resolved on the collector's customers.
REVIEW_DAYS = 90


@dataclass(frozen=True)
class Written:
    device: str
    version: int
    customers: int  # in the pack (a delta's changed ones)
    data: bytes  # the bundle's bytes
    base: int = 0  # the version a delta applies on (0: full)
    why_full: str = ""  # FIRST, ASKED, GONE, DRIFT or PENDING for a full pack
    removed: int = 0

    @property
    def full(self) -> bool:
        return self.base == 0


@dataclass(frozen=True)
class _Assignment:
    customers: list
    stops: list
    outcomes: list
    hashes: dict  # code → part hash
    at: object  # the instant the packs are made


class Packs:
    def __init__(self, store, now, enrollment):
        self._store, self.now, self._enrollment = store, now, enrollment

    def build(self, folder: Path, passphrase: str, collector: str,
              valid_days: int = VALID_DAYS, full: bool = False) -> list[Written]:
        """One pack per enrolled, unrevoked device of ``collector``, recorded in ``pack_out``
        (with its part hashes) in the same transaction that reads the assignment: what is
        recorded is what was sent."""
        keys = office_keys.load(folder, passphrase)
        revoked = [{"device": r.device_id, "serial": r.serial,
                    "revoked_at": to_text(r.revoked_at), "reason": r.reason}
                   for r in self._enrollment.revoked_devices()]
        now = self.now()
        with self._store.sessions.begin() as session:
            collector_id = device_repo.collector_id(session, collector)
            if collector_id is None:
                raise EnrollmentError("enroll.unknown_collector", collector=collector)
            devices = pack_repo.devices_of(session, collector_id)
            if not devices:
                raise EnrollmentError("pack.no_device", collector=collector)
            customers, stops, outcomes = pack_repo.collector_customers(
                session.connection(), collector_id, now.date())
            now_set = _Assignment(customers, stops, outcomes, part_hashes(customers, outcomes),
                                  now)
            header = {"collector": collector, "created_at": to_text(now),
                      "expires_at": to_text(now + timedelta(days=valid_days)),
                      "route_from": now.date().isoformat()}
            since = to_text(now - timedelta(days=REVIEW_DAYS))
            reviews = review_repo.for_collector(session, collector_id, since)
            voids = receipt_repo.voids_for(session, collector_id)
            resolutions = dispute_repo.for_collector(session, collector_id, since)
            return [self._one(session, device, now_set, header, revoked, keys.signer(), full,
                              reviews, voids, resolutions) for device in devices]

    def _one(self, session, device: str, now_set: _Assignment, header: dict, revoked: list,
             signer, full: bool, reviews: list, voids: list, resolutions: list) -> Written:
        last = pack_repo.last_pack(session, device)
        version = (last.version if last else 0) + 1
        base, why, base_parts = _base(session, device, full, version - KEEP_PARTS, version - 1)
        customers, outcomes, removed = now_set.customers, now_set.outcomes, []
        if base:
            send, removed = diff(now_set.hashes, base_parts)
            customers = [c for c in customers if c["code"] in send]
            outcomes = [o for o in outcomes if o["customer"] in send]
        header = {**header, "version": version, "device": device, "full": not base,
                  "base": base}
        body = Pack(header, customers, now_set.stops, outcomes, revoked, removed,
                    reviews, list(voids), resolutions).to_bytes()
        bundle_id = str(uuid.uuid4())
        created = header["created_at"]
        data = bundle.write("pack", {MEMBER: body}, signer, sender=OFFICE, seq=version,
                            prev_sha256=last.sha256 if last else "",
                            schema_version=migrations.LATEST, created_at=now_set.at,
                            bundle_id=bundle_id)
        pack_repo.add_pack(session, device_id=device, version=version, bundle_id=bundle_id,
                           created_at=created, expires_at=header["expires_at"],
                           sha256=bundle.sha256(data), customers=len(now_set.customers),
                           full_pack=not base, base=base,
                           set_hash=customer_set_hash(now_set.hashes, version))
        pack_parts.add_parts(session, device, version, now_set.hashes)
        return Written(device, version, len(customers), data, base, why, len(removed))

    def confirm(self, device: str, version: int) -> int:
        """The laptop says it applied ``version`` (its day bundle carries the version): that
        pack and older ones are confirmed. Returns the newest confirmed version."""
        with self._store.sessions.begin() as session:
            pack_repo.confirm(session, device, version, to_text(self.now()))
            return pack_repo.confirmed_version(session, device)

    def confirmed(self, device: str) -> int:
        with self._store.sessions.begin() as session:
            return pack_repo.confirmed_version(session, device)


def _base(session, device: str, full: bool, oldest_kept: int,
          last_written: int) -> tuple[int, str, dict]:
    """(the confirmed version a delta applies on, or 0 with why the pack is full; its parts)."""
    confirmed = pack_repo.confirmed_version(session, device)
    pack_parts.prune_parts(session, device, max(confirmed, oldest_kept))
    if full:
        return 0, ASKED, {}
    if not confirmed:
        return 0, FIRST, {}
    set_hash, customers = pack_parts.written(session, device, confirmed)
    if not set_hash:
        return 0, GONE, {}  # written before the office kept part hashes
    said = pack_parts.last_report(session, device)
    if said is not None and (said.version, said.set_hash) != (confirmed, set_hash):
        return 0, DRIFT, {}
    parts = pack_parts.parts(session, device, confirmed)
    if customers and not parts:
        return 0, GONE, {}
    if last_written > confirmed:
        # A newer pack went out unconfirmed: the laptop may hold it or not, and a delta fits
        # only one of the two. A full pack fits both.
        return 0, PENDING, {}
    return confirmed, "", parts
