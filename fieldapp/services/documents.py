"""Documents of finalized visits and statements: generate, sign with the device key, store, list."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path

from ..documents.keys import DeviceKeys, LocalDevelopmentCA, keys_folder
from ..documents.model import RECORD_FILE, Company, RecordInput, Revision, Signing, record_number
from ..domain.codec import visit_from_dict
from ..domain.errors import FieldappError
from ..domain.money import Money
from ..domain.records import Invoice
from ..domain.visit import InstallmentPlan, MoneyReceived, Visit
from ..store import document_repo, queries
from . import settings as cfg
from .changes import Changes
from .checklists import checklist
from .document_steps import PinnedKeys, Planned

log = logging.getLogger(__name__)

# The letterhead; declared here until the settings dialog lists them (see settings.ALL).


class DocumentKind(str, Enum):
    VISIT_RECORD = "visit_record"
    AGREEMENT = "agreement"  # signed on the pad, or printed for ink when the visit has no pad ink
    AGREEMENT_PRINT = "agreement_print"  # printed on request for signing in ink
    RECEIPT = "receipt"
    STATEMENT = "statement"


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document without its bytes."""

    id: str
    kind: DocumentKind
    customer_id: int
    visit_uuid: str | None
    number: str
    language: str
    created_at: datetime
    sha256: str
    size: int
    signer: str
    development: bool

    @property
    def file_name(self) -> str:
        return f"{self.kind.value}-{re.sub(r'[^A-Za-z0-9-]+', '_', self.number)}.pdf"


@dataclass(frozen=True)
class NamedDocument:
    """A document with its customer's name, for lists that span customers."""

    info: DocumentInfo
    customer_name: str


AGREEMENT_KINDS = (DocumentKind.AGREEMENT, DocumentKind.AGREEMENT_PRINT)


def _info(row) -> DocumentInfo:
    doc_id, kind, cid, visit, number, lang, created, sha, size, signer, dev = row
    return DocumentInfo(doc_id, DocumentKind(kind), cid, visit, number, lang,
                        datetime.fromisoformat(created), sha, size, signer, bool(dev))


def device_keys(home: Path, settings: cfg.Settings) -> DeviceKeys:
    """The one place that picks the key storage; the office's enrolment will swap it here."""
    return LocalDevelopmentCA(keys_folder(home), settings.get(cfg.DEVICE_ID),
                              lambda: settings.get(cfg.COLLECTOR_NAME))


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
                 now: Callable[[], datetime] = datetime.now):
        self._store, self.settings, self.keys, self.now = store, settings, keys, now

    def company(self) -> Company:
        get = self.settings.get
        return Company(get(cfg.COMPANY_NAME), get(cfg.COMPANY_ADDRESS), get(cfg.COMPANY_TAX_CODE),
                       get(cfg.COMPANY_PHONE))

    def for_visit(self, visit_uuid: str) -> tuple[list[DocumentInfo], Changes]:
        """Make what a finalized visit still lacks: its record, an agreement per plan, a receipt
        per sum taken (a receipt an amendment keeps is not issued twice)."""
        customer_id, planned = self.plan_for_visit(visit_uuid)
        return self.keep_for_visit(visit_uuid, customer_id, [self.make(p) for p in planned])

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
            raise FieldappError(f"visit {visit_uuid} has {len(plans)} installment plan(s); "
                                f"there is no plan {index}")
        plan = plans[index - 1]
        return Planned(DocumentKind.AGREEMENT_PRINT, agreement.number(rec, index),
                       lambda: agreement.build(rec, plan, index, wet=True), rec.visit.customer_id,
                       visit_uuid, rec.language, rec.sha256, body, PinnedKeys(self.keys))

    def plan_statement(self, customer_id: int, as_of: date | None = None) -> Planned:
        from ..documents import statement  # noqa: PLC0415 (see _sign)
        with self._store.sessions() as session:
            file = queries.customer_file(session, customer_id, as_of or self.now().date())
        data = statement.StatementInput(file, self.company(), self._signing(),
                                        self.settings.get(cfg.COLLECTOR_NAME))
        return Planned(DocumentKind.STATEMENT, statement.number(file),
                       lambda: statement.build(data), customer_id, None, data.language, "", "",
                       PinnedKeys(self.keys))

    def make(self, planned: Planned) -> dict:
        """Draw and sign ``planned``: touches no database, so it may run beside it."""
        return self._sign(planned.kind, planned.number, planned.build(), planned.customer_id,
                          planned.visit_uuid, planned.language, planned.record_sha, planned.body,
                          planned.keys)

    def keep(self, row: dict) -> tuple[DocumentInfo, Changes]:
        """Store a document ``make`` gave."""
        self._save([row])
        return _info_of(row), Changes(frozenset({row["customer_id"]}), documents=True)

    def of_visit(self, visit_uuid: str) -> list[DocumentInfo]:
        with self._store.sessions() as session:
            return [_info(r) for r in document_repo.of_visit(session, visit_uuid)]

    def of_customer(self, customer_id: int) -> list[DocumentInfo]:
        """The customer's documents, newest first."""
        with self._store.sessions() as session:
            return [_info(r) for r in document_repo.of_customer(session, customer_id)]

    def agreements_made_on(self, day: date) -> list[NamedDocument]:
        """Agreements made on ``day`` across customers, signed ones and versions printed for
        ink alike, oldest first (to print a day's agreements in one go)."""
        start, end = day.isoformat(), (day + timedelta(days=1)).isoformat()
        with self._store.sessions() as session:
            rows = document_repo.made_between(session, [k.value for k in AGREEMENT_KINDS],
                                              start, end)
        return [NamedDocument(_info(row[:-1]), row[-1]) for row in rows]

    def pdf(self, document_id: str) -> bytes:
        with self._store.sessions() as session:
            return document_repo.data(session, document_id)

    def pending(self) -> list[str]:
        """Finalized visits still without a record document (generation failed or was skipped)."""
        with self._store.sessions() as session:
            return document_repo.undocumented_visits(session, DocumentKind.VISIT_RECORD.value)

    def _collector_title(self) -> str:
        """The title typed in the settings; the untouched English default is left off, since
        the document's own caption already says "collector" in the customer's language."""
        title = self.settings.get(cfg.COLLECTOR_TITLE)
        return "" if title == cfg.COLLECTOR_TITLE.default else title

    def _signing(self) -> Signing:
        return Signing(self.keys.signer_name(), self.keys.is_development())

    def _record(self, visit_uuid: str) -> tuple[RecordInput, str]:
        """The record input of a final visit, and its canonical JSON (checked against its hash)."""
        with self._store.sessions() as session:
            body, sha = document_repo.final_record(session, visit_uuid)
            visit = visit_from_dict(json.loads(body))
            earlier = _earlier(session, visit)
            file = queries.customer_file(session, visit.customer_id, visit.started_at.date())
            paid = document_repo.allocations_of_visit(session, visit_uuid)
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            raise FieldappError(f"the stored record {visit_uuid} does not match its SHA-256; "
                                "it was changed outside fieldapp")
        history = tuple(Revision(v.uuid, v.finalized_at, v.amend_reason) for v in earlier)
        original = (earlier or [visit])[0]
        rec = RecordInput(visit, file.customer, self.company(), record_number(original), sha,
                          _reviewed(file.invoices, paid, visit.started_at.date()), checklist(visit.kind.value),
                          self._signing(), history, self._collector_title())
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
                    created_at=self.now().replace(microsecond=0).isoformat(),
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


def _earlier(session, visit: Visit) -> list[Visit]:
    """The revisions a visit amends, oldest (the original) first."""
    chain: list[Visit] = []
    current = visit
    while current.amends and len(chain) < 1000:  # a cycle can only come from a damaged file
        body, _sha = document_repo.final_record(session, current.amends)
        current = visit_from_dict(json.loads(body))
        chain.append(current)
    return chain[::-1]


def _info_of(values: dict) -> DocumentInfo:
    return _info((values["id"], values["kind"], values["customer_id"], values["visit_uuid"],
                  values["number"], values["language"], values["created_at"], values["sha256"],
                  len(values["data"]), values["signer"], values["development"]))
