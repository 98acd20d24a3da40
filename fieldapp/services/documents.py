"""Documents of finalized visits and statements: generate, sign with the device key, store, list."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from ..clock import utc_now
from ..documents.keys import DeviceKeys, LocalDevelopmentCA, keys_folder
from ..documents.model import RECORD_FILE, Company, RecordInput, Revision, Signing, record_number
from ..domain.codec import visit_from_dict
from ..domain.errors import FieldappError
from ..domain.instants import day_bounds, from_text, in_zone, to_text
from ..domain.money import Money
from ..domain.records import Invoice
# NamedDocument is re-exported: the ui names the records it shows through the services.
from ..domain.stored import DocumentInfo, DocumentKind, LastFinalized, NamedDocument  # noqa: F401
from ..domain.visit import InstallmentPlan, MoneyReceived, Visit
from ..store import document_repo, queries, settings_repo
from . import settings as cfg
from .changes import Changes
from .checklists import checklist
from .document_steps import PinnedKeys, Planned

log = logging.getLogger(__name__)


AGREEMENT_KINDS = (DocumentKind.AGREEMENT, DocumentKind.AGREEMENT_PRINT)
# When the start-up check last looked for documents a crash left pending (UTC text), and how
# many it makes at most: a crash interrupts one finalize, not a hundred.
CHECKED_AT_START = "documents.checked_at_start"
AT_START = 5


def device_keys(home: Path, settings: cfg.Settings, today: Callable[[], date]) -> DeviceKeys:
    """The one place that picks the key storage: the enrolled key once the office's answer is
    installed, the development CA before (looked at for every document). ``today`` is the
    program's clock, which the development certificates follow (``--today``)."""
    from ..sync import laptop_keys  # noqa: PLC0415 (cryptography with the first document)

    def holder() -> str:
        return settings.get(cfg.COLLECTOR_NAME)
    # An answer installed from the window signs the next document, not the next start's.
    return laptop_keys.FollowingKeys(
        keys_folder(home), LocalDevelopmentCA(keys_folder(home), settings.device_id(), holder,
                                              today), holder)


def _reviewed(invoices, paid: dict[int, int], day: date) -> tuple[Invoice, ...]:
    """Invoices open when the visit took place: today's balance plus what the visit itself took,
    of invoices issued by then (a record made later must not list what came after)."""
    result = []
    for inv in sorted(invoices, key=lambda i: (i.due_on, i.number)):
        if inv.issued_on > day:
            continue
        before = inv.open_balance.minor + paid.get(inv.id, 0)
        if before:
            result.append(replace(inv, open_balance=Money(before, inv.open_balance.currency)))
    return tuple(result)


class Documents:
    """Signed PDFs in the customer's language; making a visit's documents is idempotent."""

    def __init__(self, store, settings: cfg.Settings, keys: DeviceKeys,
                 now: Callable[[], datetime] = utc_now):
        self._store, self.settings, self.keys, self.now = store, settings, keys, now

    def _now(self) -> datetime:
        """Now in the user's zone, so .date() is the user's calendar day."""
        return in_zone(self.now(), self.settings.zone())

    def _decode(self, body: str) -> Visit:
        return visit_from_dict(json.loads(body), self.settings.zone(), self.settings.legacy_zone())

    def company(self) -> Company:
        get = self.settings.get
        return Company(get(cfg.COMPANY_NAME), get(cfg.COMPANY_ADDRESS), get(cfg.COMPANY_TAX_CODE),
                       get(cfg.COMPANY_PHONE))

    def for_visit(self, visit_uuid: str) -> tuple[list[DocumentInfo], Changes]:
        """Make what a finalized visit still lacks: its record, an agreement per plan, a receipt
        per sum taken (a receipt an amendment keeps is not issued twice). What could be made is
        kept even when another document fails; then the first failure is raised."""
        customer_id, planned = self.plan_for_visit(visit_uuid)
        made, failed = self.make_all(planned)
        result = self.keep_for_visit(visit_uuid, customer_id, made)
        if failed:
            raise failed[0]
        return result

    def make_all(self, planned: list[Planned]) -> tuple[list[dict], list[FieldappError]]:
        """``make`` each of ``planned``: (the rows made, the failures); no database."""
        made, failed = [], []
        for one in planned:
            try:
                made.append(self.make(one))
            except FieldappError as error:
                failed.append(error)
        return made, failed

    def missing(self, visit_uuid: str) -> list[tuple[DocumentKind, str]]:
        """(kind, number) of the documents a finalized visit should have and does not: pending
        after a failure or a crash while finalizing."""
        rec, _body = self._record(visit_uuid)
        wanted = [(kind, number) for kind, number, _build in self._wanted(rec)]
        missing = self._missing(visit_uuid, rec.visit, wanted)
        return [item for item in wanted if item in missing]

    def last_finalized(self) -> LastFinalized | None:
        """The visit finalized last on this laptop, its customer and receipt numbers: said at
        start-up so that nobody records the same money twice after a crash."""
        with self._store.sessions() as session:
            last = document_repo.last_final(session)
        if last is None:
            return None
        visit = self._decode(last.body)
        receipts = tuple(o.receipt_no for o in visit.outcomes
                         if isinstance(o, MoneyReceived) and o.receipt_no)
        return LastFinalized(visit.uuid, last.customer_name, visit.finalized_at, receipts)

    def plan_for_visit(self, visit_uuid: str) -> tuple[int, list[Planned]]:
        """The customer and the documents a finalized visit still lacks (reads the store)."""
        rec, body = self._record(visit_uuid)
        missing = self._missing(visit_uuid, rec.visit,
                                [(kind, number) for kind, number, _build in self._wanted(rec)])
        keys = PinnedKeys(self.keys) if missing else self.keys
        return rec.visit.customer_id, [
            Planned(kind, number, build, rec.visit.customer_id, visit_uuid, rec.language,
                    rec.sha256, body, keys)
            for kind, number, build in self._wanted(rec) if (kind, number) in missing]

    def keep_for_visit(self, visit_uuid: str, customer_id: int, rows: list[dict]
                       ) -> tuple[list[DocumentInfo], Changes]:
        """Store what ``make`` gave, but nothing another caller stored meanwhile."""
        if rows:
            visit = self._record(visit_uuid)[0].visit
            missing = self._missing(visit_uuid, visit, [(DocumentKind(r["kind"]), r["number"])
                                                        for r in rows])
            self._save([r for r in rows if (DocumentKind(r["kind"]), r["number"]) in missing])
        return self.of_visit(visit_uuid), Changes(frozenset({customer_id}), documents=True)

    def _missing(self, visit_uuid: str, visit: Visit, wanted) -> set:
        have = {(d.kind, d.number) for d in self.of_visit(visit_uuid)}
        with self._store.sessions() as session:
            issued = document_repo.documented_numbers(session, DocumentKind.RECEIPT.value, [
                o.receipt_no for o in visit.outcomes if isinstance(o, MoneyReceived)])
        return {(kind, number) for kind, number in wanted if (kind, number) not in have
                and not (kind is DocumentKind.RECEIPT and number in issued)}

    def _wanted(self, rec: RecordInput):
        """(kind, number, build) of every document the record calls for."""
        from ..documents import agreement, receipt, visit_record  # noqa: PLC0415 (see _sign)
        yield DocumentKind.VISIT_RECORD, rec.number, lambda: visit_record.build(rec)
        # Without the customer's ink on the pad (a call), the agreement is printed for ink.
        wet = rec.visit.customer_signature is None
        for n, plan in enumerate(_plans(rec.visit), 1):
            yield (DocumentKind.AGREEMENT, agreement.number(rec, n),
                   lambda plan=plan, n=n: agreement.build(rec, plan, n, wet))
        for money in (o for o in rec.visit.outcomes if isinstance(o, MoneyReceived)):
            yield DocumentKind.RECEIPT, money.receipt_no, lambda m=money: receipt.build(rec, m)

    def agreement_for_print(self, visit_uuid: str, index: int = 1) -> tuple[DocumentInfo, Changes]:
        """The ``index``-th plan of a visit as an agreement with empty boxes for ink."""
        return self.keep(self.make(self.plan_agreement_for_print(visit_uuid, index)))

    def statement(self, customer_id: int, as_of: date | None = None
                  ) -> tuple[DocumentInfo, Changes]:
        """A signed statement of account as of ``as_of`` (default today), kept with the customer."""
        return self.keep(self.make(self.plan_statement(customer_id, as_of)))

    # The three steps of a document, for callers that keep the database on one thread:
    # plan (reads the store), make (draws and signs, no database), keep (writes).
    def plan_agreement_for_print(self, visit_uuid: str, index: int = 1) -> Planned:
        from ..documents import agreement  # noqa: PLC0415 (see _sign)
        rec, body = self._record(visit_uuid)
        plans = _plans(rec.visit)
        if not 1 <= index <= len(plans):
            raise FieldappError("document.no_plan", visit=visit_uuid, count=len(plans), index=index)
        plan = plans[index - 1]
        return Planned(DocumentKind.AGREEMENT_PRINT, agreement.number(rec, index),
                       lambda: agreement.build(rec, plan, index, wet=True), rec.visit.customer_id,
                       visit_uuid, rec.language, rec.sha256, body, PinnedKeys(self.keys))

    def plan_statement(self, customer_id: int, as_of: date | None = None) -> Planned:
        from ..documents import statement  # noqa: PLC0415 (see _sign)
        with self._store.sessions() as session:
            file = queries.customer_file(session, customer_id, as_of or self._now().date())
        data = statement.StatementInput(file, self.company(), self._signing(),
                                        self.settings.get(cfg.COLLECTOR_NAME))
        return Planned(DocumentKind.STATEMENT, statement.number(file),
                       lambda: statement.build(data), customer_id, None, data.language, "", "",
                       PinnedKeys(self.keys))

    def make(self, planned: Planned) -> dict:
        """Draw and sign ``planned``: touches no database, so it may run beside it."""
        try:
            pdf = planned.build()
        except FieldappError:
            raise
        except Exception as error:  # noqa: BLE001 (ReportLab's LayoutError and kin)
            # The reason (a ReportLab repr) goes to the log; the person reads which document.
            log.exception("%s %s could not be drawn", planned.kind.value, planned.number)
            raise FieldappError("document.not_made", kind=planned.kind.value,
                                number=planned.number) from error
        return self._sign(planned.kind, planned.number, pdf, planned.customer_id,
                          planned.visit_uuid, planned.language, planned.record_sha, planned.body,
                          planned.keys)

    def keep(self, row: dict) -> tuple[DocumentInfo, Changes]:
        """Store a document ``make`` gave."""
        self._save([row])
        return self._info_of(row), Changes(frozenset({row["customer_id"]}), documents=True)

    def of_visit(self, visit_uuid: str) -> list[DocumentInfo]:
        with self._store.sessions() as session:
            return document_repo.of_visit(session, visit_uuid, self.settings.zone())

    def of_customer(self, customer_id: int) -> list[DocumentInfo]:
        """The customer's documents, newest first."""
        with self._store.sessions() as session:
            return document_repo.of_customer(session, customer_id, self.settings.zone())

    def agreements_made_on(self, day: date) -> list[NamedDocument]:
        """Agreements made on ``day`` across customers, signed ones and versions printed for
        ink alike, oldest first (to print a day's agreements in one go)."""
        zone = self.settings.zone()
        start, end = day_bounds(day, zone)  # the user's day, as stored UTC text
        with self._store.sessions() as session:
            return document_repo.made_between(session, [k.value for k in AGREEMENT_KINDS],
                                              start, end, zone)

    def _info_of(self, values: dict) -> DocumentInfo:
        return _info_of(values, self.settings.zone())

    def pdf(self, document_id: str) -> bytes:
        with self._store.sessions() as session:
            return document_repo.data(session, document_id)

    def pending(self) -> list[str]:
        """Finalized visits still without a record document (generation failed or was skipped)."""
        with self._store.sessions() as session:
            return document_repo.undocumented_visits(session, DocumentKind.VISIT_RECORD.value)

    def pending_at_start(self) -> tuple[list[str], str]:
        """Visits a crash left without their record: those finalized since the last start-up
        check (without one yet, in the last day), at most AT_START, newest last; and the moment
        of this check, for ``checked_at_start``. Older pending visits wait for Retry: the demo's
        bulk history, for one, has no documents by design."""
        now = self.now()
        with self._store.sessions() as session:
            since = settings_repo.read_all(session).get(CHECKED_AT_START)
            since = since or to_text(now - timedelta(days=1))
            found = document_repo.undocumented_visits(session, DocumentKind.VISIT_RECORD.value,
                                                      since)
        return found[-AT_START:], to_text(now)

    def checked_at_start(self, moment: str) -> None:
        with self._store.sessions.begin() as session:
            settings_repo.write(session, {CHECKED_AT_START: moment})

    def _collector_title(self, language: str) -> str:
        """The title typed in the settings for documents in ``language``."""
        return self.settings.collector_title(language)

    def _signing(self) -> Signing:
        return Signing(self.keys.signer_name(), self.keys.is_development())

    def record_input(self, visit_uuid: str, customer_id: int | None = None) -> RecordInput:
        """What the documents of a final visit print. The office's batch printing draws the
        same agreements from the records it imported, giving ``customer_id`` (its own id of
        the customer: the signed record keeps the laptop's)."""
        return self._record(visit_uuid, customer_id)[0]

    def _record(self, visit_uuid: str, customer_id: int | None = None
                ) -> tuple[RecordInput, str]:
        """The record input of a final visit, and its canonical JSON (checked against its hash)."""
        with self._store.sessions() as session:
            stored = document_repo.final_record(session, visit_uuid)
            body, sha = stored.body, stored.sha256
            visit = self._decode(body)
            earlier = _earlier(session, visit, self._decode)
            file = queries.customer_file(session, customer_id or visit.customer_id,
                                         visit.started_at.date())
            # The money of an amended meeting stays booked under the original visit: the
            # balances the record shows count every revision's payments, each once.
            paid: dict[int, int] = {}
            for uuid in [visit_uuid, *(v.uuid for v in earlier)]:
                for invoice_id, minor in document_repo.allocations_of_visit(session, uuid).items():
                    paid[invoice_id] = paid.get(invoice_id, 0) + minor
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            raise FieldappError("record.tampered", visit=visit_uuid)
        history = tuple(Revision(v.uuid, v.finalized_at, v.amend_reason) for v in earlier)
        original = (earlier or [visit])[0]
        rec = RecordInput(visit, file.customer, self.company(), record_number(original), sha,
                          _reviewed(file.invoices, paid, visit.started_at.date()), checklist(visit.kind.value),
                          self._signing(), history,
                          self._collector_title(file.customer.language.value),
                          tuple(sorted(paid.items())))
        return rec, body

    def _sign(self, kind: DocumentKind, number: str, pdf: bytes, customer_id: int,
              visit_uuid: str | None, language: str, record_sha: str, body: str,
              keys: DeviceKeys | None = None) -> dict:
        """Embed the record (``body``, if any), sign, and give the row to store."""
        keys = keys or self.keys
        # ReportLab and pyHanko take ~0.5 s to import: loaded with the first document, so the
        # window starts without them.
        from ..documents import signing  # noqa: PLC0415
        files = (signing.Attachment(RECORD_FILE, body.encode("utf-8"), description="visit record"),
                 ) if body else ()
        signed = signing.sign(pdf, keys, f"fieldapp {kind.value.replace('_', ' ')} {number}",
                              files)
        return dict(id=str(uuidlib.uuid4()), kind=kind.value, customer_id=customer_id,
                    visit_uuid=visit_uuid, number=number, language=language,
                    created_at=to_text(self._now()),
                    sha256=hashlib.sha256(signed).hexdigest(), record_sha256=record_sha,
                    signer=keys.signer_name(), development=keys.is_development(),
                    data=signed)

    def _save(self, rows: list[dict]) -> None:
        if rows:
            with self._store.sessions.begin() as session:
                for values in rows:
                    document_repo.add(session, **values)


def _plans(visit: Visit) -> list[InstallmentPlan]:
    return [o for o in visit.outcomes if isinstance(o, InstallmentPlan)]


def _earlier(session, visit: Visit, decode) -> list[Visit]:
    """The revisions a visit amends, oldest (the original) first."""
    chain: list[Visit] = []
    current = visit
    while current.amends and len(chain) < 1000:  # a cycle can only come from a damaged file
        stored = document_repo.final_record(session, current.amends)
        current = decode(stored.body)
        chain.append(current)
    return chain[::-1]


def _info_of(values: dict, zone: tzinfo) -> DocumentInfo:
    """The listing record of a document just signed (before or after it is stored)."""
    return DocumentInfo(values["id"], DocumentKind(values["kind"]), values["customer_id"],
                        values["visit_uuid"], values["number"], values["language"],
                        from_text(values["created_at"], zone), values["sha256"],
                        len(values["data"]), values["signer"], bool(values["development"]))
