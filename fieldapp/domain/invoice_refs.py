"""The invoices a record names, by the laptop's ids and their numbers, and the office's own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .visit import Dispute, InstallmentPlan, MoneyReceived, Promise

# Outcomes naming invoices by id alone until the laptop wrote their numbers beside them
# (money taken always named its invoices by number too: Allocation.invoice_number).
NUMBERED = (Promise, InstallmentPlan, Dispute)
BY_NUMBER, SAME_IDS, NO_INVOICES = "by_number", "same_ids", "no_invoices"


def numbered(outcome, numbers: Mapping[int, str]):
    """``outcome`` with the number of each invoice it names beside its id, from ``numbers``
    (the laptop's id -> number). Unchanged when it names none, or when one id is unknown:
    numbers are either all there, parallel to the ids, or absent as in older records."""
    if not isinstance(outcome, NUMBERED) or not outcome.invoice_ids:
        return outcome
    if not all(numbers.get(i) for i in outcome.invoice_ids):
        return outcome
    return replace(outcome, invoice_numbers=tuple(numbers[i] for i in outcome.invoice_ids))


def named(outcome) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(ids, numbers) of the invoices ``outcome`` names: a domain outcome or its JSON object as
    stored in a record body. ``numbers`` is () when the record has none (made before they were
    written) or they do not pair with the ids."""
    if isinstance(outcome, dict):
        if outcome.get("kind") == "money_received":
            pairs = [(a.get("invoice_id"), a.get("invoice_number"))
                     for a in outcome.get("allocations") or ()]
            ids, numbers = tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)
        else:
            ids = tuple(outcome.get("invoice_ids") or ())
            numbers = tuple(outcome.get("invoice_numbers") or ())
    elif isinstance(outcome, MoneyReceived):
        ids = tuple(a.invoice_id for a in outcome.allocations)
        numbers = tuple(a.invoice_number for a in outcome.allocations)
    elif isinstance(outcome, NUMBERED):
        ids, numbers = tuple(outcome.invoice_ids), tuple(outcome.invoice_numbers)
    else:
        return (), ()
    paired = len(numbers) == len(ids) and all(isinstance(n, str) and n for n in numbers)
    return ids, numbers if paired else ()


@dataclass(frozen=True, slots=True)
class OfficeInvoices:
    """The office's ids of the invoices an outcome names, in the record's order, and how they
    were found: BY_NUMBER, SAME_IDS (an older record from a laptop filled with the office's
    numbering) or NO_INVOICES (the outcome names none)."""

    ids: tuple[int, ...]
    how: str
    unknown: tuple[str, ...] = ()  # numbers the office holds no invoice of for this customer

    @property
    def complete(self) -> bool:
        return not self.unknown


def office_invoices(outcome, by_number: Mapping[str, int],
                    same_ids: bool) -> OfficeInvoices | None:
    """The office's invoices of ``outcome`` (see ``named``), given ``by_number`` (the office's
    invoices of the record's customer, number -> id) and ``same_ids`` (the record's customer
    id is the office's: the laptop was filled with the office's numbering).

    By number when the record gives numbers; else the record's ids when ``same_ids``; else
    None: an older record from a laptop with its own numbering, where the caller decides (the
    office's printing guesses, see services.office.printing.office_plan)."""
    ids, numbers = named(outcome)
    if not ids:
        return OfficeInvoices((), NO_INVOICES)
    if numbers:
        found = tuple(by_number[n] for n in numbers if n in by_number)
        unknown = tuple(n for n in numbers if n not in by_number)
        return OfficeInvoices(tuple(dict.fromkeys(found)), BY_NUMBER, unknown)
    if same_ids:
        return OfficeInvoices(ids, SAME_IDS)
    return None
