"""The review inbox on SQLite and PostgreSQL: filters, oldest first, pages, counts per state,
states with who/when/why (a reason required to reject), bulk "all N matching" guarded by the
count confirmed, append-only comments and the amendment history."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from fieldapp.domain.errors import NotFound
from fieldapp.domain.review import InboxFilter, ReviewError
from fieldapp.services.office.review import Review
from tests.conftest import ON_BOTH_DATABASES, VN, Clock
from tests.review_data import START, amend, fill

pytestmark = ON_BOTH_DATABASES
NOW = datetime(2026, 11, 27, 9, 30, tzinfo=VN)


@pytest.fixture
def inbox(store, builder):
    customers = [builder.customer(name) for name in ("An Phát", "Bình Minh", "Cửu Long")]
    builder.save()
    ids = fill(store, customers)
    clock = Clock(NOW)
    return Review(store, clock, "thu.tran", lambda: VN), ids, clock, customers


def _uuids(page):
    return [i.visit_uuid for i in page.items]


def test_the_inbox_lists_records_oldest_first_and_filters_by_collector_day_outcome_state(inbox):
    review, ids, _clock, _customers = inbox
    everything = review.page()
    assert len(everything.items) == 6 and everything.after is None
    starts = [i.started_at for i in everything.items]
    assert starts == sorted(starts)
    assert {i.state for i in everything.items} == {"received"}
    lan = review.collector_id("Lan")
    assert _uuids(review.page(InboxFilter(collector_id=lan))) == ids["visits"]["lan"]
    assert all(i.collector == "Lan" for i in review.page(InboxFilter(collector_id=lan)).items)
    on_21 = review.page(InboxFilter(day=START.date() + timedelta(days=1)))
    assert sorted(_uuids(on_21)) == sorted([ids["visits"]["lan"][1], ids["visits"]["minh"][1]])
    disputes = review.page(InboxFilter(outcome="dispute"))
    assert {i.outcomes for i in disputes.items} == {("dispute",)} and len(disputes.items) == 2
    review.set_state(ids["visits"]["minh"][0], "approved")
    assert _uuids(review.page(InboxFilter(state="approved"))) == [ids["visits"]["minh"][0]]
    both = review.page(InboxFilter(collector_id=lan, outcome="promise"))
    assert _uuids(both) == [ids["visits"]["lan"][0]]


def test_pages_follow_each_other_without_gaps_or_repeats(inbox):
    review, _ids, _clock, _customers = inbox
    seen, after = [], None
    while True:
        page = review.page(after=after, size=4)
        seen += _uuids(page)
        if page.after is None:
            break
        after = page.after
    assert seen == _uuids(review.page())


def test_counts_per_state_ignore_the_filters_own_state(inbox):
    review, ids, _clock, _customers = inbox
    review.set_state(ids["visits"]["lan"][0], "approved")
    review.set_state(ids["visits"]["lan"][1], "rejected", "no signature on the promise")
    review.set_state(ids["visits"]["minh"][2], "has_issues")
    assert review.counts() == {"received": 3, "approved": 1, "has_issues": 1, "rejected": 1}
    lan = review.collector_id("Lan")
    assert review.counts(InboxFilter(collector_id=lan, state="approved")) == {
        "received": 1, "approved": 1, "has_issues": 0, "rejected": 1}


def test_a_state_keeps_who_set_it_when_and_why_and_rejecting_needs_a_reason(inbox):
    review, ids, _clock, _customers = inbox
    target = ids["visits"]["lan"][2]
    for blank in ("", "   ", None):
        with pytest.raises(ReviewError) as refused:
            review.set_state(target, "rejected", blank)
        assert refused.value.code == "review.reason_required"
    assert review.history(target).item.state == "received"  # nothing half-written
    assert review.history(target).events == ()
    review.set_state(target, "rejected", "the amount differs from the receipt")
    item = review.history(target).item
    assert (item.state, item.state_by, item.reason) == (
        "rejected", "thu.tran", "the amount differs from the receipt")
    assert item.state_at == NOW
    with pytest.raises(ReviewError) as bad:
        review.set_state(target, "received")
    assert bad.value.code == "review.bad_state"
    with pytest.raises(NotFound):
        review.set_state("no-such-visit", "approved")


def test_bulk_sets_all_n_matching_and_refuses_when_the_count_changed(inbox, store):
    review, ids, _clock, customers = inbox
    received = InboxFilter(state="received", outcome="promise")
    n = review.count(received)
    assert n == 2
    amend(store, ids["visits"]["lan"][1], customers[0])  # a new promise arrives meanwhile
    with pytest.raises(ReviewError) as changed:
        review.set_state_matching(received, "approved", expected=n)
    assert changed.value.params == {"expected": 2, "found": 3}
    assert review.count(InboxFilter(state="approved")) == 0
    done = review.set_state_matching(received, "approved", expected=review.count(received))
    assert done.count == 3 and done.changes.reviews
    assert review.counts()["approved"] == 3 and review.count(received) == 0
    with pytest.raises(ReviewError):
        review.set_state_matching(InboxFilter(), "rejected", "")


def test_comments_are_append_only_and_a_correction_is_a_new_comment(inbox, store):
    review, ids, clock, _customers = inbox
    target = ids["visits"]["minh"][1]
    with pytest.raises(ReviewError) as empty:
        review.comment(target, "  ")
    assert empty.value.code == "review.empty_comment"
    review.comment(target, "Ask for the delivery note")
    first = review.history(target).events[0]
    clock.value = NOW + timedelta(minutes=5)
    review.comment(target, "Ask for the delivery note of 12 November", corrects=first.id)
    events = review.history(target).events
    assert [(e.text, e.corrects, e.actor) for e in events] == [
        ("Ask for the delivery note", None, "thu.tran"),
        ("Ask for the delivery note of 12 November", first.id, "thu.tran")]
    with pytest.raises(ReviewError):
        review.comment(ids["visits"]["lan"][0], "elsewhere", corrects=first.id)
    # The database itself refuses to edit or delete a comment, whoever asks.
    for sql in ("UPDATE review_event SET text = 'rewritten'", "DELETE FROM review_event"):
        with pytest.raises(DBAPIError, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(sql))
    assert [e.text for e in review.history(target).events][0] == "Ask for the delivery note"
    assert review.page(InboxFilter(collector_id=review.collector_id("Minh"))).items[1].comments == 2


def test_history_shows_the_amendment_chain_and_the_list_marks_the_amended_record(inbox, store):
    review, ids, _clock, customers = inbox
    original = ids["visits"]["lan"][0]
    later = amend(store, original, customers[0])
    review.set_state(original, "has_issues", "wrong amount")
    history = review.history(later)
    assert [r.visit_uuid for r in history.revisions] == [original, later]
    assert history.revisions[1].reason == "wrong amount"
    assert [r.visit_uuid for r in review.history(original).revisions] == [original, later]
    listed = {i.visit_uuid: i for i in review.page().items}
    assert listed[original].amended and not listed[later].amended
    assert listed[later].amends == original
    assert [(e.kind, e.state, e.text) for e in review.history(original).events] == [
        ("state", "has_issues", "wrong amount")]


def test_a_typed_id_prefix_finds_one_record(inbox):
    review, ids, _clock, _customers = inbox
    full = ids["visits"]["lan"][0]
    assert review.resolve(full[:8].upper()) == full
    with pytest.raises(NotFound):
        review.resolve("0000")


def test_the_records_pdf_is_verified_against_the_offices_company_ca(inbox, store, tmp_path):
    from tests.review_docs import LaptopKeys, company, signed_record, store_document
    review, ids, _clock, customers = inbox
    home = tmp_path / "office"
    pdf = signed_record(LaptopKeys(company(home)))
    good, other = ids["visits"]["lan"][0], ids["visits"]["lan"][1]
    store_document(store, good, customers[0], pdf)
    cut = pdf.index(b"/Contents") - 200  # a byte of the signed content changed
    store_document(store, other, customers[1], pdf[:cut] + bytes([pdf[cut] ^ 1]) + pdf[cut + 1:])

    (doc,) = review.documents(good)
    checked = review.checked(doc, home)
    assert checked.data == pdf and checked.ca.endswith("company-ca.pem")
    r = checked.report
    assert (r.signed, r.intact, r.valid, r.trusted, r.qr, r.ok) == (True, True, True, True,
                                                                   "match", True)
    assert {i.visit_uuid: i.documents for i in review.page().items}[good] == 1
    stranger = review.checked(doc, tmp_path / "another-office")  # no company CA there
    assert not stranger.report.trusted and stranger.ca == "" and not stranger.report.ok
    company(tmp_path / "third")  # a different company's CA: no chain
    assert not review.checked(doc, tmp_path / "third").report.trusted
    broken = review.checked(review.documents(other)[0], home).report
    assert not broken.ok and not (broken.intact and broken.valid and broken.whole_file)
