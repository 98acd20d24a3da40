"""Visit lifecycle: start, autosave drafts, recover, discard, amend, read the history."""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from ..clock import utc_now
from ..domain.codec import canonical_json, visit_from_dict, visit_to_dict
from ..domain.errors import FieldappError
from ..domain.instants import in_zone, to_text
from ..domain.stored import DraftInfo  # noqa: F401 (the ui names it through the services)
from ..domain.visit import Visit, VisitKind, VisitStatus
from ..domain.validation import FieldError
from ..store import receipt_repo, visit_repo
from . import finalize as finalizing
from . import settings as cfg
from .changes import Changes
from .checklists import checklist
from .visit_check import VisitContext, check_step, load_context


@dataclass(frozen=True)
class HistoryEntry:
    """A finalized visit as the customer's history shows it."""

    visit: Visit
    sha256: str
    amended_by: tuple[str, ...]


class Visits:
    """Drafts are saved on every change, so a crash loses nothing."""

    def __init__(self, store, settings: cfg.Settings, now: Callable[[], datetime] = utc_now,
                 documents=None):
        self._store = store
        self.settings = settings
        self.now = now
        self.documents = documents  # services.documents.Documents: PDFs made on finalizing

    def start(self, customer_id: int, kind: VisitKind = VisitKind.VISIT) -> Visit:
        visit = Visit(str(uuidlib.uuid4()), customer_id, kind, self._now(),
                      self.settings.get(cfg.COLLECTOR_NAME), self.settings.device_id(),
                      {"reminder_days": self.settings.get(cfg.REMINDER_DAYS)})
        self.save_draft(visit)
        return visit

    def _now(self) -> datetime:
        """Now in the user's zone, so .date() is the user's calendar day."""
        return in_zone(self.now(), self.settings.zone())

    def _decode(self, data: dict) -> Visit:
        return visit_from_dict(data, self.settings.zone(), self.settings.legacy_zone())

    def save_draft(self, visit: Visit) -> Changes:
        if visit.status is not VisitStatus.DRAFT:
            raise FieldappError("visit.save_not_draft")
        data = visit_to_dict(visit)
        with self._store.sessions.begin() as session:
            visit_repo.save_draft(session, data, canonical_json(data), to_text(self._now()))
        return Changes(frozenset({visit.customer_id}), drafts=True)

    def drafts(self) -> list[DraftInfo]:
        with self._store.sessions() as session:
            return visit_repo.drafts(session, self.settings.zone())

    def load(self, uuid: str) -> Visit:
        with self._store.sessions() as session:
            stored = visit_repo.load(session, uuid)
        return self._decode(stored.data)

    def discard(self, uuid: str) -> Changes:
        with self._store.sessions.begin() as session:
            visit_repo.delete_draft(session, uuid)
        return Changes(drafts=True)

    def context(self, customer_id: int) -> VisitContext:
        """The customer's open invoices, to check amounts against."""
        return load_context(self._store, customer_id, self._now().date(),
                            self.settings.promise_policy().grace_days)

    def check_step(self, step_id: str, visit: Visit) -> list[FieldError]:
        """What keeps one step of ``visit`` from being finished."""
        original = finalizing.original_of(self._store, self.settings, visit) \
            if step_id == "sign" else None
        return check_step(step_id, visit, checklist(visit.kind.value),
                          self.context(visit.customer_id), self._now().date(), self.settings,
                          original)

    def finalize(self, visit: Visit, make_documents: bool = True) -> tuple[Visit, Changes]:
        """Freeze the visit; raises VisitIncomplete naming the unfinished steps.

        ``make_documents=False``: the caller makes them (the window draws and signs them off
        the database thread, through Documents.plan_for_visit / make / keep_for_visit)."""
        self.save_draft(visit)
        return finalizing.finalize(self._store, self.settings, visit, self._now(),
                                   self.documents if make_documents else None)

    def amend(self, original_uuid: str, reason: str) -> Visit:
        """A new draft that corrects a final visit; the original stays as it was."""
        if not reason.strip():
            raise FieldappError("amendment.reason_required")
        original = self.load(original_uuid)
        if original.status is not VisitStatus.FINAL:
            raise FieldappError("amendment.not_final")
        # The meeting took place when it did: the amendment keeps its time (finalized_at
        # says when the correction was made).
        draft = replace(original, uuid=str(uuidlib.uuid4()), status=VisitStatus.DRAFT,
                        finalized_at=None, amends=original_uuid,
                        amend_reason=reason.strip(), customer_signature=None,
                        collector_signature=None)
        self.save_draft(draft)
        return draft

    def voided_receipts(self, customer_id: int) -> dict[str, str]:
        """The customer's receipts the office voided (number → reason): the history says so."""
        with self._store.sessions() as session:
            return receipt_repo.voided_of_customer(session, customer_id)

    def history(self, customer_id: int) -> list[HistoryEntry]:
        with self._store.sessions() as session:
            records = visit_repo.history(session, customer_id)
        visits = [(self._decode(json.loads(r.body)), r.sha256) for r in records]
        amended_by: dict[str, list[str]] = {}
        for v, _sha in visits:
            if v.amends:
                amended_by.setdefault(v.amends, []).append(v.uuid)
        return [HistoryEntry(v, sha, tuple(amended_by.get(v.uuid, ()))) for v, sha in visits]
