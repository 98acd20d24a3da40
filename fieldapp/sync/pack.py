"""Assignment packs (office → laptop): the one member `pack.json` a pack bundle carries, and the
checks a laptop makes before applying it (its device, a newer version, not expired, and for a
delta the base version it applies on).

A full pack (format 1) is the whole assignment: the laptop replaces what it holds from the
office. A delta (format 2, so a laptop that knows only full packs refuses it instead of taking
its few customers for the whole assignment) holds the customers added or changed since its
``base`` version, the codes taken away (``removed``), the whole route from ``route_from`` on
and the revocation list."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from .errors import BundleRefused
from .manifest import canonical

MEMBER = "pack.json"
PACK_FORMAT, DELTA_FORMAT = 1, 2
VALID_DAYS = 14


@dataclass(frozen=True)
class Pack:
    """``header`` = version, device, collector, created_at, expires_at, full, base (0 for a
    full pack), route_from; ``customers`` each with contact/contract/invoice/delivery/payment
    lists; ``route_stops`` from route_from on; ``outcomes`` the status the office holds;
    ``revoked`` the revocation list; ``removed`` the codes a delta takes away; ``reviews``
    (optional, absent when empty) the review states and comments of the collector's visits;
    ``voids`` (optional, absent when empty) the receipts the office voided, each with its
    payment, when, by whom and why; ``resolutions`` (optional, absent when empty) the disputes
    the office resolved, each with its root cause."""

    header: dict
    customers: list
    route_stops: list
    outcomes: list
    revoked: list
    removed: list = ()
    reviews: list = field(default_factory=list)
    voids: list = field(default_factory=list)
    resolutions: list = field(default_factory=list)

    @property
    def full(self) -> bool:
        return bool(self.header.get("full", True))

    @property
    def base(self) -> int:
        return int(self.header.get("base", 0))

    @property
    def version(self) -> int:
        return self.header["version"]

    @property
    def expires_at(self) -> datetime:
        return datetime.fromisoformat(self.header["expires_at"])

    def to_bytes(self) -> bytes:
        body = {"format": PACK_FORMAT, "pack": self.header, "customers": self.customers,
                "route_stops": self.route_stops, "outcomes": self.outcomes,
                "revoked": self.revoked}
        if not self.full:
            body.update(format=DELTA_FORMAT, removed=list(self.removed))
        if self.reviews:  # optional: a pack without any reads as before
            body["reviews"] = self.reviews
        if self.voids:
            body["voids"] = self.voids
        if self.resolutions:  # optional too
            body["resolutions"] = self.resolutions
        return canonical(body)


def parse(data: bytes) -> Pack:
    """The pack in a verified bundle's member (a bad one is refused, never half applied)."""
    try:
        value = json.loads(data.decode("utf-8"))
        if value.get("format") not in (PACK_FORMAT, DELTA_FORMAT):
            raise BundleRefused("sync.bad_pack", reason=f"pack format {value.get('format')!r}")
        delta = value["format"] == DELTA_FORMAT
        pack = Pack(value["pack"], value["customers"], value["route_stops"], value["outcomes"],
                    value["revoked"], list(value["removed"]) if delta else [],
                    _reviews(value.get("reviews", [])), _voids(value.get("voids", [])),
                    _resolutions(value.get("resolutions", [])))
        if pack.full == delta or (delta and type(pack.header.get("base")) is not int):
            raise BundleRefused("sync.bad_pack", reason="full or delta is not said rightly")
        for key in ("version", "device", "collector", "expires_at", "route_from"):
            pack.header[key]  # noqa: B018 (a missing key is a KeyError below)
        pack.expires_at  # noqa: B018
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleRefused("sync.bad_pack", reason=f"{type(exc).__name__}: {exc}") from None
    return pack


_REVIEW_KEYS = {"id": str, "visit_uuid": str, "at": str, "actor": str, "kind": str,
                "state": (str, type(None)), "text": str, "corrects": (str, type(None))}


def _reviews(value) -> list:
    """Review events as sent: each with exactly the keys and types the table holds."""
    good = isinstance(value, list) and all(
        isinstance(event, dict) and set(event) == set(_REVIEW_KEYS)
        and all(isinstance(event[k], t) for k, t in _REVIEW_KEYS.items()) for event in value)
    if not good:
        raise BundleRefused("sync.bad_pack", reason="a review event is not "
                                                    f"{sorted(_REVIEW_KEYS)}")
    return value


_VOID_KEYS = {"receipt_no": str, "payment_id": str, "voided_at": str, "by": str, "reason": str}


def _voids(value) -> list:
    """Voided receipts as sent: each with exactly the keys and types above."""
    good = isinstance(value, list) and all(
        isinstance(void, dict) and set(void) == set(_VOID_KEYS)
        and all(isinstance(void[k], t) for k, t in _VOID_KEYS.items()) for void in value)
    if not good:
        raise BundleRefused("sync.bad_pack", reason=f"a void is not {sorted(_VOID_KEYS)}")
    return value


_RESOLUTION_KEYS = {"uuid": str, "resolved_at": str, "resolved_by": str, "root_cause": str}


def _resolutions(value) -> list:
    """Dispute resolutions as sent: each with exactly these keys, all text."""
    good = isinstance(value, list) and all(
        isinstance(item, dict) and set(item) == set(_RESOLUTION_KEYS)
        and all(isinstance(item[k], t) for k, t in _RESOLUTION_KEYS.items()) for item in value)
    if not good:
        raise BundleRefused("sync.bad_pack", reason="a dispute resolution is not "
                                                    f"{sorted(_RESOLUTION_KEYS)}")
    return value


def check(pack: Pack, device_id: str, applied: int, now: datetime) -> None:
    """Refuse a pack for another laptop, an older or equal version (a replay or a rollback), an
    expired one (a pack kept back too long, TUF's freeze attack) and a delta made for another
    version than the one applied here (its changes would land on the wrong state)."""
    if pack.header["device"] != device_id:
        raise BundleRefused("sync.pack_other_device", device=pack.header["device"],
                            this=device_id)
    if pack.version <= applied:
        raise BundleRefused("sync.pack_not_newer", version=pack.version, applied=applied)
    if pack.expires_at <= now:
        raise BundleRefused("sync.pack_expired", version=pack.version,
                            expired=pack.expires_at.date())
    if not pack.full and pack.base != applied:
        raise BundleRefused("sync.pack_wrong_base", version=pack.version, base=pack.base,
                            applied=applied)
