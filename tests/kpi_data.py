"""A small office whose KPIs for the first quarter of 2026 were worked out by hand.

Two collectors: An (customer 1) and Bình (customer 2), all in VND, office zone Vietnam (UTC+7).

Invoices (issued → due, amount, open now):
  I1 c1 2025-12-01 → 12-31  1000, paid by P1 on 01-20 (allocated 1000) → open 0
  I2 c1 2026-01-10 → 02-09   600, open 600
  I3 c2 2025-11-15 → 12-15   400, P2 on 02-10 allocated 100 → open 300
  I4 c2 2026-03-01 → 04-30   500, open 500 (current at the end)
  I5 c2 2025-10-01 → 10-31   200, source erp, closed by an export on 02-15 → open 0
  I6 c1 2026-04-05 → 05-05   999, after the quarter: counted nowhere
Beginning (2025-12-31): I1 1000 current, I3 400 in 1-30 (16 days), I5 200 in 61-90 (61 days)
  → An 1000, Bình 600, team 1600.
31 January: I2 600 current, I3 400 in 31-60 (47 days), I5 200 in 90+ (92 days) → team 1200.
Ending (2026-03-31): I2 600 in 31-60, I3 300 in 90+, I4 500 current → An 600, Bình 800,
  team 1400, current 500. Credit sales in the quarter: I2 600 + I4 500 = 1100; 90 days.
  CEI (N = 3) = (1600 + 366.67 − 1400) / (1600 + 366.67 − 500) = 38.64 %
  CEI (N = 1) = (1600 + 1100 − 1400) / (1600 + 1100 − 500) = 59.09 %
  DSO = 1400 × 90 / 1100 = 114.55; BPDSO = 500 × 90 / 1100 = 40.91; ADD = 73.64
  Countback: March 500 (31 d) → 900 left; February 0 (28 d); January 600 (31 d) → 300 left;
  December 1000: 300/1000 × 31 = 9.3 → 99.30 days.
  Roll 12-31 → 01-31: 1-30 400 → 31-60 400 = 100 %; current 1000 → 1-30 0 = 0 %.
Payments: P1 c1 01-20 1000 transfer; P2 c2 02-10 100 on visit V2; P3 c1 03-05 50 on visit V1
  → collected 1150 (An 1050, Bình 100), on site 150.
Records (UTC start → Vietnamese day): V7 visit 2025-12-31 17:30Z → 01-01 (in), V1 visit
  01-05 (right party), V3 call 02-01 (right party), V2 visit 02-10 16:30Z → 02-10 23:30,
  V4 visit 03-20 (right party), V5 amends V4 (not counted), V6 a draft (not counted),
  V8 visit 03-31 17:30Z → 04-01 (out). Visits 4, calls 1, right party 3 of 5 = 60 %.
Promises: O1 c1 made 01-05 due 01-25 1000 → kept by P1; O2 c2 made 02-01 due 02-12 300 →
  P2 100, partially kept; O3 c2 made 03-01 due 03-10 200 → broken; O4 c1 made 03-20 due 03-30
  100 → still open on 03-31 (grace 3 days). 4 made, 4 due: 25 % each.
Disputes: D1 c2 recorded 02-10 16:30Z, resolved 02-12 04:30Z (1.5 d); D2 c1 recorded 03-02
  02:00Z, resolved 03-02 14:00Z (0.5 d) → 2 opened, 2 resolved, 1.00 day on average.
"""

from __future__ import annotations

import json
from datetime import date

from fieldapp.store.tables import Base

FIRST, LAST = date(2026, 1, 1), date(2026, 3, 31)
TODAY = date(2026, 4, 15)
AN, BINH = "c-an", "c-binh"


def _customer(cid, collector):
    return dict(id=cid, code=f"KH{cid:06d}", name=f"Khách {cid}", tax_code="", phone="",
                address="", district="", province="", country="VN", business_status="active",
                business_notes="", financial_notes="", personality_notes="",
                cooperation_since=date(2020, 1, 1), credit_limit_minor=0, currency="VND",
                language="vi", collector_id=collector, territory="")


def _invoice(iid, cid, issued, due, amount, open_, source="", closed=None):
    return dict(id=iid, customer_id=cid, contract_id=None, number=f"HD{iid}", issued_on=issued,
                due_on=due, amount_minor=amount, open_minor=open_, currency="VND",
                disputed=False, source=source, closed_on=closed)


def _visit(uuid, cid, kind, started, right_party, status="final", amends=None):
    body = json.dumps({"answers": {"authority_to_pay": right_party}, "kind": kind},
                      sort_keys=True, separators=(",", ":"))
    return dict(uuid=uuid, customer_id=cid, kind=kind, status=status, started_at=started,
                updated_at=started, finalized_at=started, amends=amends, body=body, sha256="")


def _outcome(uuid, visit, cid, kind, made, due=None, amount=0, deadline=None):
    return dict(uuid=uuid, visit_uuid=visit, customer_id=cid, kind=kind, created_on=made,
                due_on=due, deadline_at=deadline, amount_minor=amount,
                currency="VND" if amount else "", receipt_no="", superseded_by=None,
                resolved=False, body=json.dumps({"reminder_days": None}))


def fill(store) -> None:
    d = date
    rows = {
        "collector": [dict(id=AN, name="An", phone="", language="vi", active=True,
                           created_at="2025-01-01T00:00:00+00:00"),
                      dict(id=BINH, name="Bình", phone="", language="vi", active=True,
                           created_at="2025-01-01T00:00:00+00:00")],
        "customer": [_customer(1, AN), _customer(2, BINH)],
        "invoice": [_invoice(1, 1, d(2025, 12, 1), d(2025, 12, 31), 1000, 0),
                    _invoice(2, 1, d(2026, 1, 10), d(2026, 2, 9), 600, 600),
                    _invoice(3, 2, d(2025, 11, 15), d(2025, 12, 15), 400, 300),
                    _invoice(4, 2, d(2026, 3, 1), d(2026, 4, 30), 500, 500),
                    _invoice(5, 2, d(2025, 10, 1), d(2025, 10, 31), 200, 0, "erp",
                             d(2026, 2, 15)),
                    _invoice(6, 1, d(2026, 4, 5), d(2026, 5, 5), 999, 999)],
        "visit": [_visit("v7", 1, "visit", "2025-12-31T17:30:00+00:00", False),
                  _visit("v1", 1, "visit", "2026-01-05T02:00:00+00:00", True),
                  _visit("v3", 2, "call", "2026-02-01T03:00:00+00:00", True),
                  _visit("v2", 2, "visit", "2026-02-10T16:30:00+00:00", False),
                  _visit("v4", 1, "visit", "2026-03-20T02:00:00+00:00", True),
                  _visit("v5", 1, "visit", "2026-03-20T05:00:00+00:00", True, amends="v4"),
                  _visit("v6", 1, "visit", "2026-03-21T02:00:00+00:00", True, status="draft"),
                  _visit("v8", 2, "visit", "2026-03-31T17:30:00+00:00", True)],
        "payment": [dict(id="p1", customer_id=1, paid_on=d(2026, 1, 20), amount_minor=1000,
                         currency="VND", method="transfer", reference="", visit_uuid=None),
                    dict(id="p2", customer_id=2, paid_on=d(2026, 2, 10), amount_minor=100,
                         currency="VND", method="cash", reference="", visit_uuid="v2"),
                    dict(id="p3", customer_id=1, paid_on=d(2026, 3, 5), amount_minor=50,
                         currency="VND", method="cash", reference="", visit_uuid="v1")],
        "allocation": [dict(id="a1", payment_id="p1", invoice_id=1, amount_minor=1000),
                       dict(id="a2", payment_id="p2", invoice_id=3, amount_minor=100)],
        "outcome": [_outcome("o1", "v1", 1, "promise", d(2026, 1, 5), d(2026, 1, 25), 1000),
                    _outcome("o2", "v3", 2, "promise", d(2026, 2, 1), d(2026, 2, 12), 300),
                    _outcome("o3", "v3", 2, "promise", d(2026, 3, 1), d(2026, 3, 10), 200),
                    _outcome("o4", "v4", 1, "promise", d(2026, 3, 20), d(2026, 3, 30), 100),
                    _outcome("d1", "v2", 2, "dispute", d(2026, 2, 10), d(2026, 2, 11),
                             deadline="2026-02-11T16:30:00+00:00"),
                    _outcome("d2", "v4", 1, "dispute", d(2026, 3, 2), d(2026, 3, 3),
                             deadline="2026-03-03T02:00:00+00:00")],
        "dispute_resolution": [
            dict(outcome_uuid="d1", resolved_at="2026-02-12T04:30:00+00:00", resolved_by="",
                 root_cause=""),
            dict(outcome_uuid="d2", resolved_at="2026-03-02T14:00:00+00:00", resolved_by="",
                 root_cause="")],
    }
    with store.engine.begin() as conn:
        for table in ("collector", "customer", "invoice", "visit", "payment", "allocation",
                      "outcome", "dispute_resolution"):
            conn.execute(Base.metadata.tables[table].insert(), rows[table])
