"""Which customers an office view or a bulk action means: one filter shared by portfolio and assignment."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import InvalidValue
from .money import Money

# The aging buckets a filter can ask for (AgingBucket values); None means any age.
AGING_BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")


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
