"""Which customers an office view or a bulk action means: one filter shared by portfolio and assignment."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import InvalidValue
from .money import Money

# The aging buckets a filter can ask for (AgingBucket values) and the days late each spans
# (domain.aging.bucket_for: the due day itself is not late); None means any age.
AGING_BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")
_DAYS_LATE = {"current": (0, 0), "1-30": (1, 30), "31-60": (31, 60), "61-90": (61, 90),
              "90+": (91, None)}


def days_late_span(bucket: str) -> tuple[int, int | None]:
    """The least and most days late of ``bucket`` (None: no upper end)."""
    return _DAYS_LATE[bucket]


@dataclass(frozen=True, slots=True)
class CustomerFilter:
    """Conditions that all hold (AND). Empty strings, None and False mean "no condition".

    ``query`` is the laptop's search text (same folding); ``collector_id`` a collector's id;
    ``no_collector`` customers nobody visits (it wins over ``collector_id``); ``district``,
    ``province`` and ``territory`` match the customer's field exactly; ``aging_bucket`` keeps
    customers with an open invoice in that bucket; ``overdue_above`` keeps customers whose overdue
    balance in that currency is strictly greater; ``disputed`` keeps customers with an open dispute.
    """

    query: str = ""
    collector_id: str | None = None
    no_collector: bool = False
    district: str = ""
    province: str = ""
    territory: str = ""
    aging_bucket: str | None = None
    overdue_above: Money | None = None
    disputed: bool = False

    def __post_init__(self) -> None:
        if self.aging_bucket is not None and self.aging_bucket not in AGING_BUCKETS:
            raise InvalidValue("filter.aging_bucket", bucket=self.aging_bucket)

    def is_empty(self) -> bool:
        """True when the filter keeps every customer."""
        return self == CustomerFilter()

    def but(self, **changes) -> CustomerFilter:
        """A copy with some fields changed (views narrow or widen a filter this way)."""
        return replace(self, **changes)
