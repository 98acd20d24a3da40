"""Translated names of the domain's closed vocabularies (statuses, methods, buckets, languages)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..domain.enums import AgingBucket, BusinessStatus, DeliveryStatus, Language, PaymentMethod

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
}


def label(value: Enum) -> str:
    """The translated name of an enum member (its raw value if we never named it)."""
    source = _LABELS.get(value)
    return QCoreApplication.translate(_CONTEXT, source) if source else str(value.value)

