"""What a mutation changed, so each view decides for itself what to refresh."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class Changes:
    """Built by the service that wrote (Anki's OpChanges); the UI adds ``source`` and emits it.

    ``customers`` names the customers whose records were written; ``all_customers`` says the
    change reaches every customer (an import, a new day), so ``touches`` is true for anyone.
    The flags say which kind of record changed; a view reloads only what shows one of them.
    """

    customers: frozenset[int] = field(default_factory=frozenset)
    all_customers: bool = False
    customers_added: bool = False  # customers came or went: counts and lists change
    drafts: bool = False  # unfinished visits (only the recovery list shows them)
    visits: bool = False  # finalized records
    outcomes: bool = False  # promises, plans, disputes, absences of a finalized record
    payments: bool = False  # money taken: invoice balances and promises kept change
    invoices: bool = False  # open balances or dispute marks of invoices
    documents: bool = False  # a signed PDF was made
    follow_ups: bool = False  # what the follow-up lists judge (commitments, grace, horizons)
    route: bool = False  # the day's stops
    settings: bool = False
    collectors: bool = False  # the office: collectors, or which collector visits which customer
    details: bool = False  # a customer's address or contacts (corrected on the laptop)
    reviews: bool = False  # the office: review states and comments of imported records
    office_notes: bool = False  # the laptop: notes from the office arrived or were read
    source: object | None = field(default=None, compare=False)  # the view or window that asked

    @classmethod
    def everything(cls, source: object | None = None) -> Changes:
        """Reload all: every flag set, every customer touched (imports, a restored backup)."""
        flags = {f.name: True for f in fields(cls) if f.type in ("bool", bool)}
        return cls(source=source, **flags)

    def touches(self, customer_id: int | None) -> bool:
        return customer_id is not None and (self.all_customers or customer_id in self.customers)

    def touches_any(self, customer_ids) -> bool:
        return any(self.touches(cid) for cid in customer_ids)

    @property
    def money(self) -> bool:
        """Balances may differ: money taken, or invoices re-marked."""
        return self.payments or self.invoices

    @property
    def file_records(self) -> bool:
        """Something a customer's file shows beside its documents."""
        return (self.visits or self.outcomes or self.money or self.follow_ups
                or self.customers_added)

    def from_source(self, source: object) -> Changes:
        """The same record, saying which view or window caused it (it skips its own)."""
        return replace(self, source=source)

    def caused_by(self, view: object) -> bool:
        return self.source is not None and self.source is view
