"""Words of the review inbox: state and outcome names, and a document's verification."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ...domain.visit import OutcomeKind
from ..labels import label

_STATES = {
    "received": QT_TRANSLATE_NOOP("Inbox", "Received"),
    "approved": QT_TRANSLATE_NOOP("Inbox", "Approved"),
    "has_issues": QT_TRANSLATE_NOOP("Inbox", "Has issues"),
    "rejected": QT_TRANSLATE_NOOP("Inbox", "Rejected"),
}


def state_text(state: str) -> str:
    source = _STATES.get(state)
    return QCoreApplication.translate("Inbox", source) if source else state


def outcomes_text(kinds) -> str:
    return ", ".join(label(OutcomeKind(k)) for k in kinds)


def verification_lines(checked) -> list[tuple[bool, str]]:
    """(passed, sentence) for each question `fieldapp verify` answers about the PDF."""
    r, tr = checked.report, QCoreApplication.translate
    if not r.signed:
        return [(False, tr("Inbox", "The document carries no signature."))]
    lines = [(r.intact and r.valid and r.whole_file,
              tr("Inbox", "Signature intact: nothing changed since signing.")
              if r.intact and r.valid and r.whole_file else
              tr("Inbox", "Signature broken: the document was changed after signing."))]
    if not checked.ca:
        lines.append((False, tr("Inbox", "Chain not checked: this office has no company "
                                         "certificate yet.")))
    elif r.trusted:
        lines.append((True, tr("Inbox", "Signed by %1, whose certificate chains to the "
                                        "company CA.").replace("%1", r.signer)))
    else:
        lines.append((False, tr("Inbox", "Signed by %1, whose certificate does not chain to "
                                         "the company CA.").replace("%1", r.signer)))
    if r.development:
        lines.append((False, tr("Inbox", "Development certificate: fine for testing, not "
                                         "company evidence.")))
    lines.append({
        "match": (True, tr("Inbox", "QR code matches the record inside the document.")),
        "mismatch": (False, tr("Inbox", "QR code does not match the record inside the "
                                        "document.")),
        "missing_data": (False, tr("Inbox", "QR code names a record missing from the "
                                            "document.")),
        "absent": (True, tr("Inbox", "No record QR code (not a record document).")),
    }[r.qr])
    return lines
