"""The IBM accounts-receivable sample (real-shaped, written by nobody here) read end to end."""

import csv
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from fieldapp.domain.money import Money
from fieldapp.domain.receivables import ImportedCustomer, ImportedInvoice, ReportKind
from fieldapp.importers import Import
from fieldapp.domain.aging import days_late

# The checkout's sibling shared/ (as in CI); FIELDAPP_SHARED names it from a worktree elsewhere.
SHARED = Path(os.environ.get("FIELDAPP_SHARED", Path(__file__).resolve().parents[3] / "shared"))
SAMPLE = SHARED / "data" / "accounts_receivable_ibm_sample.csv"
pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason=f"{SAMPLE} is not beside the checkout")


def test_every_row_read_and_days_late_agree_with_the_file():
    reading = Import(SAMPLE)
    records = list(reading.records())
    result = reading.result()
    entries = [r for r in records if isinstance(r, ImportedInvoice)]
    assert (result.source, result.kind, result.problems) == ("ibm_sample", ReportKind.DETAIL, ())
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(entries) == len(rows) == result.rows == result.invoices == 2466
    for entry, row in zip(entries, rows, strict=True):
        assert entry.document_no == row["invoiceNumber"]  # leading zeros kept
        assert days_late(entry.due_date, entry.settled_on) == int(row["DaysLate"]) == \
            entry.days_late
        assert (entry.settled_on - entry.document_date).days == int(row["DaysToSettle"])
    # Counts and the total per currency, summed independently from the file with Decimal.
    customers = [r for r in records if isinstance(r, ImportedCustomer)]
    assert result.customers == len(customers) == len({r["customerID"] for r in rows}) == 100
    total = sum(Decimal(r["InvoiceAmount"]) for r in rows)
    assert result.totals == {"USD": Money(int(total * 100), "USD")}
    assert result.open_totals == {"USD": Money(0, "USD")}  # every invoice was settled
    assert Counter(e.amount.currency for e in entries) == {"USD": 2466}
