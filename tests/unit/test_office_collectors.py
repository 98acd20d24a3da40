"""Collectors in the office: unique names, languages, deactivation, and who may be deleted."""

import pytest

from fieldapp.domain.errors import InvalidValue, NotFound
from fieldapp.domain.money import Money
from fieldapp.services.office.app import build
from fieldapp.store import device_repo
from tests.conftest import ON_BOTH_DATABASES, TODAY

pytestmark = ON_BOTH_DATABASES


@pytest.fixture
def office(store):
    return build(store, TODAY, actor="lan.supervisor")


def test_collectors_are_added_listed_and_changed(office):
    added, changes = office.collectors.add("  Trần   Minh Khoa ", phone="0903 111 222",
                                           language="vi")
    assert changes.collectors
    assert (added.name, added.phone, added.language, added.active) == (
        "Trần Minh Khoa", "0903 111 222", "vi", True)
    assert added.devices == ()  # enrollment adds them
    office.collectors.add("陳雅婷", language="zh_TW")
    assert [c.name for c in office.collectors.list()] == sorted(["Trần Minh Khoa", "陳雅婷"])
    edited, _ = office.collectors.edit("Trần Minh Khoa", phone="0903 999 000", language="en")
    assert (edited.id, edited.name, edited.phone, edited.language) == (
        added.id, "Trần Minh Khoa", "0903 999 000", "en")
    renamed, _ = office.collectors.edit(added.id, name="Trần M. Khoa")
    assert office.collectors.get("Trần M. Khoa").id == added.id


def test_bad_collector_values_are_refused_by_name(office):
    office.collectors.add("Lê Văn An")
    with pytest.raises(InvalidValue) as taken:
        office.collectors.add("Lê Văn An")
    assert taken.value.code == "collector.name_taken"
    with pytest.raises(InvalidValue) as empty:
        office.collectors.add("   ")
    assert empty.value.code == "collector.name_required"
    with pytest.raises(InvalidValue) as language:
        office.collectors.add("Phạm Thu", language="fr")
    assert language.value.code == "collector.language" and "zh_CN" in str(language.value)
    with pytest.raises(NotFound):
        office.collectors.edit("Nobody", phone="1")
    office.collectors.add("Phạm Thu")
    with pytest.raises(InvalidValue):  # renaming onto another's name
        office.collectors.edit("Phạm Thu", name="Lê Văn An")
    assert sorted(c.name for c in office.collectors.list()) == ["Lê Văn An", "Phạm Thu"]


def test_a_collector_with_customers_is_deactivated_not_deleted(office, builder):
    cid = builder.customer("Công ty TNHH Đặng Hưng")
    builder.invoice(cid, "HD-1", TODAY.replace(day=1), 7_000_000)
    builder.save()
    khoa, _ = office.collectors.add("Trần Minh Khoa")
    office.assignments.assign(khoa.id, customer_ids=[cid])
    with pytest.raises(InvalidValue) as refused:
        office.collectors.delete("Trần Minh Khoa")
    assert refused.value.code == "collector.has_customers"
    assert "deactivate" in str(refused.value)
    office.collectors.deactivate("Trần Minh Khoa")
    (load,) = office.collectors.loads()
    assert (load.collector.active, load.customers, load.overdue) == (
        False, 1, (Money(7_000_000, "VND"),))
    assert office.collectors.list(include_inactive=False) == []
    # No new customers go to an inactive collector.
    other = builder.customer("Cửa hàng Minh Anh")
    builder.save()
    with pytest.raises(InvalidValue) as inactive:
        office.assignments.assign(khoa.id, customer_ids=[other])
    assert inactive.value.code == "collector.inactive"
    # Moved away, the collector is still named in the history: still not deleted.
    office.assignments.assign(None, customer_ids=[cid])
    with pytest.raises(InvalidValue) as history:
        office.collectors.delete(khoa.id)
    assert history.value.code == "collector.has_history"


def test_a_collector_nobody_relied_on_is_deleted(office):
    office.collectors.add("Nhập nhầm")
    office.collectors.delete("Nhập nhầm")
    assert office.collectors.list() == []


A, B = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0", "51d2a0aa-9999-4e76-b22f-16fb26bfd6e0"


def enroll_rows(store, collector_id):
    """Two laptops for the collector, the older one revoked (as enrollment leaves them)."""
    with store.sessions.begin() as session:
        device_repo.put(session, A, collector_id, "PEM A", "2026-11-20T01:30:00+00:00")
        device_repo.put(session, B, collector_id, "PEM B", "2026-11-02T08:00:00+00:00")
        device_repo.revoke(session, B, "2026-11-19T09:00:00+00:00", "lost")


def test_collectors_carry_their_enrolled_laptops_in_every_read(office):
    khoa, _ = office.collectors.add("Trần Minh Khoa")
    office.collectors.add("Lê Thu Hà")
    enroll_rows(office.store, khoa.id)
    got = office.collectors.get("Trần Minh Khoa")
    assert [(d.id, d.short_id, d.enrolled_at.isoformat(), d.revoked) for d in got.devices] == [
        (B, "51d2a0aa", "2026-11-02T08:00:00+00:00", True),
        (A, "8c0fc978", "2026-11-20T01:30:00+00:00", False)]
    assert got.laptops == 1
    listed = {c.name: c for c in office.collectors.list()}
    assert listed["Trần Minh Khoa"].devices == got.devices
    assert listed["Lê Thu Hà"].devices == () and listed["Lê Thu Hà"].laptops == 0
    loads = {x.collector.name: x.collector for x in office.collectors.loads()}
    assert loads["Trần Minh Khoa"].devices == got.devices
    edited, _ = office.collectors.edit("Trần Minh Khoa", phone="0903 000 111")
    assert edited.devices == got.devices
