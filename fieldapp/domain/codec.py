"""Visits to and from canonical JSON: the stored form, hashed once final."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import fields, is_dataclass
from datetime import date, datetime, tzinfo
from enum import Enum

from .errors import InvalidValue
from .instants import UTC, from_text, to_text
from .installments import Frequency, InstallmentLine
from .money import Money
from .records import Allocation
from .text import clean_text
from .visit import (OUTCOME_KINDS, Absence, Dispute, DisputeReason, InstallmentPlan,
                    MoneyReceived, NextStep, OutcomeKind, Promise, Refusal, Signature, Visit,
                    VisitKind, VisitStatus)

FORMAT = 1
_BY_KIND = {kind.value: cls for cls, kind in OUTCOME_KINDS.items()}


def _plain(value):
    if isinstance(value, str):
        # Stored text is NFC: some Vietnamese keyboards type tone marks as combining characters.
        return unicodedata.normalize("NFC", clean_text(value))
    if isinstance(value, Money):
        return {"minor": value.minor, "currency": value.currency}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return to_text(value)  # an instant: UTC with offset; naive ones are refused
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def visit_to_dict(visit: Visit) -> dict:
    data = _plain(visit)
    data["outcomes"] = [_outcome_dict(o) for o in visit.outcomes]
    data["format"] = FORMAT
    return data


def _outcome_dict(outcome) -> dict:
    data = {"kind": OUTCOME_KINDS[type(outcome)].value, **_plain(outcome)}
    # Only when there are numbers: a record from before them keeps its exact JSON and hash.
    if not data.get("invoice_numbers"):
        data.pop("invoice_numbers", None)
    return data


def canonical_json(data: dict) -> str:
    """One spelling per content: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_of(data: dict) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def _money(d):
    return Money(d["minor"], d["currency"])


def _day(s):
    return date.fromisoformat(s) if s else None


def _numbers(d: dict) -> tuple[str, ...]:
    return tuple(d.get("invoice_numbers", ()))


def _outcome(d: dict, moment):
    kind = OutcomeKind(d["kind"])
    if kind is OutcomeKind.MONEY_RECEIVED:
        allocs = tuple(Allocation(a["invoice_id"], a["invoice_number"], _money(a["amount"]))
                       for a in d["allocations"])
        return MoneyReceived(_money(d["amount"]), d["method"], d["reference"], allocs,
                             _day(d.get("cheque_date")), d.get("receipt_no", ""))
    if kind is OutcomeKind.PROMISE:
        return Promise(_money(d["amount"]), _day(d["due_on"]), d["promised_by"],
                       tuple(d.get("invoice_ids", ())), _numbers(d))
    if kind is OutcomeKind.INSTALLMENT_PLAN:
        lines = tuple(InstallmentLine(_day(l["due_on"]), _money(l["amount"]), l["down_payment"])
                      for l in d["lines"])
        return InstallmentPlan(_money(d["total"]), lines, Frequency(d["frequency"]),
                               d["discount_pct"], _day(d.get("discount_until")),
                               d.get("default_clause", ""), tuple(d.get("invoice_ids", ())),
                               _numbers(d))
    if kind is OutcomeKind.DISPUTE:
        return Dispute(DisputeReason(d["reason"]), tuple(d["invoice_ids"]), d["description"],
                       d["proposed_resolution"], moment(d["captured_at"]), tuple(d["evidence"]),
                       _numbers(d))
    if kind is OutcomeKind.REFUSAL:
        return Refusal(d["reason"], NextStep(d["next_step"]))
    return Absence(d["note"], _day(d["revisit_on"]), tuple(d.get("photos", ())))


def _signature(d):
    if not d:
        return None
    strokes = tuple(tuple((float(x), float(y)) for x, y in s) for s in d["strokes"])
    return Signature(d["signer_name"], d["signer_title"], strokes, d["width"], d["height"])


def visit_from_dict(d: dict, zone: tzinfo = UTC, legacy_zone: tzinfo | None = None) -> Visit:
    """The visit with its instants in ``zone``; records from before schema 5 hold local times
    without an offset, which mean ``legacy_zone`` (their stored JSON is signed, so kept)."""
    def moment(s):
        return from_text(s, zone, legacy_zone) if s else None

    if d.get("format", FORMAT) > FORMAT:
        raise InvalidValue("visit.format_newer", format=d["format"], known=FORMAT)
    return Visit(d["uuid"], d["customer_id"], VisitKind(d["kind"]), moment(d["started_at"]),
                 d["collector"], d["device_id"], d.get("answers", {}),
                 tuple(_outcome(o, moment) for o in d.get("outcomes", ())),
                 _signature(d.get("customer_signature")), _signature(d.get("collector_signature")),
                 VisitStatus(d["status"]), moment(d.get("finalized_at")), d.get("amends"),
                 d.get("amend_reason", ""))
