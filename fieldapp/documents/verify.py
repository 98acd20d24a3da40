"""`fieldapp verify FILE.pdf`: signature intact, who signed, trusted, untouched since, QR hash."""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from io import BytesIO
from pathlib import Path

from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..paths import resolve_profile
from .keys import is_development_subject, trusted_ca_file
from .model import RECORD_FILE, parse_payload


@dataclass
class Report:
    """What `verify` found in one file; ``problems`` empty means it passed."""

    path: str
    signed: bool = False
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    signer: str = ""
    signer_name: str = ""  # the names alone, for a window in any language (no "Common Name:")
    development: bool = False
    whole_file: bool = False
    record_id: str = ""
    record_sha256: str = ""
    qr: str = "absent"  # match, mismatch, absent (no record QR: a statement), missing_data
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}


@contextmanager
def _quiet(name: str):
    """pyHanko logs a traceback for every modification it finds; the report says it plainly."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` opens like a PDF: readers accept the header within the first 1024 bytes."""
    return b"%PDF-" in data[:1024]


def verify_bytes(data: bytes, trust_roots: list, path: str = "", strict: bool = False,
                 ca_missing: str = "") -> Report:
    """Check one PDF against ``trust_roots`` (the company CA); ``strict`` refuses DEVELOPMENT."""
    report = Report(path)
    try:
        with _quiet("pyhanko"):
            reader = PdfFileReader(BytesIO(data), strict=False)
            signatures = reader.embedded_regular_signatures
            if not signatures:
                report.problems.append("the file carries no signature")
                return report
            report.signed = True
            _signature(report, signatures[-1], trust_roots, ca_missing)
            _record(report, reader, signatures[-1].signed_revision)
    except Exception as exc:  # a damaged file: say so rather than crash
        report.problems.append(f"the file cannot be checked: it is damaged or was changed after "
                               f"signing ({exc})")
        return report
    if strict and report.development:
        report.problems.append("the signer holds a DEVELOPMENT certificate, refused by --strict")
    return report


def _names(subject) -> str:
    """The subject's common name, unit and organisation as bare values, most specific first:
    the attribute labels asn1crypto prints are English, and the window is not."""
    native = subject.native
    parts = [native.get(key) for key in ("common_name", "organizational_unit_name",
                                         "organization_name")]
    return ", ".join(str(p) for p in parts if p) or subject.human_friendly


def _signature(report: Report, sig, trust_roots: list, ca_missing: str) -> None:
    context = ValidationContext(trust_roots=trust_roots, allow_fetching=False)
    status = validate_pdf_signature(sig, context)
    report.intact, report.valid, report.trusted = status.intact, status.valid, status.trusted
    report.signer = status.signing_cert.subject.human_friendly
    report.signer_name = _names(status.signing_cert.subject)
    report.development = is_development_subject(report.signer)
    report.whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not status.intact:
        report.problems.append("the signed content was changed: its digest no longer matches")
    elif not status.valid:
        report.problems.append("the signature value does not verify with the signer's certificate")
    if ca_missing:
        report.problems.append(ca_missing)
    elif status.intact and status.valid and not status.trusted:
        report.problems.append("the signer's certificate does not chain to the company CA")
    if not report.whole_file:
        report.problems.append("the file was modified after signing: content was added after "
                               "the signed part")


def _embedded(root, name: str) -> bytes | None:
    try:
        names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return None
    for i in range(0, len(names) - 1, 2):  # a flat name tree: name, file spec, name, …
        if str(names[i]) == name:
            return names[i + 1]["/EF"]["/F"].data
    return None


def _record(report: Report, reader: PdfFileReader, revision: int) -> None:
    """Compare the QR payload (in Keywords) with the SHA-256 of the embedded record, both as
    signed: what was appended later cannot change the answer."""
    signed = reader.get_historical_resolver(revision)
    try:
        keywords = str(signed.trailer_view["/Info"]["/Keywords"])
    except KeyError:
        keywords = ""
    found = parse_payload(keywords)
    if found is None:
        return
    report.record_id, report.record_sha256 = found
    data = _embedded(signed.root, RECORD_FILE)
    if data is None:
        report.qr = "missing_data"
        report.problems.append("the QR code names a record, but the record data is not in the file")
        return
    body_id = json.loads(data.decode("utf-8")).get("uuid")
    matches = (hashlib.sha256(data).hexdigest() == report.record_sha256
               and body_id == report.record_id)
    report.qr = "match" if matches else "mismatch"
    if not matches:
        report.problems.append("the record data does not match the SHA-256 in the QR code")


def text(report: Report, ca_label: str) -> str:
    """The report as a person reads it: one line per question, then the verdict."""
    if not report.signed:
        return "\n".join([report.path, *(f"  problem:       {p}" for p in report.problems),
                          "  result:        NOT OK"])
    lines = [report.path,
             "  signature:     " + ("intact: the signed bytes are unchanged" if report.intact and
                                    report.valid else "BROKEN: the signed bytes were changed"),
             f"  signed by:     {report.signer}",
             "  certificate:   " + _chain(report, ca_label)]
    if report.development:
        lines.append("                 DEVELOPMENT certificate (local development CA): fine for "
                     "testing, not company evidence")
    lines.append("  after signing: " + ("nothing added" if report.whole_file
                                        else "MODIFIED: content was added after signing"))
    lines.append("  record QR:     " + {
        "match": f"matches: record {report.record_id}, SHA-256 {report.record_sha256}",
        "mismatch": "DOES NOT MATCH the embedded record data",
        "missing_data": "names a record whose data is missing from the file",
        "absent": "none (not a record document)"}[report.qr])
    lines += [f"  problem:       {p}" for p in report.problems]
    lines.append("  result:        " + ("OK" if report.ok else f"NOT OK ({len(report.problems)} "
                                                                  "problem(s))"))
    return "\n".join(lines)


def _chain(report: Report, ca_label: str) -> str:
    if not ca_label:
        return "not checked: no company CA certificate"
    if report.trusted:
        return f"chains to the company CA ({ca_label})"
    if not (report.intact and report.valid):
        return "not checked: the signature itself is broken"
    return f"does NOT chain to the company CA ({ca_label})"


def _trust(args) -> tuple[list, str, str]:
    """(trust roots, where they came from, the problem when there are none)."""
    if args.ca:  # asked for: unreadable is an error (OSError, ValueError), not a finding
        return list(load_certs_from_pemder([args.ca])), args.ca, ""
    path = trusted_ca_file(resolve_profile(args.home).home)
    if not path.is_file():
        return [], "", (f"cannot check the certificate chain: no CA certificate at {path} (the "
                        "profile has no company CA yet; pass --ca FILE)")
    return list(load_certs_from_pemder([str(path)])), str(path), ""


def main(args) -> int:
    """0 when every file passes, 1 when any has a problem, 2 when a file or the CA is unreadable."""
    try:
        roots, label, missing = _trust(args)
    except (OSError, ValueError) as exc:
        print(f"fieldapp verify: cannot read the CA certificate {args.ca}: "
              f"{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 2
    worst, reports = 0, []
    for name in args.files:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            print(f"fieldapp verify: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
            worst = 2
            continue
        if not is_pdf(data):
            print(f"fieldapp verify: {name} is not a PDF (it does not start with %PDF-), so there "
                  "is no signature to check", file=sys.stderr)
            worst = 2
            continue
        report = verify_bytes(data, roots, name, args.strict, missing)
        reports.append(report)
        if not args.json:
            print(text(report, label))
        worst = max(worst, 0 if report.ok else 1)
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=1))
    return worst
