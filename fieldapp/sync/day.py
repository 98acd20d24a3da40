"""Day bundles (laptop → office): the members of one, and the records read back from them.

``records.json`` is a canonical JSON list of {"kind", "row", "ref"} in insertion order (visits
before what refers to them); "ref" names what the row's integer ids stand for, which differ
between the laptop's database and the office's: {"customer": code}, or for an allocation
{"invoice": [customer code, invoice number]} (store/field_records.py). A document's PDF is
``documents/<id>.pdf``, an attachment's bytes ``attachments/<uuid>.bin``. The optional
``pack_state.json`` says which assignment pack the laptop holds: {"pack_version",
"customer_set_hash"} (the office confirms that version and compares the hash with what it sent;
a bundle without it confirms nothing)."""

from __future__ import annotations

import json
import re

from .errors import BundleRefused
from .manifest import canonical

KIND = "day"
RECORDS = "records.json"
STATE = "pack_state.json"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def members(records: list[dict], blobs: dict[str, bytes],
            state: dict | None = None) -> dict[str, bytes]:
    out = {RECORDS: canonical(records), **blobs}
    if state is not None:
        out[STATE] = canonical(state)
    return out


def state_of(members_read: dict[str, bytes]) -> dict | None:
    """The pack state a verified day bundle reports (None when it reports none)."""
    if STATE not in members_read:
        return None
    try:
        value = json.loads(members_read[STATE].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused("sync.bad_records", reason=f"{STATE} is not JSON ({exc})") from None
    if not (isinstance(value, dict) and set(value) == {"pack_version", "customer_set_hash"}
            and type(value["pack_version"]) is int and value["pack_version"] >= 0
            and isinstance(value["customer_set_hash"], str)
            and _HEX64.fullmatch(value["customer_set_hash"])):
        raise BundleRefused("sync.bad_records", reason=f"{STATE} is not a pack state")
    return value


def records_of(members_read: dict[str, bytes]) -> tuple[list[dict], dict[str, bytes]]:
    """(records, blobs) of a verified day bundle; a member outside the format is refused."""
    if RECORDS not in members_read:
        raise BundleRefused("sync.missing_member", member=RECORDS)
    try:
        records = json.loads(members_read[RECORDS].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleRefused("sync.bad_records", reason=f"{RECORDS} is not JSON ({exc})") from None
    if not isinstance(records, list):
        raise BundleRefused("sync.bad_records", reason=f"{RECORDS} is not a list")
    blobs = {}
    for name, data in members_read.items():
        if name in (RECORDS, STATE):
            continue
        if not (name.startswith("documents/") or name.startswith("attachments/")):
            raise BundleRefused("sync.extra_member", member=name)
        blobs[name] = data
    return records, blobs
