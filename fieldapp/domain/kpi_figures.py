"""A KPI figure as shown and exported: its value with the formula and variant it came from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .kpi import rate
from .visit import PromiseStatus


@dataclass(frozen=True, slots=True)
class Definition:
    formula: str
    variant: str
    unit: str  # "%", "days", "count", "minor" (an amount in the currency's minor unit)


# One definition per figure name; the words are the sources' (notes/office.md §3).
DEFINITIONS = {
    "cei": Definition(
        "(Beginning Receivables + Credit Sales / N - Ending Total Receivables) / "
        "(Beginning Receivables + Credit Sales / N - Ending Current Receivables) x 100",
        "period, N = months in the period (Oracle / CRF); current = not yet due", "%"),
    "cei_whole_period": Definition(
        "(Beginning Receivables + Credit Sales - Ending Total Receivables) / "
        "(Beginning Receivables + Credit Sales - Ending Current Receivables) x 100",
        "N = 1: the whole period's credit sales (gaviti, CFO monthly variant); "
        "current = not yet due", "%"),
    "dso_simple": Definition(
        "(Ending Total Receivables / Total Credit Sales) x Number of Days in Period",
        "conventional, gross receivables, days of the period", "days"),
    "dso_countback": Definition(
        "Ending receivables less each month's credit sales, newest first, counting that "
        "month's days; the month that exceeds what is left counts left / sales of its days",
        "countback by calendar month ending on the period's last day", "days"),
    "best_possible_dso": Definition(
        "(Current Receivables / Total Credit Sales) x Number of Days in Period",
        "current = not yet due on the period's last day; same period as DSO simple", "days"),
    "average_days_delinquent": Definition(
        "DSO - Best Possible DSO", "both with DSO simple", "days"),
    "ar_beginning": Definition("Sum of open balances on the day before the period",
                               "gross, by due date", "minor"),
    "ar_ending": Definition("Sum of open balances on the period's last day",
                            "gross, by due date", "minor"),
    "ar_ending_current": Definition("Open balances not yet due on the period's last day",
                                    "gross", "minor"),
    "credit_sales": Definition("Sum of invoice amounts issued in the period", "gross", "minor"),
    "collected": Definition("Sum of payments received in the period", "by payment day", "minor"),
    "collected_on_site": Definition("Sum of payments taken on visits in the period",
                                    "by payment day, pending or confirmed", "minor"),
    "promises_made": Definition("Promises and installment plans recorded in the period",
                                "live (not superseded by an amendment)", "count"),
    "promises_due": Definition("Promises and installment lines falling due in the period",
                               "live; kept + partially kept + broken + open = due", "count"),
    "promises_kept": Definition("Kept in full by their date (plus grace) / promises due x 100",
                                "each payment counted once, oldest due first", "%"),
    "promises_partial": Definition("Partially kept / promises due x 100",
                                   "each payment counted once, oldest due first", "%"),
    "promises_broken": Definition("Broken / promises due x 100",
                                  "each payment counted once, oldest due first", "%"),
    "promises_open": Definition("Still within their grace days / promises due x 100",
                                "judged on the period's last day (or today)", "%"),
    "right_party_contact": Definition(
        "Contacts with a person with authority to pay / all contact attempts x 100",
        "visits and calls; an absent customer is an attempt", "%"),
    "visits": Definition("Visit records made in the period", "final, amendments excluded",
                         "count"),
    "calls": Definition("Call records made in the period", "final, amendments excluded",
                        "count"),
    "disputes_opened": Definition("Disputes recorded in the period", "live", "count"),
    "disputes_resolved": Definition("Disputes resolved in the period", "by resolution time",
                                    "count"),
    "dispute_resolution_days": Definition(
        "Average days between the dispute being recorded and being resolved",
        "disputes resolved in the period", "days"),
    "aging": Definition("Open balances by days past due on the day: current, 1-30, 31-60, "
                        "61-90, 90+", "by due date; the day before the period and each month "
                        "end in it", "minor"),
    "roll_rate": Definition("Balance in bucket n+1 at month t / balance in bucket n at month "
                            "t-1 x 100", "forward rolls between consecutive days shown", "%"),
}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a scope (the team, or a collector's name) in one currency (None: counts
    and rates that do not depend on money)."""

    name: str
    value: Decimal | int | None
    currency: str | None = None
    scope: str = "team"
    detail: str = ""  # which bucket and day (aging, roll rates)

    @property
    def definition(self) -> Definition:
        return DEFINITIONS[self.name]

    def as_dict(self) -> dict:
        d = self.definition
        value = self.value
        if isinstance(value, Decimal):
            value = str(value)
        return {"figure": self.name, "scope": self.scope, "detail": self.detail,
                "value": value, "currency": self.currency, "unit": d.unit,
                "formula": d.formula, "variant": d.variant}


@dataclass(frozen=True)
class Dashboard:
    """The figures of a period for the team and each collector, and the daily series the
    charts draw: money collected (scope, currency, day, minor) and records (scope, day,
    visits, calls)."""

    first: date
    last: date
    figures: tuple[Figure, ...]
    collected_per_day: tuple[tuple[str, str, date, int], ...]
    contacts_per_day: tuple[tuple[str, date, int, int], ...]

    def as_dict(self) -> dict:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(),
                "figures": [f.as_dict() for f in self.figures],
                "collected_per_day": [{"scope": s, "currency": c, "day": d.isoformat(),
                                       "minor": m} for s, c, d, m in self.collected_per_day],
                "contacts_per_day": [{"scope": s, "day": d.isoformat(), "visits": v,
                                      "calls": n} for s, d, v, n in self.contacts_per_day]}


def promise_shares(statuses: Iterable[PromiseStatus]) -> dict[str, Decimal | int | None]:
    """Promises due with the share kept, partially kept, broken and still open (they add up
    to 100 % before rounding)."""
    counts = Counter(statuses)
    due = sum(counts.values())
    return {"promises_due": due,
            "promises_kept": rate(counts[PromiseStatus.KEPT], due),
            "promises_partial": rate(counts[PromiseStatus.PARTIALLY_KEPT], due),
            "promises_broken": rate(counts[PromiseStatus.BROKEN], due),
            "promises_open": rate(counts[PromiseStatus.OPEN], due)}
