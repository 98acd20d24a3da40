"""Collectors in the office: unique names, languages, deactivation, and who may be deleted."""

import pytest

from fieldapp.domain.errors import InvalidValue, NotFound
from fieldapp.domain.money import Money
from fieldapp.services.office.app import build
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
