"""Master data a collector may correct on the laptop (a contact's phone, a new contact, the
customer's address), the values allowed, and how the office judges an edit against its own."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import InvalidValue
from .text import clean_text

CUSTOMER, CONTACT = "customer", "contact"
# What a laptop may edit, per entity. ``added`` is a new contact (its phone the new value).
FIELDS = {CUSTOMER: ("address", "district", "province"), CONTACT: ("phone", "added")}
PHONE_MAX = 30  # the column's width
NAME_MAX = 200
ADDRESS_MAX = 500
_PHONE_MARKS = set("+-(). /")

# What became of an edit at the office.
FAST_FORWARD = "applied"  # the office's row was still at the edit's base version
PARALLEL = "parallel"  # the office changed other fields since: this one applied
SAME = "same"  # the office already holds the laptop's value
CONFLICT = "conflict"  # the same field changed at the office: the supervisor decides
RESULTS = (FAST_FORWARD, PARALLEL, SAME, CONFLICT)
# A supervisor's answers to a conflict.
TAKE_OFFICE, TAKE_LAPTOP, TAKE_VALUE = "office", "laptop", "value"
TAKES = (TAKE_OFFICE, TAKE_LAPTOP, TAKE_VALUE)


@dataclass(frozen=True)
class MasterEdit:
    """One field of one customer (or of one of its contacts) as the laptop changed it."""

    uuid: str
    customer_code: str
    entity: str
    contact_name: str
    field: str
    old_value: str  # the base: the value the laptop had before
    new_value: str
    base_version: int  # the row version the laptop had before (0: a contact it added)
    at: str
    device: str


@dataclass(frozen=True)
class Conflict:
    """A field changed on both sides since the laptop's base, open until resolved."""

    id: str
    customer_code: str
    customer_name: str
    entity: str
    contact_name: str
    field: str
    base_value: str
    office_value: str
    laptop_value: str
    device: str
    collector: str
    edited_at: str
    created_at: str
    resolved_at: str | None = None
    resolution: str | None = None
    resolved_value: str | None = None


def judge(edit_old: str, edit_new: str, office_now: str | None, base_version: int,
          office_version: int) -> str:
    """What the office does with an edit, field by field (ODK Entities, Salesforce's
    MERGE_FAIL_IF_CONFLICT): ``office_now`` None means the row is gone at the office."""
    if office_now is not None and office_now == edit_new:
        return SAME
    if office_now is None or office_now != edit_old:
        return CONFLICT
    return FAST_FORWARD if office_version == base_version else PARALLEL


def clean_phone(phone: str) -> str:
    """A phone as typed, NFC and trimmed: digits with + - ( ) . / and spaces, 6 digits at least."""
    text = " ".join(unicodedata.normalize("NFC", clean_text(phone or "")).split())
    if not text:
        raise InvalidValue("master.phone_required")
    if len(text) > PHONE_MAX:
        raise InvalidValue("master.phone_too_long", length=len(text), max=PHONE_MAX)
    if any(not (c.isdigit() or c in _PHONE_MARKS) for c in text) \
            or sum(c.isdigit() for c in text) < 6:
        raise InvalidValue("master.phone_invalid", phone=text)
    return text


def clean_name(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", clean_text(name or "")).split())
    if not text:
        raise InvalidValue("master.name_required")
    if len(text) > NAME_MAX:
        raise InvalidValue("master.name_too_long", length=len(text), max=NAME_MAX)
    return text


def clean_address_part(field: str, value: str) -> str:
    """An address line, district or province: NFC, one line; the line itself is required."""
    text = " ".join(unicodedata.normalize("NFC", clean_text(value or "")).split())
    if field == "address" and not text:
        raise InvalidValue("master.address_required")
    if len(text) > ADDRESS_MAX:
        raise InvalidValue("master.address_too_long", length=len(text), max=ADDRESS_MAX)
    return text


def check_field(entity: str, field: str) -> None:
    if field not in FIELDS.get(entity, ()):
        raise InvalidValue("master.unknown_field", entity=entity, field=field)
