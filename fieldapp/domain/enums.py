"""Closed vocabularies of the portfolio: statuses, methods, languages, aging buckets."""

from __future__ import annotations

from enum import Enum


class BusinessStatus(str, Enum):
    ACTIVE = "active"
    SLOWING = "slowing"
    RESTRUCTURING = "restructuring"
    CLOSED = "closed"


class DeliveryStatus(str, Enum):
    COMPLETE = "complete"
    PARTIAL = "partial"
    PROBLEM = "problem"


class PaymentMethod(str, Enum):
    CASH = "cash"
    TRANSFER = "transfer"
    CHEQUE = "cheque"
    POST_DATED_CHEQUE = "post_dated_cheque"


class Language(str, Enum):
    """Preferred document language of a customer (also the UI languages)."""

    VI = "vi"
    ZH_TW = "zh_TW"
    ZH_CN = "zh_CN"
    EN = "en"


class AgingBucket(str, Enum):
    """Age of an open invoice by days past its due date."""

    CURRENT = "current"
    D1_30 = "1-30"
    D31_60 = "31-60"
    D61_90 = "61-90"
    D90_PLUS = "90+"
