"""The manifest of a bundle: canonical JSON naming the bundle and every other member."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from .errors import BundleRefused

FORMAT = 1  # the newest bundle format this program writes and reads
KINDS = ("day", "pack", "ack", "enrollment")
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
OFFICE = "office"  # the sender of everything the office sends
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FIELDS = {"format", "kind", "bundle_id", "sender", "seq", "prev_sha256", "created_at",
           "schema_version", "members"}


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """``prev_sha256`` is the SHA-256 of the sender's previous bundle file ('' for its first);
    ``seq`` counts the sender's bundles from 1 (0: outside any sequence, like an enrollment)."""

    kind: str
    bundle_id: str
    sender: str
    seq: int
    prev_sha256: str
    created_at: datetime
    schema_version: int
    members: tuple[Member, ...]
    format: int = FORMAT

    def as_dict(self) -> dict:
        return {"format": self.format, "kind": self.kind, "bundle_id": self.bundle_id,
                "sender": self.sender, "seq": self.seq, "prev_sha256": self.prev_sha256,
                "created_at": _utc_text(self.created_at), "schema_version": self.schema_version,
                "members": [{"name": m.name, "size": m.size, "sha256": m.sha256}
                            for m in sorted(self.members, key=lambda m: m.name)]}

    def to_bytes(self) -> bytes:
        return canonical(self.as_dict())


def canonical(value) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same manifest always has the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
                      ).encode("utf-8")


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError(f"{moment!r} has no time zone")
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")



def parse(data: bytes) -> Manifest:
    """The manifest in ``data``, called only once its signature was verified. The format is
    looked at first: a newer one may have other fields, and is refused for what it is."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused("sync.bad_manifest", reason=f"not JSON ({exc})") from None
    if not isinstance(value, dict):
        raise BundleRefused("sync.bad_manifest", reason="not a JSON object")
    version = value.get("format")
    if type(version) is not int or version < 1:
        raise BundleRefused("sync.bad_manifest", reason="no format version")
    if version > FORMAT:
        raise BundleRefused("sync.newer_format", format=version, known=FORMAT)
    if canonical(value) != data:
        raise BundleRefused("sync.bad_manifest",
                            reason="not in canonical form (sorted keys, no spaces, UTF-8)")
    if set(value) != _FIELDS:
        raise BundleRefused("sync.bad_manifest",
                            reason=f"fields {sorted(set(value) ^ _FIELDS)} are wrong")
    return _manifest(value)


def _manifest(v: dict) -> Manifest:
    _check(v["kind"] in KINDS, f"kind {v['kind']!r} is unknown")
    _check(isinstance(v["bundle_id"], str) and _is_uuid(v["bundle_id"]), "bundle_id is no UUID")
    _check(isinstance(v["sender"], str) and 0 < len(v["sender"]) <= 64, "sender is wrong")
    _check(type(v["seq"]) is int and v["seq"] >= 0, "seq is no count")
    _check(v["prev_sha256"] == "" or (isinstance(v["prev_sha256"], str)
                                      and _HEX64.fullmatch(v["prev_sha256"])),
           "prev_sha256 is no SHA-256")
    _check(type(v["schema_version"]) is int and v["schema_version"] >= 1,
           "schema_version is wrong")
    _check(isinstance(v["members"], list), "members is no list")
    return Manifest(v["kind"], v["bundle_id"], v["sender"], v["seq"], v["prev_sha256"],
                    _instant(v["created_at"]), v["schema_version"],
                    tuple(_member(m) for m in v["members"]), v["format"])


def _member(m) -> Member:
    _check(isinstance(m, dict) and set(m) == {"name", "size", "sha256"}, "a member is wrong")
    _check(isinstance(m["name"], str) and type(m["size"]) is int and m["size"] >= 0
           and isinstance(m["sha256"], str) and _HEX64.fullmatch(m["sha256"]),
           f"member {m.get('name')!r} is wrong")
    return Member(m["name"], m["size"], m["sha256"])


def _instant(text) -> datetime:
    try:
        _check(isinstance(text, str) and text.endswith("Z"), "created_at is not UTC")
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        raise BundleRefused("sync.bad_manifest", reason="created_at is no instant") from None


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _check(condition, reason: str) -> None:
    if not condition:
        raise BundleRefused("sync.bad_manifest", reason=reason)
