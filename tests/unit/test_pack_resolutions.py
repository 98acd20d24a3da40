"""A pack's optional "resolutions" key: absent when empty (older packs read as before), read back
as sent, and refused whole when malformed."""

from __future__ import annotations

import json

import pytest

from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.pack import Pack, parse

HEADER = {"version": 3, "device": "dev-1", "collector": "Lan", "created_at":
          "2026-11-27T02:00:00+00:00", "expires_at": "2026-12-11T02:00:00+00:00",
          "route_from": "2026-11-27", "full": True, "base": 0}
ONE = {"uuid": "5f0c4c1e-0000-4000-8000-000000000001", "resolved_at": "2026-11-27T03:00:00+00:00",
       "resolved_by": "thu.tran", "root_cause": "Kho giao nhầm lô hàng"}


def test_resolutions_travel_only_when_there_are_some():
    plain = Pack(HEADER, [], [], [], []).to_bytes()
    assert "resolutions" not in json.loads(plain) and parse(plain).resolutions == []
    sent = Pack(HEADER, [], [], [], [], resolutions=[ONE]).to_bytes()
    assert parse(sent).resolutions == [ONE]


@pytest.mark.parametrize("bad", [[{**ONE, "root_cause": 7}], [{"uuid": ONE["uuid"]}], {"a": 1}])
def test_a_malformed_resolution_refuses_the_pack(bad):
    body = json.loads(Pack(HEADER, [], [], [], []).to_bytes())
    body["resolutions"] = bad
    with pytest.raises(BundleRefused) as refused:
        parse(json.dumps(body).encode())
    assert refused.value.code == "sync.bad_pack"
