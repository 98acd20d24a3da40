"""Bundles: one zip with `manifest.json`, its detached CMS signature `manifest.sig`, and the
members the manifest names; written signed, read only after the signature is verified."""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from cryptography import x509

from . import cms, manifest as mf, pki, zipread
from .cms import Trust
from .errors import BundleRefused
from .manifest import MANIFEST, OFFICE, SIGNATURE, Manifest, Member
from .zipread import LIMITS, Limits

# Already compressed: deflating them again costs seconds per bundle of photos and saves nothing.
_PACKED = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".zip", ".gz")

__all__ = ["Bundle", "Signer", "Trust", "Limits", "LIMITS", "write", "read", "read_file"]


@dataclass(frozen=True)
class Signer:
    """A private key with its certificate; ``extra`` certificates travel in the signature (the
    company CA in an enrollment answer, so a laptop can check it before trusting it)."""

    key: object
    cert: x509.Certificate
    extra: tuple[x509.Certificate, ...] = ()


@dataclass(frozen=True)
class Bundle:
    """A bundle as read: its manifest, members by name, signer, and the SHA-256 of the file
    (the next bundle of the same sender names it as ``prev_sha256``)."""

    manifest: Manifest
    members: dict[str, bytes]
    signer: x509.Certificate
    sha256: str


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(kind: str, members: dict[str, bytes], signer: Signer, *, sender: str, seq: int,
          prev_sha256: str, schema_version: int, created_at: datetime,
          bundle_id: str | None = None) -> bytes:
    """The bundle's bytes. Members are deflated (photos stored as they are); the manifest and
    its signature are stored first, so a person unzipping it sees what it claims before what
    it carries."""
    names = sorted(members)
    manifest = Manifest(kind, bundle_id or str(uuid.uuid4()), sender, seq, prev_sha256,
                        created_at, schema_version,
                        tuple(Member(n, len(members[n]), sha256(members[n])) for n in names))
    body = manifest.to_bytes()
    mf.parse(body)  # what we write, we can read: a bad value fails here, not at the office
    signature = cms.sign(body, signer.key, signer.cert, signer.extra)
    stamp = created_at.timetuple()[:6]
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data, method in ((MANIFEST, body, zipfile.ZIP_STORED),
                                   (SIGNATURE, signature, zipfile.ZIP_STORED),
                                   *((n, members[n], _method(n)) for n in names)):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type, info.external_attr = method, 0o100644 << 16
            archive.writestr(info, data)
    return out.getvalue()


def _method(name: str) -> int:
    return zipfile.ZIP_STORED if name.lower().endswith(_PACKED) else zipfile.ZIP_DEFLATED


def read_file(path: Path, trust: Trust, limits: Limits = LIMITS) -> Bundle:
    """``read`` of a file, refused by its size before a byte of it is read."""
    size = Path(path).stat().st_size
    if size > limits.file_bytes:
        raise BundleRefused("sync.too_large", what="the file", size=size,
                            limit=limits.file_bytes)
    return read(Path(path).read_bytes(), trust, limits)


def read(data: bytes, trust: Trust, limits: Limits = LIMITS) -> Bundle:
    """The bundle in ``data``, checked in this order: the zip's directory (names, duplicates,
    declared sizes and ratios); the signature over the manifest and the signer's chain; only
    then the manifest itself (format first) and its sender against the signer, the member list
    both ways, and every member's size and SHA-256 as it is read. Any failure is a
    BundleRefused with its reason code."""
    archive, entries = zipread.open_zip(data, limits, {MANIFEST: limits.manifest_bytes,
                                                       SIGNATURE: limits.signature_bytes})
    for name in (MANIFEST, SIGNATURE):
        if name not in entries:
            raise BundleRefused("sync.not_a_bundle", reason=f"it has no {name}")
    body = zipread.read_member(archive, entries[MANIFEST], limits.manifest_bytes)
    signature = zipread.read_member(archive, entries[SIGNATURE], limits.signature_bytes)
    signer = cms.verify(signature, body, trust)
    manifest = mf.parse(body)
    _check_sender(manifest, signer)
    members = _members(archive, entries, manifest, limits)
    return Bundle(manifest, members, signer, sha256(data))


def _check_sender(manifest: Manifest, signer: x509.Certificate) -> None:
    """A device signs only as itself, the office only as the office: one laptop's key cannot
    fill another's sequence."""
    expected = pki.device_id_of(signer) or OFFICE
    if manifest.sender != expected:
        raise BundleRefused("sync.wrong_sender", sender=manifest.sender, signer=expected)


def _members(archive, entries, manifest: Manifest, limits: Limits) -> dict[str, bytes]:
    declared = {m.name: m for m in manifest.members}
    if len(declared) != len(manifest.members):
        raise BundleRefused("sync.duplicate_member",
                            member=_first_repeat([m.name for m in manifest.members]))
    present = set(entries) - {MANIFEST, SIGNATURE}
    extra, missing = sorted(present - set(declared)), sorted(set(declared) - present)
    if extra:
        raise BundleRefused("sync.extra_member", member=extra[0])
    if missing:
        raise BundleRefused("sync.missing_member", member=missing[0])
    total = sum(m.size for m in manifest.members)
    if total > limits.total_bytes:
        raise BundleRefused("sync.too_large", what="the members together", size=total,
                            limit=limits.total_bytes)
    members = {}
    for name in sorted(declared):
        member, info = declared[name], entries[name]
        if info.file_size != member.size:
            raise BundleRefused("sync.bad_hash", member=name)
        data = zipread.read_member(archive, info, min(member.size, limits.member_bytes))
        if len(data) != member.size or sha256(data) != member.sha256:
            raise BundleRefused("sync.bad_hash", member=name)
        members[name] = data
    return members


def _first_repeat(names: list[str]) -> str:
    seen = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return ""
