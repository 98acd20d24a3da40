"""The dashboard's figures in words: each figure's title, formula and variant, translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "KpiWords"

# figure name → (title, formula, variant), in the order the table shows them.
WORDS = {
    "cei": (
        QT_TRANSLATE_NOOP("KpiWords", "Collection effectiveness index (CEI)"),
        QT_TRANSLATE_NOOP("KpiWords", "(Beginning receivables + credit sales / N − ending total "
                          "receivables) / (beginning receivables + credit sales / N − ending "
                          "current receivables) × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "N = months in the period (Oracle, CRF); current = not "
                          "yet due")),
    "cei_whole_period": (
        QT_TRANSLATE_NOOP("KpiWords", "CEI, whole period's sales"),
        QT_TRANSLATE_NOOP("KpiWords", "(Beginning receivables + credit sales − ending total "
                          "receivables) / (beginning receivables + credit sales − ending "
                          "current receivables) × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "N = 1: the whole period's credit sales")),
    "dso_simple": (
        QT_TRANSLATE_NOOP("KpiWords", "Days sales outstanding (DSO)"),
        QT_TRANSLATE_NOOP("KpiWords", "(Ending total receivables / credit sales) × days in "
                          "the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Conventional, gross receivables")),
    "dso_countback": (
        QT_TRANSLATE_NOOP("KpiWords", "DSO, countback"),
        QT_TRANSLATE_NOOP("KpiWords", "Ending receivables less each month's credit sales, "
                          "newest first, counting that month's days; the month that exceeds "
                          "what is left counts left / sales of its days"),
        QT_TRANSLATE_NOOP("KpiWords", "Calendar months ending on the period's last day")),
    "best_possible_dso": (
        QT_TRANSLATE_NOOP("KpiWords", "Best possible DSO"),
        QT_TRANSLATE_NOOP("KpiWords", "(Current receivables / credit sales) × days in the "
                          "period"),
        QT_TRANSLATE_NOOP("KpiWords", "Current = not yet due on the period's last day")),
    "average_days_delinquent": (
        QT_TRANSLATE_NOOP("KpiWords", "Average days delinquent"),
        QT_TRANSLATE_NOOP("KpiWords", "DSO − best possible DSO"),
        QT_TRANSLATE_NOOP("KpiWords", "Both with the conventional DSO")),
    "ar_beginning": (
        QT_TRANSLATE_NOOP("KpiWords", "Receivables at the start"),
        QT_TRANSLATE_NOOP("KpiWords", "Open balances on the day before the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Gross, by due date")),
    "credit_sales": (
        QT_TRANSLATE_NOOP("KpiWords", "Credit sales"),
        QT_TRANSLATE_NOOP("KpiWords", "Invoices issued in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Gross")),
    "ar_ending": (
        QT_TRANSLATE_NOOP("KpiWords", "Receivables at the end"),
        QT_TRANSLATE_NOOP("KpiWords", "Open balances on the period's last day"),
        QT_TRANSLATE_NOOP("KpiWords", "Gross, by due date")),
    "ar_ending_current": (
        QT_TRANSLATE_NOOP("KpiWords", "Of them not yet due"),
        QT_TRANSLATE_NOOP("KpiWords", "Open balances not yet due on the period's last day"),
        QT_TRANSLATE_NOOP("KpiWords", "Gross")),
    "collected": (
        QT_TRANSLATE_NOOP("KpiWords", "Money collected"),
        QT_TRANSLATE_NOOP("KpiWords", "Payments received in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "By payment day")),
    "collected_on_site": (
        QT_TRANSLATE_NOOP("KpiWords", "Of it taken on visits"),
        QT_TRANSLATE_NOOP("KpiWords", "Payments taken on visits in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Pending or confirmed")),
    "promises_made": (
        QT_TRANSLATE_NOOP("KpiWords", "Promises made"),
        QT_TRANSLATE_NOOP("KpiWords", "Promises and installment plans recorded in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Not replaced by an amendment")),
    "promises_due": (
        QT_TRANSLATE_NOOP("KpiWords", "Promises falling due"),
        QT_TRANSLATE_NOOP("KpiWords", "Promises and installment lines due in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Kept + partially kept + broken + open = due")),
    "promises_kept": (
        QT_TRANSLATE_NOOP("KpiWords", "Kept"),
        QT_TRANSLATE_NOOP("KpiWords", "Kept in full by their day (plus grace days) / promises "
                          "due × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "Each payment counted once, oldest due first")),
    "promises_partial": (
        QT_TRANSLATE_NOOP("KpiWords", "Partially kept"),
        QT_TRANSLATE_NOOP("KpiWords", "Partially kept / promises due × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "Each payment counted once, oldest due first")),
    "promises_broken": (
        QT_TRANSLATE_NOOP("KpiWords", "Broken"),
        QT_TRANSLATE_NOOP("KpiWords", "Broken / promises due × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "Each payment counted once, oldest due first")),
    "promises_open": (
        QT_TRANSLATE_NOOP("KpiWords", "Still open"),
        QT_TRANSLATE_NOOP("KpiWords", "Still within their grace days / promises due × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "Judged on the period's last day, or today")),
    "right_party_contact": (
        QT_TRANSLATE_NOOP("KpiWords", "Right-party contact rate"),
        QT_TRANSLATE_NOOP("KpiWords", "Contacts with a person with authority to pay / all "
                          "contact attempts × 100"),
        QT_TRANSLATE_NOOP("KpiWords", "Visits and calls; an absent customer is an attempt")),
    "visits": (
        QT_TRANSLATE_NOOP("KpiWords", "Visits"),
        QT_TRANSLATE_NOOP("KpiWords", "Visit records made in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Finished, amendments not counted again")),
    "calls": (
        QT_TRANSLATE_NOOP("KpiWords", "Calls"),
        QT_TRANSLATE_NOOP("KpiWords", "Call records made in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Finished, amendments not counted again")),
    "disputes_opened": (
        QT_TRANSLATE_NOOP("KpiWords", "Disputes opened"),
        QT_TRANSLATE_NOOP("KpiWords", "Disputes recorded in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "Not replaced by an amendment")),
    "disputes_resolved": (
        QT_TRANSLATE_NOOP("KpiWords", "Disputes resolved"),
        QT_TRANSLATE_NOOP("KpiWords", "Disputes resolved in the period"),
        QT_TRANSLATE_NOOP("KpiWords", "By the time of resolution")),
    "dispute_resolution_days": (
        QT_TRANSLATE_NOOP("KpiWords", "Dispute resolution time"),
        QT_TRANSLATE_NOOP("KpiWords", "Average days from a dispute being recorded to its "
                          "resolution"),
        QT_TRANSLATE_NOOP("KpiWords", "Disputes resolved in the period")),
}


def _say(name: str, part: int) -> str:
    """The translation of a WORDS entry (their literals are marked above for lupdate)."""
    return QCoreApplication.translate(CONTEXT, WORDS[name][part])


def title(name: str) -> str:
    return _say(name, 0)


def formula(name: str) -> str:
    return _say(name, 1)


def variant(name: str) -> str:
    return _say(name, 2)
