"""Batch printing at the office: a day's installment agreements for signing in ink, and statements
of account for a group of customers, each batch one PDF signed by the office, a customer's
document starting on a new page, in the customer's language (the laptop's own templates)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from ...documents.model import Signing
from ...domain.errors import InvalidValue, NotFound
from ...domain.instants import UTC
from ...domain.invoice_refs import BY_NUMBER, office_invoices
from ...domain.visit import InstallmentPlan, MoneyReceived
from ...store import invoice_refs, print_repo, queries
from ...sync import office_documents, office_keys
from ..documents import Documents
from .routes import Routes

AGREEMENTS, STATEMENTS = "agreements", "statements"
Report = Callable[..., None]


@dataclass(frozen=True)
class StatementGroup:
    """Whose statements: a collector's customers with an open invoice, the customers on a
    collector's route of ``route_day``, or customers by code (exactly one of the three)."""

    collector: str = ""  # a collector's name
    route: str = ""  # the name of the collector whose route it is
    route_day: date | None = None  # default: the statements' as-of day
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Printed:
    """A signed batch: the PDF, its pages, and the customer and first page of each document."""

    kind: str
    data: bytes
    pages: int
    names: tuple[str, ...]  # the customer of each document, in print order
    starts: tuple[int, ...]  # the first page (1-based) of each document
    customers: int  # distinct customers (one may have two agreements)
    signer: str

    @property
    def documents(self) -> int:
        return len(self.names)


class _Stopped(Exception):
    """Cancelled while the pages were laid out."""


class Printing:
    """Reads the office store, draws with the documents templates, signs with the office's
    document key (made under the company CA at first use: sync.office_documents)."""

    def __init__(self, store, now: Callable[[], datetime], settings, routes: Routes):
        self._store, self.now, self.settings, self.routes = store, now, settings, routes

    # -- what goes in ---------------------------------------------------------------------
    def agreement_visits(self, day: date, route: str = "") -> list[tuple[str, int]]:
        """(visit uuid, the office's customer id) of the records of ``day`` with an installment
        plan, optionally only of the customers on ``route``'s route of that day (``route``
        names the collector)."""
        ids = self._route(route, day) if route else None
        with self._store.sessions() as session:
            found = print_repo.agreement_visits(session, day, ids)
        if not found:
            if route:
                raise NotFound("printing.no_route_agreements", collector=route, day=day)
            raise NotFound("printing.no_agreements", day=day)
        return found

    def statement_customers(self, group: StatementGroup, as_of: date) -> list[int]:
        """The customer ids of ``group``, in print order."""
        if group.codes:
            codes = list(dict.fromkeys(c.strip() for c in group.codes if c.strip()))
            with self._store.sessions() as session:
                found = print_repo.customers_by_code(session, codes)
            missing = [c for c in codes if c not in found]
            if missing:
                raise NotFound("route.unknown_customer", customer_code=missing[0])
            return [found[c] for c in codes]
        if group.route:
            return self._route(group.route, group.route_day or as_of)
        if group.collector:
            collector = self.routes.collector_named(group.collector)
            with self._store.sessions() as session:
                ids = print_repo.owing_customers(session, collector.id)
            if not ids:
                raise NotFound("printing.nothing_owed", collector=collector.name)
            return ids
        raise InvalidValue("printing.no_customers")

    def _route(self, name: str, day: date) -> list[int]:
        collector = self.routes.collector_named(name)
        with self._store.sessions() as session:
            ids = print_repo.route_customers(session, collector.id, day)
        if not ids:
            raise NotFound("printing.no_route", collector=collector.name, day=day)
        return ids

    # -- the batches ----------------------------------------------------------------------
    def agreements(self, day: date, route: str, home: Path, passphrase: str,
                   report: Report | None = None, cancelled=None) -> Printed | None:
        """Every installment agreement recorded on ``day`` (see agreement_visits) with empty
        boxes for ink; None when ``cancelled`` said so."""
        visits = self.agreement_visits(day, route)
        keys = self._keys(home, passphrase)
        documents = Documents(self._store, self.settings, keys, self.now)
        from ...documents import agreement  # noqa: PLC0415 (ReportLab when printing)
        parts, names, customers = [], [], []
        for n, (uuid, cid) in enumerate(visits, 1):
            if cancelled is not None and cancelled():
                return None
            rec = documents.record_input(uuid, cid)
            with self._store.sessions() as session:
                by_number = invoice_refs.ids_by_number(session, cid)
            plans = [o for o in rec.visit.outcomes if isinstance(o, InstallmentPlan)]
            for index, plan in enumerate(plans, 1):
                plan = office_plan(rec, plan, cid, by_number)
                parts.append(agreement.document(rec, plan, index, wet=True))
                names.append(rec.customer.name)
                customers.append(rec.customer.id)
            _say(report, n, len(visits) * 2 + 1, rec.customer.name)
        return self._finish(AGREEMENTS, parts, names, customers, keys,
                            f"fieldapp office: installment agreements of {day.isoformat()}",
                            report, cancelled)

    def statements(self, group: StatementGroup, as_of: date | None, home: Path,
                   passphrase: str, report: Report | None = None,
                   cancelled=None) -> Printed | None:
        """A statement of account as of ``as_of`` (default today) for each customer of
        ``group``; None when ``cancelled`` said so."""
        as_of = as_of or self.now().date()
        ids = self.statement_customers(group, as_of)
        keys = self._keys(home, passphrase)
        company = Documents(self._store, self.settings, keys, self.now).company()
        signing = Signing(keys.signer_name(), keys.is_development())
        from ...documents import statement  # noqa: PLC0415 (ReportLab when printing)
        parts, names = [], []
        for n, cid in enumerate(ids, 1):
            if cancelled is not None and cancelled():
                return None
            with self._store.sessions() as session:
                file = queries.customer_file(session, cid, as_of)
            parts.append(statement.document(statement.StatementInput(
                file, company, signing, keys.signer_name())))
            names.append(file.customer.name)
            _say(report, n, len(ids) * 2 + 1, file.customer.name)
        return self._finish(STATEMENTS, parts, names, ids, keys,
                            f"fieldapp office: statements of account as of {as_of.isoformat()}",
                            report, cancelled)

    def _keys(self, home: Path, passphrase: str) -> office_documents.OfficeDocumentKeys:
        # Before any drawing: a wrong passphrase is said at once, not after the whole batch.
        return office_documents.ensure(office_keys.keys_folder(home), passphrase,
                                       self.now().astimezone(UTC))

    def _finish(self, kind: str, parts: list, names: list[str], customers: list[int], keys,
                reason: str, report: Report | None, cancelled) -> Printed | None:
        from ...documents import layout, signing  # noqa: PLC0415 (ReportLab, pyHanko)
        total = len(parts) * 2 + 1

        def started(i: int) -> None:
            if cancelled is not None and cancelled():
                raise _Stopped
            _say(report, len(parts) + i + 1, total, names[i])
        try:
            # The file's metadata: the first document's, without its record's QR payload.
            meta = replace(parts[0].head, keywords="", number=reason)
            built = layout.build_parts(parts, meta, started)
        except _Stopped:
            return None
        signed = signing.sign(built.data, keys, reason, field=signing.OFFICE_FIELD)
        _say(report, total, total, "")
        return Printed(kind, signed, built.pages, tuple(names), built.starts,
                       len(set(customers)), keys.signer_name())


def office_plan(rec, plan: InstallmentPlan, customer_id: int,
                by_number: dict[str, int] | None = None) -> InstallmentPlan:
    """``plan`` with the office's invoice ids. The signed record names invoices by the
    laptop's ids; since the laptop writes their numbers beside them, they are found by number
    among ``by_number`` (the customer's invoices at the office, number -> id; default those of
    ``rec``): domain.invoice_refs. An older record's ids are the office's only when the laptop
    was filled with the office's numbering (the record's customer id is the office's then).
    Otherwise an invoice is found by the number the money taken on the visit gives it, and
    when the plan's invoices cannot all be found so, they are the customer's open invoices if
    those add up to the plan's total exactly; failing that the agreement lists only what was
    found rather than a guess (its text states the whole debt all the same)."""
    if by_number is None:
        by_number = {i.number: i.id for i in rec.invoices}
    found = office_invoices(plan, by_number, rec.visit.customer_id == customer_id)
    if found is not None:
        return replace(plan, invoice_ids=found.ids) if found.how == BY_NUMBER else plan
    numbers = {a.invoice_id: a.invoice_number for o in rec.visit.outcomes
               if isinstance(o, MoneyReceived) for a in o.allocations}
    office = {i.number: i.id for i in rec.invoices}
    ids = tuple(office[numbers[i]] for i in plan.invoice_ids if numbers.get(i) in office)
    if len(ids) < len(plan.invoice_ids):
        open_now = rec.open_after()
        same_money = all(i.open_balance.currency == plan.total.currency for i in open_now)
        if same_money and sum(i.open_balance.minor for i in open_now) == plan.total.minor:
            ids = tuple(i.id for i in open_now)
    return replace(plan, invoice_ids=ids)


def _say(report: Report | None, done: int, total: int, text: str) -> None:
    if report is not None:
        report(done, total, text)
