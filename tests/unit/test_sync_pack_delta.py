"""The pure parts of delta packs: the customer-set hash (order-independent, version-bound),
part hashes that notice an outcome's change, the delta body's format, and the pack state a day
bundle carries."""

from __future__ import annotations

import json

import pytest

from fieldapp.sync import day
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.pack import DELTA_FORMAT, PACK_FORMAT, Pack, parse
from fieldapp.sync.pack_delta import customer_set_hash, diff, part_hashes

HEADER = {"version": 3, "device": "d1", "collector": "Lan", "created_at": "2026-11-30T03:00:00Z",
          "expires_at": "2026-12-14T03:00:00+00:00", "route_from": "2026-11-30"}


def test_the_customer_set_hash_ignores_order_and_names_the_version():
    assert customer_set_hash(["B", "A", "C"], 2) == customer_set_hash(["C", "A", "B"], 2)
    assert customer_set_hash(["A", "B"], 2) != customer_set_hash(["A", "B"], 3)
    assert customer_set_hash(["A", "B"], 2) != customer_set_hash(["A"], 2)


def test_a_changed_outcome_changes_only_its_customers_part():
    customers = [{"code": "A", "name": "An"}, {"code": "B", "name": "Bình"}]
    outcomes = [{"uuid": "u1", "resolved": False, "superseded_by": None, "customer": "A"}]
    before = part_hashes(customers, outcomes)
    after = part_hashes(customers, [dict(outcomes[0], resolved=True)])
    assert before["A"] != after["A"] and before["B"] == after["B"]
    assert diff(after, before) == ({"A"}, [])
    assert diff({"B": after["B"], "C": "x"}, before) == ({"C"}, ["A"])


def test_a_delta_travels_as_format_2_with_its_base_and_removed_codes():
    delta = Pack({**HEADER, "full": False, "base": 2}, [], [], [], [], ["KH9"])
    body = json.loads(delta.to_bytes())
    assert body["format"] == DELTA_FORMAT and body["removed"] == ["KH9"]
    back = parse(delta.to_bytes())
    assert (back.full, back.base, back.removed) == (False, 2, ["KH9"])
    full = parse(Pack({**HEADER, "full": True, "base": 0}, [], [], [], []).to_bytes())
    assert json.loads(full.to_bytes())["format"] == PACK_FORMAT and full.full
    lying = dict(body, pack={**body["pack"], "full": True})  # format 2 saying it is full
    with pytest.raises(BundleRefused) as refused:
        parse(json.dumps(lying).encode())
    assert refused.value.code == "sync.bad_pack"


def test_a_day_bundle_carries_the_pack_state_and_a_bad_one_is_refused():
    state = {"pack_version": 2, "customer_set_hash": "a" * 64}
    members = day.members([], {}, state)
    assert day.records_of(members) == ([], {}) and day.state_of(members) == state
    assert day.state_of(day.members([], {})) is None
    for bad in ({"pack_version": -1, "customer_set_hash": "a" * 64},
                {"pack_version": 2, "customer_set_hash": "zz"}, {"pack_version": 2}):
        with pytest.raises(BundleRefused) as refused:
            day.state_of(day.members([], {}, bad))
        assert refused.value.code == "sync.bad_records"
