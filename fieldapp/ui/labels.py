"""Translated names of the domain's closed vocabularies (statuses, methods, buckets, languages)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..domain.enums import AgingBucket, BusinessStatus, DeliveryStatus, Language, PaymentMethod
from ..domain.installments import Frequency
from ..domain.visit import DisputeReason, NextStep, OutcomeKind, PromiseStatus, VisitKind
from ..services.documents import DocumentKind
from ..services.followups import FollowUpKind

_CONTEXT = "Labels"
# Source texts are marked for lupdate here and translated when shown, so a language switch
# needs no rebuild of these tables.
_LABELS: dict[Enum, str] = {
    AgingBucket.CURRENT: QT_TRANSLATE_NOOP("Labels", "Current"),
    AgingBucket.D1_30: QT_TRANSLATE_NOOP("Labels", "1–30"),
    AgingBucket.D31_60: QT_TRANSLATE_NOOP("Labels", "31–60"),
    AgingBucket.D61_90: QT_TRANSLATE_NOOP("Labels", "61–90"),
    AgingBucket.D90_PLUS: QT_TRANSLATE_NOOP("Labels", "90+"),
    BusinessStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    BusinessStatus.SLOWING: QT_TRANSLATE_NOOP("Labels", "Slowing down"),
    BusinessStatus.RESTRUCTURING: QT_TRANSLATE_NOOP("Labels", "Restructuring"),
    BusinessStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    DeliveryStatus.COMPLETE: QT_TRANSLATE_NOOP("Labels", "Complete"),
    DeliveryStatus.PARTIAL: QT_TRANSLATE_NOOP("Labels", "Partial"),
    DeliveryStatus.PROBLEM: QT_TRANSLATE_NOOP("Labels", "Problem"),
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Labels", "Cash"),
    PaymentMethod.TRANSFER: QT_TRANSLATE_NOOP("Labels", "Bank transfer"),
    PaymentMethod.CHEQUE: QT_TRANSLATE_NOOP("Labels", "Cheque"),
    PaymentMethod.POST_DATED_CHEQUE: QT_TRANSLATE_NOOP("Labels", "Post-dated cheque"),
    Language.VI: QT_TRANSLATE_NOOP("Labels", "Vietnamese"),
    Language.ZH_TW: QT_TRANSLATE_NOOP("Labels", "Chinese (Traditional, Taiwan)"),
    Language.ZH_CN: QT_TRANSLATE_NOOP("Labels", "Chinese (Simplified, China)"),
    Language.EN: QT_TRANSLATE_NOOP("Labels", "English"),
    VisitKind.VISIT: QT_TRANSLATE_NOOP("Labels", "Visit"),
    VisitKind.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
    OutcomeKind.MONEY_RECEIVED: QT_TRANSLATE_NOOP("Labels", "Money received"),
    OutcomeKind.PROMISE: QT_TRANSLATE_NOOP("Labels", "Promise to pay"),
    OutcomeKind.INSTALLMENT_PLAN: QT_TRANSLATE_NOOP("Labels", "Installment plan"),
    OutcomeKind.DISPUTE: QT_TRANSLATE_NOOP("Labels", "Dispute"),
    OutcomeKind.REFUSAL: QT_TRANSLATE_NOOP("Labels", "Refusal"),
    OutcomeKind.ABSENT: QT_TRANSLATE_NOOP("Labels", "Customer absent / premises closed"),
    DisputeReason.QUALITY: QT_TRANSLATE_NOOP("Labels", "Quality"),
    DisputeReason.DAMAGED: QT_TRANSLATE_NOOP("Labels", "Damaged goods"),
    DisputeReason.WRONG_GOODS: QT_TRANSLATE_NOOP("Labels", "Wrong goods"),
    DisputeReason.SHORT_DELIVERY: QT_TRANSLATE_NOOP("Labels", "Short or not delivered"),
    DisputeReason.LATE_DELIVERY: QT_TRANSLATE_NOOP("Labels", "Late delivery"),
    DisputeReason.PRICE: QT_TRANSLATE_NOOP("Labels", "Price"),
    DisputeReason.INVOICE_ERROR: QT_TRANSLATE_NOOP("Labels", "Invoice error"),
    DisputeReason.MISSING_DOCUMENTS: QT_TRANSLATE_NOOP("Labels", "Missing documents"),
    DisputeReason.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    NextStep.REVISIT: QT_TRANSLATE_NOOP("Labels", "Revisit"),
    NextStep.SUPERVISOR_CALL: QT_TRANSLATE_NOOP("Labels", "Supervisor calls the customer"),
    NextStep.LEGAL_ROUTE: QT_TRANSLATE_NOOP("Labels", "Legal route recommended"),
    Frequency.WEEKLY: QT_TRANSLATE_NOOP("Labels", "Weekly"),
    Frequency.BIWEEKLY: QT_TRANSLATE_NOOP("Labels", "Every two weeks"),
    Frequency.MONTHLY: QT_TRANSLATE_NOOP("Labels", "Monthly"),
    FollowUpKind.REMINDER: QT_TRANSLATE_NOOP("Labels", "Reminder"),
    FollowUpKind.DUE_TODAY: QT_TRANSLATE_NOOP("Labels", "Due today"),
    FollowUpKind.OVERDUE: QT_TRANSLATE_NOOP("Labels", "Overdue"),
    FollowUpKind.BROKEN: QT_TRANSLATE_NOOP("Labels", "Broken"),
    FollowUpKind.PARTIALLY_KEPT: QT_TRANSLATE_NOOP("Labels", "Partially kept"),
    FollowUpKind.DISPUTE_NEAR: QT_TRANSLATE_NOOP("Labels", "Dispute deadline near"),
    FollowUpKind.DISPUTE_LATE: QT_TRANSLATE_NOOP("Labels", "Dispute deadline passed"),
    FollowUpKind.DISPUTE_OPEN: QT_TRANSLATE_NOOP("Labels", "Dispute open"),
    FollowUpKind.REVISIT: QT_TRANSLATE_NOOP("Labels", "Revisit"),
    # PromiseStatus.BROKEN and .PARTIALLY_KEPT equal FollowUpKind's members of the same value
    # (str enums compare by value), so they share those labels.
    PromiseStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    PromiseStatus.KEPT: QT_TRANSLATE_NOOP("Labels", "Kept"),
    DocumentKind.VISIT_RECORD: QT_TRANSLATE_NOOP("Labels", "Visit record"),
    DocumentKind.AGREEMENT: QT_TRANSLATE_NOOP("Labels", "Installment agreement"),
    DocumentKind.AGREEMENT_PRINT: QT_TRANSLATE_NOOP("Labels", "Agreement for wet signature"),
    DocumentKind.RECEIPT: QT_TRANSLATE_NOOP("Labels", "Receipt"),
    DocumentKind.STATEMENT: QT_TRANSLATE_NOOP("Labels", "Statement of account"),
}


def label(value: Enum) -> str:
    """The translated name of an enum member (its raw value if we never named it)."""
    source = _LABELS.get(value)
    return QCoreApplication.translate(_CONTEXT, source) if source else str(value.value)
