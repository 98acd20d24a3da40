"""The golden day bundle and assignment pack of format 1 (tests/golden/make_day_pack_v1.py made
them) still read with today's code: verified as of the day they were made, the pack applied to
a database of today's schema, the day's records imported into it against the customers and
invoices the pack brought; a day bundle claiming a newer format is refused with its reason."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from collections import Counter
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.documents import identity
from fieldapp.store import field_records, pack_apply
from fieldapp.sync import bundle, cms, day
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.manifest import FORMAT, canonical
from fieldapp.sync.pack import MEMBER, parse

GOLDEN = Path(__file__).parent.parent / "golden"
DAY, PACK = GOLDEN / "day_v1.zip", GOLDEN / "pack_v1.zip"
CA = identity.read_cert(GOLDEN / "day_pack_v1_ca.pem")
# Read as of the day they were made: their certificates expire, the format does not.
MADE = CA.not_valid_before_utc + timedelta(hours=2)
TRUST = bundle.Trust((CA,), at=MADE)
EVERY_OUTCOME = {"promise", "installment_plan", "dispute", "money_received", "refusal", "absent"}


def test_the_format_1_pack_reads_and_applies_to_todays_schema(store):
    read = bundle.read(PACK.read_bytes(), TRUST)
    m = read.manifest
    assert (m.format, m.kind, m.sender, m.seq, m.prev_sha256) == (1, "pack", "office", 1, "")
    assert sorted(read.members) == [MEMBER]
    pack = parse(read.members[MEMBER])
    assert pack.version == 1 and pack.header["full"] is True and len(pack.customers) >= 7
    applied = _apply_pack(store, pack)
    assert applied.added == len(pack.customers)
    with store.engine.connect() as conn:
        held = {r[0] for r in conn.execute(text("SELECT code FROM customer"))}
        invoices = conn.execute(text("SELECT COUNT(*) FROM invoice")).scalar()
    assert held == {c["code"] for c in pack.customers} and invoices


def test_the_format_1_day_bundle_imports_against_the_packs_customers(store):
    _apply_pack(store, parse(bundle.read(PACK.read_bytes(), TRUST).members[MEMBER]))
    read = bundle.read(DAY.read_bytes(), TRUST)
    m = read.manifest
    assert (m.format, m.kind, m.seq, m.prev_sha256) == (1, "day", 1, "")
    records, blobs = day.records_of(read.members)
    with store.sessions.begin() as session:
        added = field_records.apply(session, records, blobs)
    kinds = Counter(r["kind"] for r in records)
    assert added == len(records) and kinds["visit"] == 7 and kinds["attachment"] == 1
    assert kinds["document"] == sum(n.startswith("documents/") for n in blobs)
    with store.engine.connect() as conn:
        outcomes = {r[0] for r in conn.execute(text("SELECT kind FROM outcome"))}
        placed = dict(conn.execute(text(
            "SELECT v.uuid, c.code FROM visit v JOIN customer c ON c.id = v.customer_id")).all())
        pdfs = conn.execute(text("SELECT COUNT(*) FROM document WHERE data IS NOT NULL")).scalar()
    assert EVERY_OUTCOME <= outcomes
    # Each visit lands on the customer its laptop named, whatever this database's ids are.
    assert placed == {r["row"]["uuid"]: r["ref"]["customer"] for r in records
                      if r["kind"] == "visit"}
    assert pdfs == kinds["document"]
    with store.sessions.begin() as session:  # the same bundle again adds nothing
        assert field_records.apply(session, records, blobs) == 0


def _apply_pack(store, pack):
    with store.sessions.begin() as session:
        return pack_apply.apply(session.connection(), pack.customers, pack.route_stops,
                                pack.outcomes, MADE.date())


def _newer(data: bytes) -> bytes:
    """The golden day bundle with its manifest claiming the next format, signed again by the
    same (test-only) laptop key."""
    key, cert = identity.load(GOLDEN / "day_v1_device_identity.pem")
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        value = json.loads(src.read("manifest.json"))
        body = canonical({**value, "format": FORMAT + 1})
        for info in src.infolist():
            member = {"manifest.json": body,
                      "manifest.sig": cms.sign(body, key, cert)}.get(info.filename)
            dst.writestr(info, member if member is not None else src.read(info))
    return out.getvalue()


def test_a_day_bundle_of_a_newer_format_is_refused_with_a_clear_message():
    with pytest.raises(BundleRefused) as refused:
        bundle.read(_newer(DAY.read_bytes()), TRUST)
    assert (refused.value.code, refused.value.params) == (
        "sync.newer_format", {"format": FORMAT + 1, "known": FORMAT})
    assert str(refused.value) == (f"the bundle has format {FORMAT + 1}; this program reads "
                                  f"formats up to {FORMAT}: install the newer fieldapp")


def test_the_office_quarantines_a_newer_format_with_its_reason(store, tmp_path):
    from fieldapp.services.office.bundles import Bundles  # noqa: PLC0415
    newer = tmp_path / "day-newer.zip"
    newer.write_bytes(_newer(DAY.read_bytes()))
    bundles = Bundles(store, lambda: MADE)
    (report,) = bundles.import_files([newer], TRUST)
    assert (report.status, report.reason, report.seq) == ("quarantined", "sync.newer_format", 1)
    (row,) = bundles.received()
    assert "install the newer fieldapp" in row.detail and row.data == newer.read_bytes()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl tool is not installed")
@pytest.mark.parametrize("golden", [DAY, PACK], ids=["day", "pack"])
def test_openssl_verifies_the_golden_manifests(golden, tmp_path):
    with zipfile.ZipFile(golden) as z:
        for name in ("manifest.json", "manifest.sig"):
            (tmp_path / name).write_bytes(z.read(name))
    out = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                          "manifest.sig", "-content", "manifest.json", "-CAfile",
                          str(GOLDEN / "day_pack_v1_ca.pem"), "-purpose", "any", "-attime",
                          str(int(MADE.timestamp())), "-out", "/dev/null"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
