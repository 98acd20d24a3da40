"""Acknowledgements (office → laptop): an ``ack`` bundle signed by the office naming, for one
device, the highest contiguous seq the office holds; the laptop prunes its outbox up to it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from . import bundle
from .errors import BundleRefused
from .manifest import OFFICE, canonical

KIND = "ack"
ACK = "ack.json"


@dataclass(frozen=True)
class Ack:
    device: str
    seq: int  # the highest contiguous seq the office holds (0: none yet)


def write(signer: bundle.Signer, device: str, seq: int, now: datetime,
          schema_version: int) -> bytes:
    # Acks stand outside the office's sequence (seq 0): a late one only prunes less.
    return bundle.write(KIND, {ACK: canonical({"device": device, "seq": seq})}, signer,
                        sender=OFFICE, seq=0, prev_sha256="", schema_version=schema_version,
                        created_at=now)


def read(data: bytes, trust: bundle.Trust) -> Ack:
    found = bundle.read(data, trust)
    if found.manifest.kind != KIND:
        raise BundleRefused("sync.wrong_kind", expected=KIND, kind=found.manifest.kind)
    if found.manifest.sender != OFFICE:
        raise BundleRefused("sync.wrong_sender", sender=found.manifest.sender, signer=OFFICE)
    try:
        value = json.loads(found.members[ACK].decode("utf-8"))
        device, seq = value["device"], value["seq"]
    except (KeyError, TypeError, UnicodeDecodeError, ValueError):
        raise BundleRefused("sync.bad_manifest", reason=f"{ACK} is not an acknowledgement") from None
    if not isinstance(device, str) or type(seq) is not int or seq < 0:
        raise BundleRefused("sync.bad_manifest", reason=f"{ACK} is not an acknowledgement")
    return Ack(device, seq)


def file_name(device: str, seq: int) -> str:
    return f"ack-{device}-{seq:06d}.zip"
