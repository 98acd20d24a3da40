"""The demo's past visits cover every outcome and leave follow-ups for today."""

from datetime import date, datetime

from fieldapp.domain.visit import OUTCOME_KINDS, OutcomeKind, VisitKind
from fieldapp.services import demo
from fieldapp.services import settings as cfg
from fieldapp.services.demo_history import SCENARIOS, generate_history, history_size
from fieldapp.services.followups import FollowUpKind, FollowUps
from fieldapp.services.visits import Visits

from tests.conftest import VN

TODAY = date(2026, 11, 22)


def test_history_has_every_outcome_and_follow_ups_today(store):
    demo.generate(store, 150, today=TODAY)
    summary = generate_history(store, TODAY, history_size(150))
    assert summary.visits + summary.calls >= 2 * len(SCENARIOS) and summary.calls >= 1
    settings = cfg.Settings(store)
    visits = Visits(store, settings)
    entries = [e for cid in range(1, 151) for e in visits.history(cid)]
    kinds = {type(o) for e in entries for o in e.visit.outcomes}
    assert {OUTCOME_KINDS[k] for k in kinds} == set(OutcomeKind)
    assert {e.visit.kind for e in entries} == {VisitKind.VISIT, VisitKind.CALL}
    # The customer signs every visit except the absent ones (nobody met); those carry a photo.
    on_site = [e.visit for e in entries if e.visit.kind is VisitKind.VISIT]
    absent = [v for v in on_site if v.answers.get("customer_absent")]
    assert absent and all(v.customer_signature is None and "met_contact" not in v.answers
                          and v.outcomes[0].photos for v in absent)
    assert all(v.customer_signature for v in on_site if v not in absent)
    found = {f.kind for f in FollowUps(store, settings, lambda: datetime(2026, 11, 22, 10, tzinfo=VN)).list()}
    assert {FollowUpKind.DUE_TODAY, FollowUpKind.BROKEN, FollowUpKind.PARTIALLY_KEPT,
            FollowUpKind.DISPUTE_NEAR, FollowUpKind.DISPUTE_LATE, FollowUpKind.REVISIT,
            FollowUpKind.REMINDER} <= found
    assert visits.drafts() == []


def test_history_speaks_the_customers_language_and_only_knows_earlier_invoices(store):
    from fieldapp.services.portfolio import Portfolio
    demo.generate(store, 150, today=TODAY)
    generate_history(store, TODAY, history_size(150))
    visits, portfolio = Visits(store, cfg.Settings(store)), Portfolio(store, lambda: TODAY)
    languages = set()
    for cid in range(1, 151):
        for entry in visits.history(cid):
            file = portfolio.open_customer(cid)
            languages.add(file.customer.language.value)
            issued = {i.id: i.issued_on for i in file.invoices}
            started = entry.visit.started_at.date()
            for o in entry.visit.outcomes:
                ids = getattr(o, "invoice_ids", ()) or [a.invoice_id for a in getattr(o, "allocations", ())]
                assert all(issued[i] <= started for i in ids), (cid, o)
            if file.customer.language.value != "vi":
                assert not any("Khách hàng" in str(v) for v in entry.visit.answers.values())
    # 150 customers have Taiwanese ones with open invoices (mainland ones may all have paid)
    assert "vi" in languages and languages & {"zh_TW", "zh_CN"}
