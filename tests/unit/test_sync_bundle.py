"""Bundles: written signed, read back whole, and every hostile zip refused with its reason code
(real zips built here, as an attacker or a damaged USB stick would hand them over)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from datetime import datetime, timedelta, timezone
from io import BytesIO

import pytest

from fieldapp.sync import bundle, cms, pki
from fieldapp.sync.bundle import Limits, Signer, Trust
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.manifest import FORMAT, MANIFEST, SIGNATURE, canonical

NOW = datetime.now(timezone.utc).replace(microsecond=0)
DEVICE = "8c0fc978-3503-4e76-b22f-16fb26bfd6e0"
MEMBERS = {"records.jsonl": '{"uuid":"1","note":"Khách hẹn trả 5.000.000 ₫"}\n'.encode(),
           "pdf/visit-1.pdf": b"%PDF-1.7 not really\n" * 50}


def _pki(company: str):
    ca_key = pki.new_key()
    ca = pki.company_ca(ca_key, company, NOW)
    key = pki.new_key()
    cert = pki.device_certificate(key.public_key(), DEVICE, "Trần Minh Khoa", ca_key, ca, NOW)
    return ca, Signer(key, cert)


@pytest.fixture(scope="module")
def company():
    return _pki("Công ty ACME")


@pytest.fixture(scope="module")
def stranger():
    return _pki("Somebody else")


def _write(signer, members=MEMBERS, **kw) -> bytes:
    args = dict(sender=DEVICE, seq=3, prev_sha256="ab" * 32, schema_version=10, created_at=NOW)
    return bundle.write("day", members, signer, **{**args, **kw})


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def _zip(entries, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, (2026, 11, 29, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return out.getvalue()


def _resigned(signer, manifest: bytes, members: dict[str, bytes]) -> bytes:
    """A bundle whose manifest (any bytes) is genuinely signed: the checks after the signature
    are reached, as with a laptop whose key signs a bad manifest."""
    return _zip([(MANIFEST, manifest), (SIGNATURE, cms.sign(manifest, signer.key, signer.cert)),
                 *members.items()])


def _manifest_dict(**changes) -> dict:
    value = {"format": FORMAT, "kind": "day", "bundle_id": "0f6b0c5e-1d0a-4c61-9a49-2b1d7c1e7a11",
             "sender": DEVICE, "seq": 1, "prev_sha256": "", "created_at": "2026-11-29T08:00:00Z",
             "schema_version": 10,
             "members": [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                         for n, d in sorted(MEMBERS.items())]}
    value.update(changes)
    return value


def _refused(data: bytes, trust: Trust, limits: Limits = bundle.LIMITS) -> BundleRefused:
    with pytest.raises(BundleRefused) as caught:
        bundle.read(data, trust, limits)
    return caught.value


def test_a_bundle_reads_back_with_its_manifest_members_and_signer(company):
    ca, signer = company
    data = _write(signer)
    read = bundle.read(data, Trust((ca,)))
    assert read.members == MEMBERS
    m = read.manifest
    assert (m.kind, m.sender, m.seq, m.prev_sha256, m.schema_version, m.format) == (
        "day", DEVICE, 3, "ab" * 32, 10, FORMAT)
    assert m.created_at == NOW and read.signer == signer.cert
    assert read.sha256 == hashlib.sha256(data).hexdigest()
    assert [e[0] for e in _entries(data)][:2] == [MANIFEST, SIGNATURE]
    # The manifest is canonical JSON: sorted keys, no spaces, UTF-8, every member named.
    body = dict(_entries(data))[MANIFEST]
    value = json.loads(body)
    assert body == json.dumps(value, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False).encode("utf-8")
    assert {x["name"]: (x["size"], x["sha256"]) for x in value["members"]} == {
        n: (len(d), hashlib.sha256(d).hexdigest()) for n, d in MEMBERS.items()}


def _openssl(folder, manifest: bytes, signature: bytes, ca) -> subprocess.CompletedProcess:
    (folder / "manifest.json").write_bytes(manifest)
    (folder / "manifest.sig").write_bytes(signature)
    (folder / "ca.pem").write_bytes(pki.pem(ca))
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER",
                           "-in", "manifest.sig", "-content", "manifest.json",
                           "-CAfile", "ca.pem", "-purpose", "any", "-out", "/dev/null"],
                          cwd=folder, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl tool is not installed")
def test_openssl_accepts_the_genuine_signature_and_refuses_a_tampered_manifest(company, stranger,
                                                                              tmp_path):
    ca, signer = company
    entries = dict(_entries(_write(signer)))
    good = _openssl(tmp_path, entries[MANIFEST], entries[SIGNATURE], ca)
    assert good.returncode == 0, good.stderr
    assert "Verification successful" in good.stderr
    tampered = entries[MANIFEST].replace(b'"seq":3', b'"seq":4')
    assert tampered != entries[MANIFEST]
    bad = _openssl(tmp_path, tampered, entries[SIGNATURE], ca)
    assert bad.returncode != 0 and "Verification failure" in bad.stderr
    # Genuine bytes, but the company CA did not issue the signer: refused as well.
    other = dict(_entries(_write(stranger[1])))
    assert _openssl(tmp_path, other[MANIFEST], other[SIGNATURE], ca).returncode != 0


def test_a_tampered_manifest_is_refused_as_a_bad_signature(company):
    ca, signer = company
    entries = _entries(_write(signer))
    entries[0] = (MANIFEST, entries[0][1].replace(b'"seq":3', b'"seq":4'))
    assert _refused(_zip(entries), Trust((ca,))).code == "sync.bad_signature"


def test_a_signature_that_is_not_cms_is_refused(company):
    ca, signer = company
    entries = _entries(_write(signer))
    entries[1] = (SIGNATURE, b"\x30\x03\x02\x01\x01 garbage")
    refusal = _refused(_zip(entries), Trust((ca,)))
    assert refusal.code == "sync.bad_signature" and "cannot be read" in str(refusal)


def test_a_signer_the_company_did_not_certify_is_refused_before_its_manifest_is_read(company,
                                                                                   stranger):
    ca, _ = company
    # Not even JSON: had the manifest been parsed first, this would say bad_manifest.
    data = _resigned(stranger[1], b"\x00 not json", {})
    refusal = _refused(data, Trust((ca,)))
    assert refusal.code == "sync.unknown_signer" and "Somebody else" not in refusal.params
    assert "Trần Minh Khoa" in refusal.params["signer"]


def test_a_revoked_signer_is_refused(company):
    ca, signer = company
    trust = Trust((ca,), revoked=frozenset({cms.serial_hex(signer.cert)}))
    assert _refused(_write(signer), trust).code == "sync.revoked"
    # Another revoked serial does not touch this signer.
    assert bundle.read(_write(signer), Trust((ca,), revoked=frozenset({"1234"}))).members


def test_a_signer_whose_certificate_has_expired_is_refused(company):
    ca, signer = company
    later = NOW + timedelta(days=365 * pki.DEVICE_YEARS + 2)
    refusal = _refused(_write(signer), Trust((ca,), at=later))
    assert refusal.code == "sync.signer_expired"


def test_a_device_signs_only_as_itself(company):
    ca, signer = company
    for sender in ("office", "0f6b0c5e-1d0a-4c61-9a49-2b1d7c1e7a11"):
        refusal = _refused(_write(signer, sender=sender), Trust((ca,)))
        assert (refusal.code, refusal.params) == ("sync.wrong_sender",
                                                  {"sender": sender, "signer": DEVICE})


def test_a_changed_member_is_refused_by_its_hash(company):
    ca, signer = company
    entries = [(n, d.replace(b"5.000.000", b"9.000.000") if n == "records.jsonl" else d)
               for n, d in _entries(_write(signer))]
    refusal = _refused(_zip(entries), Trust((ca,)))
    assert (refusal.code, refusal.params) == ("sync.bad_hash", {"member": "records.jsonl"})


def test_a_member_of_another_size_is_refused(company):
    ca, signer = company
    entries = [(n, d + b"more" if n == "records.jsonl" else d) for n, d in _entries(_write(signer))]
    assert _refused(_zip(entries), Trust((ca,))).code == "sync.bad_hash"


def test_a_member_the_manifest_names_but_the_zip_lacks_is_refused(company):
    ca, signer = company
    entries = [e for e in _entries(_write(signer)) if e[0] != "pdf/visit-1.pdf"]
    refusal = _refused(_zip(entries), Trust((ca,)))
    assert (refusal.code, refusal.params) == ("sync.missing_member", {"member": "pdf/visit-1.pdf"})


def test_a_member_the_manifest_does_not_name_is_refused(company):
    ca, signer = company
    entries = _entries(_write(signer)) + [("payload.exe", b"MZ")]
    refusal = _refused(_zip(entries), Trust((ca,)))
    assert (refusal.code, refusal.params) == ("sync.extra_member", {"member": "payload.exe"})


def test_a_member_twice_in_the_zip_is_refused(company):
    ca, signer = company
    entries = _entries(_write(signer))
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = _zip(entries + [("records.jsonl", b"{\"uuid\":\"2\"}\n")])
    refusal = _refused(data, Trust((ca,)))
    assert (refusal.code, refusal.params) == ("sync.duplicate_member", {"member": "records.jsonl"})


def test_a_member_twice_in_the_signed_manifest_is_refused(company):
    ca, signer = company
    value = _manifest_dict()
    value["members"] = value["members"] + value["members"][-1:]
    refusal = _refused(_resigned(signer, canonical(value), MEMBERS), Trust((ca,)))
    assert refusal.code == "sync.duplicate_member"


@pytest.mark.parametrize("name", ["../../.bashrc", "/etc/passwd", "a/../../b", "C:/x.txt",
                                  "..\\evil.txt", "pdf\\x.pdf", "a//b", "./x", "pdf/", ".hidden",
                                  "a:b", "-rf", "a" * 200])
def test_zip_slip_and_odd_member_names_are_refused(company, name):
    ca, signer = company
    entries = _entries(_write(signer)) + [(name, b"x")]
    refusal = _refused(_zip(entries), Trust((ca,)))
    assert refusal.code == "sync.bad_name"


def test_a_symbolic_link_member_is_refused(company):
    ca, signer = company
    out = BytesIO(_write(signer))
    with zipfile.ZipFile(out, "a") as z:
        info = zipfile.ZipInfo("link", (2026, 11, 29, 0, 0, 0))
        info.external_attr = (0o120777 << 16)
        z.writestr(info, "/etc/passwd")
    refusal = _refused(out.getvalue(), Trust((ca,)))
    assert (refusal.code, refusal.params) == ("sync.bad_name", {"member": "link"})


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it(company):
    ca, signer = company
    bomb = b"\0" * (48 * 1024 * 1024)  # deflates about 1000:1
    data = _zip(_entries(_write(signer)) + [("records2.jsonl", bomb)])
    assert len(data) < 200_000
    refusal = _refused(data, Trust((ca,)))
    assert refusal.code == "sync.ratio" and refusal.params["member"] == "records2.jsonl"
    assert refusal.params["ratio"] > 100


def test_declared_sizes_beyond_the_budgets_are_refused(company):
    ca, signer = company
    data = _write(signer)
    small_member = Limits(member_bytes=500)
    refusal = _refused(data, Trust((ca,)), small_member)
    assert refusal.code == "sync.too_large" and refusal.params["what"] == "pdf/visit-1.pdf"
    assert _refused(data, Trust((ca,)), Limits(total_bytes=1000)).code == "sync.too_large"
    assert _refused(data, Trust((ca,)), Limits(file_bytes=len(data) - 1)).code == "sync.too_large"
    assert _refused(data, Trust((ca,)), Limits(members=3)).code == "sync.too_large"


def test_a_lying_directory_cannot_make_the_reader_inflate_more_than_it_declares(company):
    """The directory and the signed manifest say 10 bytes; the data inflates to 1 MiB: reading
    stops at 10, and the zip's CRC (of the whole data) refuses the member."""
    ca, signer = company
    big = b"A" * (1024 * 1024)
    value = _manifest_dict(members=[{"name": "big.bin", "size": 10,
                                     "sha256": hashlib.sha256(big[:10]).hexdigest()}])
    data = bytearray(_resigned(signer, canonical(value), {"big.bin": big}))
    local, central = data.rfind(b"PK\x03\x04"), data.rfind(b"PK\x01\x02")
    data[local + 22:local + 26] = (10).to_bytes(4, "little")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    refusal = _refused(bytes(data), Trust((ca,)))
    assert refusal.code == "sync.not_a_bundle" and "big.bin" in str(refusal)


def test_a_newer_format_is_refused_with_a_clear_message(company):
    ca, signer = company
    # A newer format may have other fields: it is refused for what it is, not as malformed.
    value = {**_manifest_dict(format=FORMAT + 1), "encryption": "x25519"}
    refusal = _refused(_resigned(signer, canonical(value), MEMBERS), Trust((ca,)))
    assert (refusal.code, refusal.params) == ("sync.newer_format",
                                              {"format": FORMAT + 1, "known": FORMAT})
    assert "install the newer fieldapp" in str(refusal)


@pytest.mark.parametrize("manifest", [
    json.dumps(_manifest_dict()).encode(),  # spaces: not canonical
    canonical({**_manifest_dict(), "extra": 1}),
    canonical(_manifest_dict(kind="gift")),
    canonical(_manifest_dict(bundle_id="not-a-uuid")),
    canonical(_manifest_dict(seq=-1)),
    canonical(_manifest_dict(created_at="2026-11-29 08:00")),
    canonical([1, 2]),
])
def test_a_signed_but_malformed_manifest_is_refused(company, manifest):
    ca, signer = company
    refusal = _refused(_resigned(signer, manifest, MEMBERS), Trust((ca,)))
    assert refusal.code == "sync.bad_manifest"


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 cut off", b"%PDF-1.7\n" * 100])
def test_what_is_not_a_zip_is_not_a_bundle(company, data):
    assert _refused(data, Trust((company[0],))).code == "sync.not_a_bundle"


def test_a_zip_without_a_signature_is_not_a_bundle(company):
    ca, signer = company
    entries = [e for e in _entries(_write(signer)) if e[0] != SIGNATURE]
    refusal = _refused(_zip(entries), Trust((ca,)))
    assert refusal.code == "sync.not_a_bundle" and "manifest.sig" in str(refusal)


def test_a_large_file_is_refused_by_its_size_before_it_is_read(company, tmp_path):
    ca, signer = company
    path = tmp_path / "big.zip"
    path.write_bytes(_write(signer))
    with pytest.raises(BundleRefused) as caught:
        bundle.read_file(path, Trust((ca,)), Limits(file_bytes=100))
    assert caught.value.code == "sync.too_large"
    assert bundle.read_file(path, Trust((ca,))).members == MEMBERS


def test_every_refusal_has_words_for_the_window_and_the_quarantine():
    from fieldapp.domain.errors import MESSAGES
    from fieldapp.ui.error_text import WORDS
    codes = {"sync.bad_signature", "sync.unknown_signer", "sync.revoked", "sync.bad_hash",
             "sync.missing_member", "sync.extra_member", "sync.duplicate_member",
             "sync.too_large", "sync.ratio", "sync.newer_format", "sync.not_a_bundle",
             "sync.bad_name", "sync.bad_manifest", "sync.signer_expired",
             "sync.wrong_sender"}
    assert codes <= set(MESSAGES) and codes <= set(WORDS)
