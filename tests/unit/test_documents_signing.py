"""PAdES signatures: valid for pyHanko and poppler's pdfsig; tampering and appending are reported."""

import shutil
import subprocess
from io import BytesIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from fieldapp.documents import sample, signing, verify, visit_record
from fieldapp.documents.identity import IDENTITY_FILE
from fieldapp.documents.keys import CA_FILE, LocalDevelopmentCA
from fieldapp.documents.model import RECORD_FILE
from fieldapp.domain.codec import canonical_json, visit_to_dict

DEVICE = "a1b2c3d4-0000-4000-8000-000000000001"
needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils missing")


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    return LocalDevelopmentCA(tmp_path_factory.mktemp("keys"), DEVICE, lambda: "Trần Minh Khoa")


@pytest.fixture(scope="module")
def signed(keys):
    rec = sample.record("vi")
    body = canonical_json(visit_to_dict(rec.visit)).encode("utf-8")
    return signing.sign(visit_record.build(rec), keys, "test",
                        (signing.Attachment(RECORD_FILE, body),))


def roots(keys):
    return [load_cert_from_pemder(str(keys.folder / CA_FILE))]


def pdfsig(pdf: bytes, tmp_path, *options) -> str:
    """pdfsig exits 0 whatever it finds: the verdict is in its text."""
    path = tmp_path / "checked.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdfsig", *options, str(path)], capture_output=True, text=True)
    return done.stdout + done.stderr


def flip_one_byte(pdf: bytes) -> bytes:
    spot = pdf.index(b"ReportLab PDF Library")  # inside the signed range
    return pdf[:spot] + b"X" + pdf[spot + 1:]


def test_pyhanko_finds_it_intact_trusted_and_covering_the_whole_file(keys, signed):
    sig = PdfFileReader(BytesIO(signed)).embedded_regular_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=roots(keys)))
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert "DEVELOPMENT" in status.signing_cert.subject.human_friendly
    assert sig.sig_field["/T"] == signing.FIELD


def test_the_device_certificate_is_ec_p256_for_document_signing(keys, signed):
    cert = x509.load_pem_x509_certificate((keys.folder / IDENTITY_FILE).read_bytes())
    assert isinstance(cert.public_key().curve, ec.SECP256R1)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert oct((keys.folder / IDENTITY_FILE).stat().st_mode & 0o777) == "0o600"


@needs_pdfsig
def test_pdfsig_says_valid_and_total_document_signed(signed, tmp_path):
    out = pdfsig(signed, tmp_path)
    assert "Signature is Valid." in out and "Total document signed" in out
    assert "Trần Minh Khoa" in out


@pytest.mark.skipif(shutil.which("certutil") is None, reason="libnss3-tools missing")
@needs_pdfsig
def test_pdfsig_trusts_it_once_the_ca_is_in_its_nss_database(keys, signed, tmp_path):
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "dev-ca", "-t", "CT,C,C", "-i",
                    str(keys.folder / CA_FILE)], check=True)
    assert "Certificate is Trusted." in pdfsig(signed, tmp_path, "-nssdir", f"sql:{nss}")


@needs_pdfsig
def test_one_changed_byte_breaks_the_signature(keys, signed, tmp_path):
    tampered = flip_one_byte(signed)
    assert "Digest Mismatch." in pdfsig(tampered, tmp_path)
    report = verify.verify_bytes(tampered, roots(keys))
    assert not report.intact and not report.ok
    assert "the signed content was changed: its digest no longer matches" in report.problems


def _incremental_update(pdf: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@needs_pdfsig
@pytest.mark.parametrize("append", [_incremental_update, lambda pdf: pdf + b"\n% appended\n"],
                         ids=["incremental update", "junk"])
def test_anything_appended_after_signing_is_reported(keys, signed, tmp_path, append):
    changed = append(signed)
    assert "Not total document signed" in pdfsig(changed, tmp_path)
    report = verify.verify_bytes(changed, roots(keys))
    assert not report.whole_file and not report.ok
    assert any("modified after signing" in p for p in report.problems)
    assert report.qr == "match"  # the signed revision itself is still the record it claims


def test_verify_passes_a_good_file_and_checks_the_qr_hash(keys, signed):
    report = verify.verify_bytes(signed, roots(keys))
    assert report.ok and report.intact and report.trusted and report.whole_file
    rec = sample.record("vi")
    assert (report.qr, report.record_id, report.record_sha256) == ("match", rec.visit.uuid, rec.sha256)
    assert report.development and "DEVELOPMENT certificate" in verify.text(report, "ca.pem")
    assert not verify.verify_bytes(signed, roots(keys), strict=True).ok


def test_record_data_that_does_not_match_its_qr_hash_is_reported(keys):
    rec = sample.record("vi")
    other = canonical_json({**visit_to_dict(rec.visit), "collector": "someone else"}).encode()
    pdf = signing.sign(visit_record.build(rec), keys, "test", (signing.Attachment(RECORD_FILE, other),))
    report = verify.verify_bytes(pdf, roots(keys))
    assert report.intact and report.qr == "mismatch"
    assert report.problems == ["the record data does not match the SHA-256 in the QR code"]


def test_another_ca_does_not_vouch_for_this_device(keys, signed, tmp_path):
    stranger = LocalDevelopmentCA(tmp_path / "other", DEVICE, lambda: "Trần Minh Khoa")
    stranger.signer()
    report = verify.verify_bytes(signed, roots(stranger))
    assert report.intact and not report.trusted
    assert report.problems == ["the signer's certificate does not chain to the company CA"]


def test_unsigned_and_broken_files_are_refused_with_a_reason():
    unsigned = visit_record.build(sample.record("en"))
    assert verify.verify_bytes(unsigned, []).problems == ["the file carries no signature"]
    (problem,) = verify.verify_bytes(b"not a pdf at all", []).problems
    assert problem.startswith("the file cannot be checked")


def test_the_ca_and_the_device_identity_are_made_once(tmp_path):
    first = LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa")
    first.signer()
    ca, device = (tmp_path / CA_FILE).read_bytes(), (tmp_path / IDENTITY_FILE).read_bytes()
    LocalDevelopmentCA(tmp_path, DEVICE, lambda: "Trần Minh Khoa").signer()
    assert (tmp_path / CA_FILE).read_bytes() == ca and (tmp_path / IDENTITY_FILE).read_bytes() == device
