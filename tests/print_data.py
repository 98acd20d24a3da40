"""An office for batch-printing tests: customers in each document language with invoices, two
collectors, installment agreements made on laptops (the sample visit) received into the inbox
as a day bundle's import records them, a route, and the company CA."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select

from fieldapp.documents import sample
from fieldapp.domain.codec import canonical_json, visit_to_dict
from fieldapp.domain.instants import to_text
from fieldapp.domain.visit import InstallmentPlan
from fieldapp.store import review_repo
from fieldapp.store.tables import CollectorRow, DeviceRow, OutcomeRow, RouteStopRow, VisitRow
from tests.conftest import VN, PortfolioBuilder
from tests.review_docs import PASSPHRASE, company  # noqa: F401 (re-exported)

DAY = sample.WHEN.date()  # 2026-11-22, the sample visit's day in Hồ Chí Minh City
LANGUAGES = ("vi", "zh_TW", "zh_CN", "en")
NAMES = {lang: sample.customer(lang).name for lang in LANGUAGES}


@dataclass
class PrintOffice:
    store: object
    home: object
    customers: dict = field(default_factory=dict)  # language -> customer id
    codes: dict = field(default_factory=dict)  # language -> customer code
    collectors: dict = field(default_factory=dict)  # name -> id
    visits: dict = field(default_factory=dict)  # language -> visit uuid


def build(store, home) -> PrintOffice:
    """Lan recorded the vi and zh_TW agreements, Minh the zh_CN and en ones, all on DAY; Lan's
    route of DAY holds the zh_TW customer and then the vi one."""
    office = PrintOffice(store, home)
    b = PortfolioBuilder(store)
    invoices = {}
    for lang in LANGUAGES:
        c = sample.customer(lang)
        code = f"KH-{lang.upper()}"
        cid = b.customer(c.name, code=code, tax_code=c.tax_code, currency=c.credit_limit.currency,
                         language=lang, address=c.address)
        invoices[lang] = [b.invoice(cid, inv.number, inv.due_on, inv.amount.minor,
                                    currency=inv.amount.currency, issued_on=inv.issued_on)
                          for inv in sample.invoices(lang)]
        office.customers[lang], office.codes[lang] = cid, code
    b.save()
    at = to_text(sample.WHEN)
    with store.sessions.begin() as session:
        for name in ("Lan", "Minh"):
            cid = str(uuid.uuid4())
            office.collectors[name] = cid
            session.execute(insert(CollectorRow.__table__).values(
                id=cid, name=name, phone="", language="vi", active=True, created_at=at))
            session.execute(insert(DeviceRow.__table__).values(
                id=f"dev-{name}", collector_id=cid, certificate="", enrolled_at=at))
    for n, lang in enumerate(LANGUAGES):
        who = "Lan" if lang in ("vi", "zh_TW") else "Minh"
        office.visits[lang] = add_agreement(store, office.customers[lang], lang, who,
                                            sample.WHEN + timedelta(minutes=n),
                                            invoice_ids=invoices[lang])
    add_route(store, office.collectors["Lan"], DAY,
              [office.customers["zh_TW"], office.customers["vi"]])
    company(home)
    return office


def add_agreement(store, customer_id: int, lang: str, collector: str, when: datetime,
                  amends: str | None = None, invoice_ids=None) -> str:
    """The sample visit of ``lang`` (its plan only) made for ``customer_id`` at ``when``,
    received from ``collector``'s laptop; its uuid."""
    v = sample.visit(lang)
    plan = next(o for o in v.outcomes if isinstance(o, InstallmentPlan))
    if invoice_ids is not None:
        plan = replace(plan, invoice_ids=tuple(invoice_ids))
    v = replace(v, uuid=str(uuid.uuid4()), customer_id=customer_id, outcomes=(plan,),
                started_at=when, finalized_at=when + timedelta(minutes=30), amends=amends,
                amend_reason="Sửa lịch trả" if amends else "")
    body = canonical_json(visit_to_dict(v))
    row = {"uuid": v.uuid, "customer_id": customer_id, "kind": "visit", "status": "final",
           "started_at": to_text(when), "updated_at": to_text(when),
           "finalized_at": to_text(v.finalized_at), "amends": amends, "body": body,
           "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()}
    with store.sessions.begin() as session:
        session.execute(insert(VisitRow.__table__), [row])
        session.execute(insert(OutcomeRow.__table__), [{
            "uuid": str(uuid.uuid4()), "visit_uuid": v.uuid, "customer_id": customer_id,
            "kind": "installment_plan", "created_on": when.date(), "due_on": None,
            "deadline_at": None, "amount_minor": plan.total.minor,
            "currency": plan.total.currency, "receipt_no": "", "superseded_by": None,
            "resolved": False, "body": "{}"}])
        review_repo.receive(session, [row], f"dev-{collector}", to_text(when), VN)
    return v.uuid


def add_route(store, collector_id: str, day: date, customer_ids: list[int]) -> None:
    with store.sessions.begin() as session:
        # Explicit ids: PostgreSQL's route_stop.id has no default (the office writes its own).
        first = session.scalar(select(func.coalesce(func.max(RouteStopRow.id), 0))) + 1
        session.execute(insert(RouteStopRow.__table__), [
            {"id": first + n, "route_date": day, "seq": n, "customer_id": cid,
             "planned_time": "08:30", "purpose": "", "collector_id": collector_id}
            for n, cid in enumerate(customer_ids, 1)])
