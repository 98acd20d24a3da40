"""Everything a visit window needs from the store, loaded once in the worker thread."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ...domain.checklist import Checklist
from ...domain.records import CustomerFile
from ...domain.money import Money
from ...domain.visit import PromiseStatus, Visit
from ...services import settings as cfg
from ...services.attachments import Attachment
from ...services.checklists import checklist
from ...services.followups import FollowUp
from ...services.visit_check import VisitContext
from ...services.visits import HistoryEntry


@dataclass(frozen=True)
class VisitSetup:
    """The draft, its checklist and the customer's file, history and follow-ups."""

    visit: Visit
    checklist: Checklist
    context: VisitContext
    file: CustomerFile
    history: tuple[HistoryEntry, ...]
    follow_ups: tuple[FollowUp, ...]
    collector_name: str
    collector_title: str
    attachments: tuple[Attachment, ...] = ()
    # Every live promise by visit, kept ones too: (status, paid so far).
    promises: Mapping[str, tuple[PromiseStatus, Money]] = field(default_factory=dict,
                                                                compare=False)
    clock: Callable[[], datetime] = field(default=datetime.now, compare=False)

    @property
    def language(self) -> str:
        """The customer's language: the summary and default clause are written in it."""
        return self.file.customer.language.value

    @property
    def currency(self) -> str:
        if self.context.invoices:
            return self.context.currency
        return self.file.customer.credit_limit.currency

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        return self.clock().date()

    def invoice_numbers(self) -> dict[int, str]:
        return {i.id: i.number for i in self.file.invoices}


def load_setup(services, visit: Visit) -> VisitSetup:
    """Runs in the worker: reads the store, touches no widget."""
    cid = visit.customer_id
    settings = services.settings
    file = services.portfolio.open_customer(cid)
    # The title goes under the collector's signature: in the customer's (document) language.
    title = settings.collector_title(file.customer.language.value)
    return VisitSetup(visit, checklist(visit.kind.value), services.visits.context(cid),
                      file, tuple(services.visits.history(cid)),
                      tuple(services.follow_ups.list(cid)), settings.get(cfg.COLLECTOR_NAME),
                      title,
                      attachments=tuple(services.attachments.list(visit.uuid)),
                      promises=services.follow_ups.promise_statuses(cid),
                      clock=services.visits.now)
