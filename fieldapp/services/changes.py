"""What a mutation changed, so each view decides for itself what to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    customers: frozenset[int] = field(default_factory=frozenset)
    visits: bool = False
    invoices: bool = False
    follow_ups: bool = False

    def touches(self, customer_id: int | None) -> bool:
        return customer_id in self.customers
