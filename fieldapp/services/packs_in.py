"""The laptop receives an assignment pack: verified against the company CA installed at
enrollment, sent by the office, newer than the last one applied and not expired; then applied
in one transaction with the version and the revocation list it carries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.instants import to_text
from ..store import pack_apply, review_repo, settings_repo
from ..sync import bundle, laptop_keys
from ..sync.errors import BundleRefused
from ..sync.manifest import OFFICE
from ..sync.pack import MEMBER, Pack, check, parse
from .changes import Changes

VERSION, EXPIRES, APPLIED_AT, REVOKED = ("pack.version", "pack.expires_at", "pack.applied_at",
                                         "pack.revoked")


@dataclass(frozen=True)
class Received:
    pack: Pack
    applied: pack_apply.Applied
    changes: Changes


def state(store) -> dict:
    """The last pack applied: version (0 before any), expiry, revocation list."""
    with store.sessions.begin() as session:
        held = settings_repo.read_all(session)
    return {"version": int(held.get(VERSION, "0") or 0), "expires_at": held.get(EXPIRES, ""),
            "applied_at": held.get(APPLIED_AT, ""),
            "revoked": json.loads(held.get(REVOKED, "[]") or "[]")}


def receive(store, folder: Path, path: Path, device_id: str, now: datetime) -> Received:
    if not laptop_keys.is_enrolled(folder):
        raise BundleRefused("sync.not_enrolled")
    held = state(store)
    revoked = frozenset(r["serial"] for r in held["revoked"])
    found = bundle.read_file(Path(path), laptop_keys.trust(folder, revoked))
    if found.manifest.kind != "pack":
        raise BundleRefused("sync.wrong_kind", expected="pack", kind=found.manifest.kind)
    if found.manifest.sender != OFFICE:
        raise BundleRefused("sync.wrong_sender", sender=found.manifest.sender, signer=OFFICE)
    if set(found.members) != {MEMBER}:
        raise BundleRefused("sync.bad_pack", reason=f"members {sorted(found.members)}")
    pack = parse(found.members[MEMBER])
    check(pack, device_id, held["version"], now)
    with store.sessions.begin() as session:
        applied = pack_apply.apply(session.connection(), pack.customers, pack.route_stops,
                                   pack.outcomes,
                                   datetime.fromisoformat(pack.header["route_from"]).date())
        review_repo.take_events(session, pack.reviews)  # the supervisor's states and comments
        settings_repo.write(session, {VERSION: str(pack.version),
                                      EXPIRES: pack.header["expires_at"],
                                      APPLIED_AT: to_text(now),
                                      REVOKED: json.dumps(pack.revoked, ensure_ascii=False)})
    # A pack reaches every customer it names and may add or remove some: reload everything.
    return Received(pack, applied, Changes.everything())
