"""Day bundles (laptop → office): the members of one, and the records read back from them.

``records.json`` is a canonical JSON list of {"kind", "row", "ref"} in insertion order (visits
before what refers to them); "ref" names what the row's integer ids stand for, which differ
between the laptop's database and the office's: {"customer": code}, or for an allocation
{"invoice": [customer code, invoice number]} (store/field_records.py). A document's PDF is
``documents/<id>.pdf``, an attachment's bytes ``attachments/<uuid>.bin``."""

from __future__ import annotations

import json

from .errors import BundleRefused
from .manifest import canonical

KIND = "day"
RECORDS = "records.json"


def members(records: list[dict], blobs: dict[str, bytes]) -> dict[str, bytes]:
    return {RECORDS: canonical(records), **blobs}


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
        if name == RECORDS:
            continue
        if not (name.startswith("documents/") or name.startswith("attachments/")):
            raise BundleRefused("sync.extra_member", member=name)
        blobs[name] = data
    return records, blobs
