"""Aging-bucket columns of aged reports ('Current', '1-30', '31-60', '>90'; 'Trong hạn',
'Quá hạn 1-30 ngày'; '未到期', '1-30天', '90天以上'; Odoo's 'Age ≤ 30 d.', Xero's '< 1 Month',
Kingdee's 'F30') read as ranges of days past the due date."""

from __future__ import annotations

import re

from ..domain.receivables import AgingBucket

MAX_DAYS = 3650  # a range beyond ten years is a pair of years or codes, not a bucket
_NOT_DUE = ("current", "not due", "not yet due", "trong hạn", "chưa đến hạn", "chưa tới hạn",
            "chưa quá hạn", "chưa đáo hạn", "未到期", "未逾期", "未到期金额", "未到期金額")
_DUE_TODAY = ("今日到期", "today", "due today", "đến hạn hôm nay")
_OVERDUE = ("overdue", "past due", "quá hạn", "逾期", "已到期", "已逾期", "逾期金额", "逾期金額")
# Words around a bucket's numbers; what is left must be the numbers and their relation only.
_FILLER = re.compile(r"(?<!\w)(?:age|tuổi nợ|nợ|từ|from|days?|d\.|ngày|quá hạn|overdue|past due)"
                     r"(?!\w)|账龄|帳齡|天(?!\s*以上)|日|[()（）:：]")
_OLDER = ("older", "cũ hơn", "更早", "更久")
_RANGE = re.compile(r"(\d{1,4})\s*(?:-|–|~|to|đến|tới|至|到)\s*(\d{1,4})")
_MORE_THAN = re.compile(r"(?:>|over|above|more than|trên|超过|超過|大于|大於)\s*(\d{1,4})|"
                        r"(\d{1,4})\s*\+")
_AT_LEAST = re.compile(r"(?:≥|>=)\s*(\d{1,4})|(\d{1,4})\s*(?:天?\s*以上|ngày\s*trở lên|"
                       r"-\s*(?:above|over|trở lên)|days? and (?:over|above))")
_UP_TO = re.compile(r"(?:≤|<=|up to|tối đa)\s*(\d{1,4})")
_MONTHS = re.compile(r"(<)?\s*(\d{1,2})\s*(?:months?|tháng|个月|個月)")
_KINGDEE = re.compile(r"f(\d{1,10})(?:for)?")
_FOREVER = 2147483647  # Kingdee's 'everything older'


def buckets_of(labels, mapped) -> tuple[tuple[int, AgingBucket], ...]:
    """(column, bucket) of the header ``labels`` (header keys) not in ``mapped``; none unless at
    least two columns read as buckets (an aged report has several)."""
    found, previous = [], None
    for column, label in enumerate(labels):
        if column in mapped or not label:
            continue
        days = _days(label, previous)
        if days is None:
            continue
        found.append((column, AgingBucket(label, *days)))
        previous = days[1]
    return tuple(found) if len(found) >= 2 else ()


def _days(label: str, previous: int | None) -> tuple[int | None, int | None] | None:
    """(low, high) days past due, inclusive; low None is 'not yet due', high None 'and older'."""
    after = 1 if previous is None else previous + 1
    if any(label.startswith(w) for w in _NOT_DUE):
        return None, 0
    if label in _DUE_TODAY:
        return 0, 0
    if any(label.startswith(w) for w in _OLDER):
        return after, None
    text = " ".join(_FILLER.sub(" ", label).split())  # 'quá hạn 1-30 ngày' → '1-30'
    if not text:
        return None
    found = _RANGE.fullmatch(text)
    if found:
        low, high = int(found.group(1)), int(found.group(2))
        return (low, high) if low <= high <= MAX_DAYS else None
    for pattern, beyond in ((_MORE_THAN, 1), (_AT_LEAST, 0)):
        found = pattern.fullmatch(text)
        if found:  # '90天以上' after '61-90天' means from 91 on
            return max(int(next(g for g in found.groups() if g)) + beyond, after), None
    found = _UP_TO.fullmatch(text)
    if found:
        return after, int(found.group(1))
    found = _MONTHS.fullmatch(text)
    if found:
        months = int(found.group(2))
        return (1, 30 * months) if found.group(1) else (30 * months + 1, 30 * (months + 1))
    found = _KINGDEE.fullmatch(text)
    if found:
        days = int(found.group(1))
        return (after, None) if days >= _FOREVER else (after, days)
    if text in _OVERDUE:
        return 1, None
    return None
