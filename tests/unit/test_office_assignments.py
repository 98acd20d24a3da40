"""Assigning customers: by hand, by place, by filter; every change logged, and undone by batch."""

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from fieldapp.domain.errors import InvalidValue, NotFound
from fieldapp.domain.instants import UTC
from fieldapp.domain.money import Money
from fieldapp.domain.office_filters import CustomerFilter
from fieldapp.services.office.app import build
from tests.conftest import ON_BOTH_DATABASES, TODAY

pytestmark = ON_BOTH_DATABASES


def _sql(store, sql, **params):
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


@pytest.fixture
def office(builder):
    """Six customers in two districts of Hồ Chí Minh City and one in Hà Nội."""
    ids = {}
    for code, name, district, province in [
            ("Q1-A", "Công ty TNHH Đặng Hưng", "Quận 1", "TP. Hồ Chí Minh"),
            ("Q1-B", "Cửa hàng Minh Anh", "Quận 1", "TP. Hồ Chí Minh"),
            ("Q1-C", "Đại lý Phú Thịnh", "Quận 1", "TP. Hồ Chí Minh"),
            ("Q3-A", "Nhà sách Hòa Bình", "Quận 3", "TP. Hồ Chí Minh"),
            ("Q3-B", "Tạp hóa Bảy Lan", "Quận 3", "TP. Hồ Chí Minh"),
            ("HN-A", "Công ty CP Sông Hồng", "Ba Đình", "Hà Nội")]:
        ids[code] = builder.customer(name, code=code, district=district, province=province)
    # Overdue: Q1-A 40 M (one invoice 95 days late), Q3-A 5 M; Q1-B owes nothing past due.
    builder.invoice(ids["Q1-A"], "HD-1", TODAY - timedelta(days=95), 40_000_000)
    builder.invoice(ids["Q1-B"], "HD-2", TODAY + timedelta(days=10), 9_000_000)
    builder.invoice(ids["Q3-A"], "HD-3", TODAY - timedelta(days=20), 5_000_000)
    builder.save()
    _sql(builder.store, "UPDATE customer SET territory = 'Nam' WHERE province = 'TP. Hồ Chí Minh'")
    _sql(builder.store, "UPDATE invoice SET disputed = TRUE WHERE number = 'HD-3'")
    services = build(builder.store, TODAY, actor="lan.supervisor")
    for name in ("Trần Minh Khoa", "Lê Thu Hà"):
        services.collectors.add(name)
    return services, ids


def holder(services, code):
    (found,) = [c for c in services.assignments.customers(CustomerFilter(), 100)
                if c.code == code]
    return found.collector_name


def test_by_hand_with_codes_and_logged_with_who_and_when(office):
    services, ids = office
    khoa = services.collectors.get("Trần Minh Khoa")
    result = services.assignments.assign(
        khoa.name, customer_ids=services.assignments.customer_ids(["Q1-A", "HN-A"]))
    assert (result.changed, result.unchanged) == (2, 0)
    assert result.changes.collectors and result.changes.customers == {ids["Q1-A"], ids["HN-A"]}
    log = services.assignments.changes(batch_id=result.batch_id)
    assert sorted((c.customer_code, c.from_collector, c.to_collector, c.to_name, c.actor)
                  for c in log) == [("HN-A", None, khoa.id, khoa.name, "lan.supervisor"),
                                    ("Q1-A", None, khoa.id, khoa.name, "lan.supervisor")]
    assert all(c.at.tzinfo is UTC and abs(c.at - services.now()) < timedelta(minutes=5)
               for c in log)
    again = services.assignments.assign(khoa.id, customer_ids=[ids["Q1-A"]])
    assert (again.batch_id, again.changed, again.unchanged) == (None, 0, 1)  # nothing logged
    with pytest.raises(NotFound) as unknown:
        services.assignments.customer_ids(["Q1-A", "NOPE-9"])
    assert unknown.value.code == "customer.code_not_found" and "NOPE-9" in str(unknown.value)


@pytest.mark.parametrize(("wanted", "codes"), [
    (CustomerFilter(district="Quận 1"), {"Q1-A", "Q1-B", "Q1-C"}),
    (CustomerFilter(territory="Nam"), {"Q1-A", "Q1-B", "Q1-C", "Q3-A", "Q3-B"}),
    (CustomerFilter(province="Hà Nội"), {"HN-A"}),
    (CustomerFilter(overdue_above=Money(10_000_000, "VND")), {"Q1-A"}),
    (CustomerFilter(overdue_above=Money(1_000_000, "VND")), {"Q1-A", "Q3-A"}),
    (CustomerFilter(disputed=True), {"Q3-A"}),
    (CustomerFilter(aging_bucket="90+"), {"Q1-A"}),
    (CustomerFilter(aging_bucket="1-30"), {"Q3-A"}),
    (CustomerFilter(aging_bucket="current"), {"Q1-B"}),
    (CustomerFilter(query="hoa binh"), {"Q3-A"}),  # folded like the laptop's search
    (CustomerFilter(query="cong ty", district="Quận 1"), {"Q1-A"}),
])
def test_by_filter_counts_first_then_assigns_exactly_those(office, wanted, codes):
    services, _ids = office
    assert services.assignments.count(wanted) == len(codes)
    result = services.assignments.assign("Lê Thu Hà", wanted=wanted, expected=len(codes))
    assert result.changed == len(codes)
    assigned = services.assignments.customers(CustomerFilter(
        collector_id=services.collectors.get("Lê Thu Hà").id), 100)
    assert {c.code for c in assigned} == codes


def test_from_one_collector_and_the_ones_without(office):
    services, _ids = office
    services.assignments.assign("Trần Minh Khoa", wanted=CustomerFilter(district="Quận 3"))
    nobody = CustomerFilter(no_collector=True)
    assert services.assignments.count(nobody) == 4
    services.assignments.assign("Lê Thu Hà", wanted=nobody)
    assert services.assignments.count(nobody) == 0
    khoa = services.collectors.get("Trần Minh Khoa")
    moved = services.assignments.assign("Lê Thu Hà", wanted=CustomerFilter(collector_id=khoa.id))
    assert moved.changed == 2 and {holder(services, c) for c in ("Q3-A", "Q3-B")} == {"Lê Thu Hà"}
    (load_ha,) = [x for x in services.collectors.loads() if x.collector.name == "Lê Thu Hà"]
    assert (load_ha.customers, load_ha.overdue) == (6, (Money(45_000_000, "VND"),))


def test_a_count_that_changed_before_confirming_writes_nothing(office):
    services, _ids = office
    wanted = CustomerFilter(no_collector=True)
    seen = services.assignments.count(wanted)
    services.assignments.assign("Trần Minh Khoa", customer_ids=services.assignments.customer_ids(
        ["HN-A"]))
    with pytest.raises(InvalidValue) as changed:
        services.assignments.assign("Lê Thu Hà", wanted=wanted, expected=seen)
    assert changed.value.code == "assign.count_changed"
    assert changed.value.params == {"expected": 6, "now": 5}
    assert services.assignments.count(CustomerFilter(no_collector=True)) == 5


def test_undo_gives_back_the_previous_collectors_and_is_logged(office):
    services, ids = office
    first = services.assignments.assign("Trần Minh Khoa", wanted=CustomerFilter(district="Quận 1"))
    second = services.assignments.assign("Lê Thu Hà", wanted=CustomerFilter(territory="Nam"))
    assert second.changed == 5
    undo = services.assignments.undo(second.batch_id)
    assert undo.changed == 5 and undo.changes.customers == second.changes.customers
    assert {code: holder(services, code) for code in ("Q1-A", "Q1-C", "Q3-A")} == {
        "Q1-A": "Trần Minh Khoa", "Q1-C": "Trần Minh Khoa", "Q3-A": ""}
    batches = {b.batch_id: b for b in services.assignments.batches()}
    assert batches[second.batch_id].undone_by == undo.batch_id
    assert batches[undo.batch_id].undoes == second.batch_id
    assert batches[undo.batch_id].customers == 5 and batches[first.batch_id].undone_by is None
    history = services.assignments.changes(customer_id=ids["Q1-A"])
    assert [(c.from_name, c.to_name) for c in history] == [
        ("Lê Thu Hà", "Trần Minh Khoa"), ("Trần Minh Khoa", "Lê Thu Hà"), ("", "Trần Minh Khoa")]
    with pytest.raises(InvalidValue) as twice:
        services.assignments.undo(second.batch_id)
    assert twice.value.code == "assign.already_undone"
    with pytest.raises(NotFound):
        services.assignments.undo("no-such-batch")


def test_undo_is_refused_whole_when_a_later_batch_moved_its_customers(office):
    services, _ids = office
    first = services.assignments.assign("Trần Minh Khoa", wanted=CustomerFilter(territory="Nam"))
    services.assignments.assign("Lê Thu Hà", customer_ids=services.assignments.customer_ids(
        ["Q3-B"]))
    with pytest.raises(InvalidValue) as refused:
        services.assignments.undo(first.batch_id)
    assert refused.value.code == "assign.changed_since"
    assert refused.value.params["count"] == 1 and refused.value.params["customers"] == "Q3-B"
    # Nothing was undone: every customer keeps the collector it had.
    assert holder(services, "Q1-A") == "Trần Minh Khoa" and holder(services, "Q3-B") == "Lê Thu Hà"
    assert {b.undone_by for b in services.assignments.batches()} == {None}


def test_log_instants_are_strictly_ordered_text(office):
    services, _ids = office
    services.assignments.assign("Trần Minh Khoa", wanted=CustomerFilter(district="Quận 1"))
    with services.store.engine.connect() as conn:
        (at,) = conn.execute(text("SELECT DISTINCT at FROM assignment_log")).one()
    assert at.endswith("+00:00") and date.fromisoformat(at[:10]) >= date(2026, 1, 1)
