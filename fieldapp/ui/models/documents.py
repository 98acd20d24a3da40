"""A customer's signed documents as a table; shared texts for a document's kind and signer."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor

from ...domain.enums import Language
from ...services.documents import DocumentInfo
from .. import formats
from ..labels import label
from .table import Column, RecordTableModel

AMBER_TEXT = QColor("#8a5a00")  # a development signature: readable, but not evidence
GREY_TEXT = QColor("#757575")  # replaced by an amendment: kept as evidence, no longer current
_CONTEXT = "DocumentTableModel"


def language_name(code: str) -> str:
    try:
        return label(Language(code))
    except ValueError:
        return code


def signed_by(info: DocumentInfo) -> str:
    """The signer, marked when the certificate is only a development one."""
    if not info.development:
        return info.signer
    return QCoreApplication.translate("DocumentTableModel", "%1 (development)").replace("%1",
                                                                                info.signer)


def development_note(info: DocumentInfo) -> str:
    if not info.development:
        return ""
    return QCoreApplication.translate("DocumentTableModel",
                                      "Signed with a development certificate: not valid as evidence")


def numbered(info: DocumentInfo) -> str:
    """The document's number, with what replaced it when an amendment did."""
    if not info.replaced_by:
        return info.number
    return QCoreApplication.translate("DocumentTableModel", "%1 — replaced by %2").replace(
        "%1", info.number).replace("%2", info.replaced_by)


def replaced_note(info: DocumentInfo) -> str:
    if not info.replaced_by:
        return ""
    return QCoreApplication.translate(
        "DocumentTableModel", "An amendment replaced this document with %1; it is kept unchanged "
                              "as evidence and can still be verified.").replace("%1", info.replaced_by)


class DocumentTableModel(RecordTableModel):
    """Newest first, as the service returns them; ``document(row)`` gives the DocumentInfo."""

    DATE, KIND, NUMBER, LANGUAGE, SIGNER = range(5)

    def __init__(self, parent=None):
        amber, grey = QBrush(AMBER_TEXT), QBrush(GREY_TEXT)
        greyed = lambda d: grey if d.replaced_by else None  # noqa: E731
        super().__init__((
            Column(QT_TRANSLATE_NOOP("DocumentTableModel", "Date"),
                   lambda d: formats.moment(d.created_at), sort=lambda d: d.created_at),
            Column(QT_TRANSLATE_NOOP("DocumentTableModel", "Document"), lambda d: label(d.kind),
                   tooltip=replaced_note, foreground=greyed),
            Column(QT_TRANSLATE_NOOP("DocumentTableModel", "Number"), numbered,
                   tooltip=replaced_note, foreground=greyed),
            Column(QT_TRANSLATE_NOOP("DocumentTableModel", "Language"),
                   lambda d: language_name(d.language)),
            Column(QT_TRANSLATE_NOOP("DocumentTableModel", "Signed by"), signed_by,
                   tooltip=development_note,
                   foreground=lambda d: amber if d.development else None),
        ), _CONTEXT, parent=parent)

    def document(self, row: int) -> DocumentInfo:
        return self.record(row)
