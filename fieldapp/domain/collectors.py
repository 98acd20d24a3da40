"""Collectors and the assignment of customers to them: the records the office reads and writes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from .errors import InvalidValue
from .money import Money
from .text import clean_text

# The languages a collector's laptop can show (i18n.languages.LANGUAGES, in the office's order).
COLLECTOR_LANGUAGES = ("vi", "zh_TW", "zh_CN", "en")
NAME_MAX = 80
PHONE_MAX = 30  # the column's width


SHORT_ID = 8  # how much of a device id people read (the first block of the UUID)


@dataclass(frozen=True, slots=True)
class CollectorDevice:
    """A laptop enrolled for a collector, as collector lists show it."""

    id: str
    enrolled_at: datetime  # UTC
    revoked: bool = False

    @property
    def short_id(self) -> str:
        return self.id[:SHORT_ID]


@dataclass(frozen=True, slots=True)
class Collector:
    """A person who visits customers. ``devices`` are the laptops enrolled for them, oldest
    first, revoked ones included (``laptops`` counts those the office still trusts)."""

    id: str
    name: str
    phone: str
    language: str
    active: bool
    created_at: datetime
    devices: tuple[CollectorDevice, ...] = ()

    @property
    def laptops(self) -> int:
        return sum(1 for d in self.devices if not d.revoked)


@dataclass(frozen=True, slots=True)
class CollectorLoad:
    """A collector with what they carry: how many customers, their overdue balance per
    currency (past due on the office's today) and their customers' open follow-ups (promises
    and installment lines not yet judged, open disputes, revisits)."""

    collector: Collector
    customers: int
    overdue: tuple[Money, ...] = ()
    follow_ups: int = 0


@dataclass(frozen=True, slots=True)
class AssignedCustomer:
    """A customer as assignment lists show it."""

    id: int
    code: str
    name: str
    district: str
    province: str
    territory: str
    collector_id: str | None
    collector_name: str
    overdue: tuple[Money, ...] = ()


@dataclass(frozen=True, slots=True)
class AssignmentChange:
    """One customer's change of collector, as the log keeps it; ``None`` means no collector.
    Names are read at listing time ('' for no collector)."""

    id: str
    batch_id: str
    at: datetime  # UTC
    actor: str
    customer_id: int
    customer_code: str
    customer_name: str
    from_collector: str | None
    from_name: str
    to_collector: str | None
    to_name: str
    undone_by: str | None


@dataclass(frozen=True, slots=True)
class AssignmentBatch:
    """The changes one assignment (or one undo) made together. ``undoes`` names the batch this
    one undid; ``undone_by`` the batch that undid this one."""

    batch_id: str
    at: datetime
    actor: str
    customers: int
    to_names: tuple[str, ...]
    undone_by: str | None
    undoes: str | None


def clean_name(name: str) -> str:
    """A collector's name as stored: NFC, trimmed, inner runs of spaces made one; refused
    when empty or too long."""
    text = " ".join(unicodedata.normalize("NFC", clean_text(name or "")).split())
    if not text:
        raise InvalidValue("collector.name_required")
    if len(text) > NAME_MAX:
        raise InvalidValue("collector.name_too_long", length=len(text), max=NAME_MAX)
    return text


def clean_phone(phone: str) -> str:
    text = unicodedata.normalize("NFC", clean_text(phone or "")).strip()
    if len(text) > PHONE_MAX:
        raise InvalidValue("collector.phone_too_long", length=len(text), max=PHONE_MAX)
    return text


def check_language(language: str) -> str:
    if language not in COLLECTOR_LANGUAGES:
        raise InvalidValue("collector.language", language=language,
                           languages=", ".join(COLLECTOR_LANGUAGES))
    return language
