"""A record names each invoice by the laptop's id and, since the laptop writes them, by its
number beside it; the office finds its own invoices by those numbers. Records without numbers
keep their exact JSON and hash, and the office falls back to what it did for them before."""

from __future__ import annotations

from dataclasses import replace

from fieldapp.documents import sample
from fieldapp.domain.codec import canonical_json, sha256_of, visit_from_dict, visit_to_dict
from fieldapp.domain.invoice_refs import (BY_NUMBER, NO_INVOICES, SAME_IDS, named, numbered,
                                          office_invoices)
from fieldapp.domain.visit import Dispute, InstallmentPlan, Promise, Refusal
from fieldapp.services.office.printing import office_plan
from tests.unit.test_codec import sample_visit

LAPTOP = {1: "HD-1", 2: "HD-2", 3: "HD-3", 4: "HD-4"}


def _numbered_visit():
    visit = sample_visit()
    return replace(visit, outcomes=tuple(numbered(o, LAPTOP) for o in visit.outcomes))


def test_the_laptop_writes_each_named_invoices_number_beside_its_id():
    visit = _numbered_visit()
    promise = next(o for o in visit.outcomes if isinstance(o, Promise))
    dispute = next(o for o in visit.outcomes if isinstance(o, Dispute))
    plan = next(o for o in visit.outcomes if isinstance(o, InstallmentPlan))
    assert (promise.invoice_ids, promise.invoice_numbers) == ((1, 2), ("HD-1", "HD-2"))
    assert (dispute.invoice_ids, dispute.invoice_numbers) == ((4,), ("HD-4",))
    assert plan.invoice_numbers == ()  # it names no invoice
    # One id the laptop does not know: no numbers rather than numbers out of step with ids.
    bare = next(o for o in sample_visit().outcomes if isinstance(o, Promise))
    assert numbered(bare, {1: "HD-1"}).invoice_numbers == ()
    refusal = next(o for o in visit.outcomes if isinstance(o, Refusal))
    assert numbered(refusal, LAPTOP) is refusal
    data = visit_to_dict(visit)
    by_kind = {o["kind"]: o for o in data["outcomes"]}
    assert by_kind["promise"]["invoice_numbers"] == ["HD-1", "HD-2"]
    assert by_kind["dispute"]["invoice_numbers"] == ["HD-4"]
    assert "invoice_numbers" not in by_kind["installment_plan"]
    again = visit_from_dict(data)
    assert [getattr(o, "invoice_numbers", None) for o in again.outcomes] == [
        getattr(o, "invoice_numbers", None) for o in visit.outcomes]


def test_a_record_without_numbers_keeps_its_exact_json_and_hash():
    old = sample_visit()  # as every record was written before the numbers
    data = visit_to_dict(old)
    assert "invoice_numbers" not in canonical_json(data)
    # Read back and written again (an amendment's original, a document): the same bytes.
    assert canonical_json(visit_to_dict(visit_from_dict(data))) == canonical_json(data)
    # The numbers are derived from the ids: a form that rebuilt the outcomes without them
    # still equals what the customer signed (an amendment keeps the customer's ink).
    assert _numbered_visit() == old
    assert sha256_of(visit_to_dict(_numbered_visit())) != sha256_of(data)


def test_the_office_finds_its_invoices_by_number_else_by_the_same_ids_else_asks_the_caller():
    dispute = next(o for o in _numbered_visit().outcomes if isinstance(o, Dispute))
    office = {"HD-4": 904, "HD-1": 901, "HD-9": 909}
    found = office_invoices(dispute, office, same_ids=False)
    assert (found.ids, found.how, found.complete) == ((904,), BY_NUMBER, True)
    # Numbers win even when the customer ids agree (a renumbered office invoice).
    assert office_invoices(dispute, office, same_ids=True).ids == (904,)
    promise = next(o for o in _numbered_visit().outcomes if isinstance(o, Promise))
    found = office_invoices(promise, office, same_ids=False)
    assert (found.ids, found.unknown, found.complete) == ((901,), ("HD-2",), False)
    old = replace(dispute, invoice_numbers=())
    assert office_invoices(old, office, same_ids=True).ids == (4,)
    assert office_invoices(old, office, same_ids=True).how == SAME_IDS
    assert office_invoices(old, office, same_ids=False) is None
    refusal = next(o for o in _numbered_visit().outcomes if isinstance(o, Refusal))
    assert office_invoices(refusal, office, False).how == NO_INVOICES
    # The stored JSON of an outcome reads the same way, money taken by its allocations.
    stored = {o["kind"]: o for o in visit_to_dict(_numbered_visit())["outcomes"]}
    assert office_invoices(stored["dispute"], office, False).ids == (904,)
    assert named(stored["money_received"]) == ((3,), ("HD-3",))
    assert office_invoices(stored["money_received"], {"HD-3": 903}, False).ids == (903,)
    assert office_invoices({**stored["promise"], "invoice_numbers": ["HD-1"]}, office,
                           False) is None  # not paired with the ids: as an older record


def test_the_office_prints_a_numbered_plans_own_invoices_where_guessing_could_not():
    """A plan over some of the customer's invoices: its total is not their whole debt, so an
    older record could not be guessed; with numbers the agreement lists exactly those."""
    rec = sample.record("vi")  # the laptop's ids: customer 7, invoices 100…104
    _money, plan = rec.visit.outcomes
    laptop = {i.id: i.number for i in rec.invoices}
    part = numbered(replace(plan, invoice_ids=plan.invoice_ids[2:4],
                            total=replace(plan.total, minor=plan.total.minor - 1)), laptop)
    office = tuple(replace(i, id=500 + n) for n, i in enumerate(rec.invoices))
    rec = replace(rec, invoices=office, taken=())
    assert office_plan(rec, part, customer_id=3).invoice_ids == (502, 503)
    # The store's numbering of the customer's invoices is used when given.
    assert office_plan(rec, part, 3, {rec.invoices[2].number: 77, rec.invoices[3].number: 78}
                       ).invoice_ids == (77, 78)
    older = replace(part, invoice_numbers=())
    assert office_plan(rec, older, customer_id=3).invoice_ids == ()  # no guess
