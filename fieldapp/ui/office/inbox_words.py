"""Words of the review inbox: state and outcome names, and a document's verification."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.visit import OutcomeKind
from ..labels import label


def state_text(state: str) -> str:
    if state == "received":
        return QCoreApplication.translate("Inbox", "Received")
    if state == "approved":
        return QCoreApplication.translate("Inbox", "Approved")
    if state == "has_issues":
        return QCoreApplication.translate("Inbox", "Has issues")
    if state == "rejected":
        return QCoreApplication.translate("Inbox", "Rejected")
    return state


def outcomes_text(kinds) -> str:
    return ", ".join(label(OutcomeKind(k)) for k in kinds)


def verification_lines(checked) -> list[tuple[bool, str]]:
    """(passed, sentence) for each question `fieldapp verify` answers about the PDF."""
    r = checked.report
    if not r.signed:
        return [(False, QCoreApplication.translate("Inbox", "The document carries no "
                                                            "signature."))]
    intact = r.intact and r.valid and r.whole_file
    lines = [(intact, QCoreApplication.translate(
        "Inbox", "Signature intact: nothing changed since signing.") if intact else
        QCoreApplication.translate(
            "Inbox", "Signature broken: the document was changed after signing."))]
    if not checked.ca:
        lines.append((False, QCoreApplication.translate(
            "Inbox", "Chain not checked: this office has no company certificate yet.")))
    elif r.trusted:
        lines.append((True, QCoreApplication.translate(
            "Inbox", "Signed by %1, whose certificate chains to the company CA.")
            .replace("%1", r.signer_name or r.signer)))
    else:
        lines.append((False, QCoreApplication.translate(
            "Inbox", "Signed by %1, whose certificate does not chain to the company CA.")
            .replace("%1", r.signer_name or r.signer)))
    if r.development:
        lines.append((False, QCoreApplication.translate(
            "Inbox", "Development certificate: fine for testing, not company evidence.")))
    if r.qr == "match":
        lines.append((True, QCoreApplication.translate(
            "Inbox", "QR code matches the record inside the document.")))
    elif r.qr == "mismatch":
        lines.append((False, QCoreApplication.translate(
            "Inbox", "QR code does not match the record inside the document.")))
    elif r.qr == "missing_data":
        lines.append((False, QCoreApplication.translate(
            "Inbox", "QR code names a record missing from the document.")))
    else:
        lines.append((True, QCoreApplication.translate(
            "Inbox", "No record QR code (not a record document).")))
    return lines
