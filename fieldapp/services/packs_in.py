"""The laptop receives an assignment pack: verified against the company CA installed at
enrollment, sent by the office, newer than the last one applied, not expired and, for a delta,
made on the version held here; then applied in one transaction with the version and the
revocation list it carries. ``held_state`` is what the laptop reports in its day bundles: the
version it holds and the hash of the customers it holds from the office (drift detection)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.instants import to_text
from ..domain.queues import Resolution
from ..store import (dispute_repo, master_edits, pack_apply, receipt_repo, review_repo,
                     settings_repo)
from ..sync import bundle, laptop_keys
from ..sync.errors import BundleRefused
from ..sync.manifest import OFFICE
from ..sync.pack import MEMBER, Pack, check, parse
from ..sync.pack_delta import customer_set_hash
from .changes import Changes

VERSION, EXPIRES, APPLIED_AT, REVOKED = ("pack.version", "pack.expires_at", "pack.applied_at",
                                         "pack.revoked")
# Codes kept here for the work made on them though the office took them away: not part of the
# customer set the laptop holds from the office.
UNASSIGNED = "pack.unassigned"


@dataclass(frozen=True)
class Received:
    pack: Pack
    applied: pack_apply.Applied
    changes: Changes
    # Notes from the office the pack brought that this laptop had not held: review states and
    # comments, disputes recorded here that it resolved, receipts held here that it voided.
    notes: int = 0
    resolved: int = 0  # disputes recorded here that the office resolved, new in this pack


def state(store) -> dict:
    """The last pack applied: version (0 before any), expiry, revocation list."""
    with store.sessions.begin() as session:
        held = settings_repo.read_all(session)
    return {"version": int(held.get(VERSION, "0") or 0), "expires_at": held.get(EXPIRES, ""),
            "applied_at": held.get(APPLIED_AT, ""),
            "revoked": json.loads(held.get(REVOKED, "[]") or "[]")}


def read(held: dict, folder: Path, path: Path) -> Pack:
    """The pack in a file, verified (signed by the office under the company CA, not revoked)
    and parsed; not yet checked against this laptop (``check``). ``held`` is ``state()``."""
    if not laptop_keys.is_enrolled(folder):
        raise BundleRefused("sync.not_enrolled")
    revoked = frozenset(r["serial"] for r in held["revoked"])
    found = bundle.read_file(Path(path), laptop_keys.trust(folder, revoked))
    if found.manifest.kind != "pack":
        raise BundleRefused("sync.wrong_kind", expected="pack", kind=found.manifest.kind)
    if found.manifest.sender != OFFICE:
        raise BundleRefused("sync.wrong_sender", sender=found.manifest.sender, signer=OFFICE)
    if set(found.members) != {MEMBER}:
        raise BundleRefused("sync.bad_pack", reason=f"members {sorted(found.members)}")
    return parse(found.members[MEMBER])


def receive(store, folder: Path, path: Path, device_id: str, now: datetime) -> Received:
    held = state(store)
    pack = read(held, folder, path)
    return apply(store, pack, held, device_id, now)


def apply(store, pack: Pack, held: dict, device_id: str, now: datetime) -> Received:
    """Check a pack read by ``read`` against this laptop and apply it in one transaction."""
    check(pack, device_id, held["version"], now)
    with store.sessions.begin() as session:
        # First: a voided receipt's allocations no longer lower the balances written below.
        voided = receipt_repo.take_voids(session.connection(), pack.voids)
        applied = pack_apply.apply(session.connection(), pack.customers, pack.route_stops,
                                   pack.outcomes,
                                   datetime.fromisoformat(pack.header["route_from"]).date(),
                                   None if pack.full else pack.removed)
        master_edits.reapply(session)  # the laptop's edits the office had not seen yet
        # The supervisor's states and comments: notes from the office for the collector.
        notes = review_repo.take_events(session, pack.reviews)
        resolved = dispute_repo.take_resolutions(session, [  # disputes the office resolved
            Resolution(r["uuid"], r["resolved_at"], r["resolved_by"], r["root_cause"])
            for r in pack.resolutions])
        settings_repo.write(session, {UNASSIGNED: json.dumps(_unassigned(
                                          session, pack, applied), ensure_ascii=False),
                                      VERSION: str(pack.version),
                                      EXPIRES: pack.header["expires_at"],
                                      APPLIED_AT: to_text(now),
                                      REVOKED: json.dumps(pack.revoked, ensure_ascii=False)})
    # A pack reaches every customer it names and may add or remove some: reload everything.
    # Resolutions and voids are notes from the office too (the list and its unread count).
    return Received(pack, applied, Changes.everything(), notes + resolved + voided, resolved)


def _unassigned(session, pack: Pack, applied: pack_apply.Applied) -> list[str]:
    if pack.full:
        return sorted(applied.kept)
    before = set(json.loads(settings_repo.read_all(session).get(UNASSIGNED, "[]") or "[]"))
    back = {c["code"] for c in pack.customers}
    return sorted((before - back) | set(applied.kept))


def held_state(session) -> dict:
    """{"pack_version", "customer_set_hash"} of what this laptop holds from the office."""
    held = settings_repo.read_all(session)
    version = int(held.get(VERSION, "0") or 0)
    unassigned = set(json.loads(held.get(UNASSIGNED, "[]") or "[]"))
    codes = [c for c in pack_apply.customer_codes(session.connection()) if c not in unassigned]
    return {"pack_version": version, "customer_set_hash": customer_set_hash(codes, version)}
