"""Finalize a visit in one transaction: receipts, payments, disputes, outcomes, the frozen record."""

from __future__ import annotations

import json
import logging
import uuid as uuidlib
from dataclasses import replace
from datetime import date, datetime

from ..domain.codec import canonical_json, sha256_of, visit_from_dict, visit_to_dict
from ..domain.errors import FieldappError
from ..domain.instants import to_text
from ..domain.visit import (OUTCOME_KINDS, Absence, Dispute, InstallmentPlan, MoneyReceived,
                            Promise, Visit, VisitStatus)
from ..domain.invoice_refs import named, numbered
from ..store import invoice_refs, visit_repo
from .changes import Changes
from .checklists import checklist
from ..domain.checklist import customer_signed_already
from .visit_check import check_visit, load_context

log = logging.getLogger(__name__)


class VisitIncomplete(FieldappError):
    """The visit has unfinished steps; ``errors`` maps step ids to field errors."""

    def __init__(self, errors):
        super().__init__("visit.incomplete", steps=", ".join(errors))
        self.errors = errors


def receipt_number(device_id: str, number: int) -> str:
    """Per-device receipt numbers: the device's short id and a gap-free counter."""
    return f"{device_id.replace('-', '')[:8].upper()}-{number:06d}"


def finalize(store, settings, visit: Visit, now: datetime, documents=None) -> tuple[Visit, Changes]:
    """Check, number, record and freeze ``visit``; nothing is written if anything fails.

    ``now`` is aware and in the user's zone: its date is the user's calendar day.
    Then, outside that transaction, ``documents`` (a services.documents.Documents) makes and
    signs the visit's PDFs."""
    original = original_of(store, settings, visit)
    steps = checklist(visit.kind.value)
    context = load_context(store, visit.customer_id, now.date(),
                           settings.promise_policy().grace_days)
    errors = check_visit(visit, steps, context, now.date(), settings, original)
    if errors:
        raise VisitIncomplete(errors)
    if visit.customer_signature is None and customer_signed_already(visit, steps, original):
        # Nothing the customer signed changed: their ink on the original covers the same words.
        visit = replace(visit, customer_signature=original.customer_signature)
    with store.sessions.begin() as session:
        _check_receipts_kept(session, visit)
        outcomes = _numbered(session, tuple(_record(session, visit, o, now)
                                            for o in visit.outcomes))
        final = replace(visit, outcomes=outcomes, status=VisitStatus.FINAL, finalized_at=now)
        data = visit_to_dict(final)
        visit_repo.finalize(session, visit.uuid, canonical_json(data), sha256_of(data),
                            to_text(now))
        made_on = None
        if visit.amends:
            # The commitments were made at the meeting the amendment corrects, not when corrected:
            # payments since then can keep them (DESIGN §9a).
            made_on = visit_repo.outcomes_made_on(session, visit.amends)
            visit_repo.supersede(session, visit.amends, visit.uuid)
        visit_repo.add_outcomes(session, outcome_rows(final, made_on))
    if documents is not None:
        _document(documents, final)
    paid = any(isinstance(o, MoneyReceived) for o in visit.outcomes)
    disputed = any(isinstance(o, Dispute) for o in visit.outcomes)
    return final, Changes(frozenset({visit.customer_id}), drafts=True, visits=True,
                          outcomes=bool(visit.outcomes), payments=paid, invoices=paid or disputed,
                          documents=documents is not None, follow_ups=True)


def original_of(store, settings, visit: Visit) -> Visit | None:
    """The final record an amendment corrects (None for anything else)."""
    if not visit.amends:
        return None
    with store.sessions() as session:
        data = visit_repo.load(session, visit.amends).data
    return visit_from_dict(data, settings.zone(), settings.legacy_zone())


def _document(documents, final: Visit) -> None:
    """The record is final whatever happens here: a failure is logged and the visit stays in
    Documents.pending() for another try, rather than undoing a finished visit."""
    try:
        documents.for_visit(final.uuid)
    except Exception:
        log.exception("the documents of visit %s could not be made", final.uuid)


def _check_receipts_kept(session, visit: Visit) -> None:
    """An amendment may not drop a receipt that was already handed to the customer."""
    if not visit.amends:
        return
    original = visit_repo.load(session, visit.amends).data
    issued = {o.get("receipt_no") for o in original["outcomes"] if o.get("receipt_no")}
    kept = {o.receipt_no for o in visit.outcomes if isinstance(o, MoneyReceived)}
    if issued - kept:
        raise FieldappError("receipt.already_issued", receipts=", ".join(sorted(issued - kept)))


def _record(session, visit: Visit, outcome, now: datetime):
    if isinstance(outcome, MoneyReceived) and not outcome.receipt_no:
        number = visit_repo.next_receipt_no(session, visit.device_id)
        # A post-dated cheque pays on its date: promises are judged by when money is good.
        paid_on = outcome.cheque_date or now.date()
        visit_repo.record_payment(
            session, visit.customer_id, visit.uuid, paid_on, outcome.amount.minor,
            outcome.amount.currency, outcome.method, outcome.reference,
            [(a.invoice_id, a.amount.minor) for a in outcome.allocations])
        return replace(outcome, receipt_no=receipt_number(visit.device_id, number))
    if isinstance(outcome, Dispute):
        visit_repo.mark_disputed(session, outcome.invoice_ids)
    return outcome


def _numbered(session, outcomes: tuple) -> tuple:
    """The outcomes with the numbers of the invoices they name beside the ids: the office
    numbers its invoices its own way and finds them by number (domain.invoice_refs)."""
    numbers = invoice_refs.numbers_by_id(session, {i for o in outcomes for i in named(o)[0]})
    return tuple(numbered(o, numbers) for o in outcomes)


def _row(visit: Visit, key: str, kind: str, made_on: date | None = None, **values) -> dict:
    base = dict(uuid=str(uuidlib.uuid5(uuidlib.UUID(visit.uuid), key)), visit_uuid=visit.uuid,
                customer_id=visit.customer_id, kind=kind,
                created_on=made_on or visit.finalized_at.date(),
                due_on=None, deadline_at=None, amount_minor=0, currency="", receipt_no="",
                body="{}")
    return {**base, **values}


def reminder_body(days: int | None) -> str:
    """The stored body of a promise or installment line: the visit's reminder days (None: the
    profile's setting). The follow-up lists rely on this exact spelling to skip far dates."""
    return json.dumps({"reminder_days": days})


def outcome_rows(visit: Visit, made_on: date | None = None) -> list[dict]:
    """Flat rows the follow-up lists query: one per outcome, one per installment line, made on
    ``made_on`` (an amendment: its original's day) or the day the visit was finalized."""
    rows = []
    remind = reminder_body(visit.answers.get("reminder_days"))
    for i, o in enumerate(visit.outcomes):
        kind = OUTCOME_KINDS[type(o)].value
        body = json.dumps(visit_to_dict(replace(visit, outcomes=(o,)))["outcomes"][0],
                          ensure_ascii=False)
        extra = {}
        if isinstance(o, (MoneyReceived, Promise)):
            extra = dict(amount_minor=o.amount.minor, currency=o.amount.currency)
        if isinstance(o, MoneyReceived):
            extra["receipt_no"] = o.receipt_no
        if isinstance(o, Promise):
            extra["due_on"] = o.due_on
            body = remind
        if isinstance(o, InstallmentPlan):
            extra = dict(amount_minor=o.total.minor, currency=o.total.currency,
                         due_on=o.lines[-1].due_on)
            rows += [_row(visit, f"{i}.{n}", "installment", made_on, due_on=line.due_on,
                          amount_minor=line.amount.minor, currency=line.amount.currency,
                          body=remind)
                     for n, line in enumerate(o.lines, 1)]
        if isinstance(o, Dispute):
            # The deadline's day in the zone the visit was finalized in (the user's).
            deadline = o.deadline.astimezone(visit.finalized_at.tzinfo)
            extra = dict(deadline_at=to_text(deadline), due_on=deadline.date())
        if isinstance(o, Absence):
            extra = dict(due_on=o.revisit_on)
        rows.append(_row(visit, str(i), kind, made_on, body=body, **extra))
    follow_up = visit.answers.get("follow_up_on")
    if follow_up:
        rows.append(_row(visit, "follow_up", "follow_up", made_on, due_on=datetime.fromisoformat(follow_up).date()))
    return rows
