"""A supervisor's column mapping: a preset adjusted by hand, and why a mapping cannot be read."""

from __future__ import annotations

from dataclasses import replace

from .presets import AMOUNTS, AUTO, Preset, header_key
from .values import DMY, MDY, ROC, YMD

DATE_ORDERS = (AUTO, DMY, MDY, YMD, ROC)
DECIMAL_MARKS = (".", ",")
GROUP_MARKS = (",", ".", " ", "'", "")  # '' : no thousands mark

# Why a mapping cannot be read: no column names the customer (nor a document, as a ledger's
# lines do under a "Customer: …" line), no column of amounts, one column for two fields.
NO_CUSTOMER, NO_AMOUNT, COLUMN_TWICE = "no_customer", "no_amount", "column_twice"


def adjusted(base: Preset, labels, mapping: dict, dates: str, marks: tuple[str, str],
             currency: str) -> Preset:
    """``base`` with the columns the supervisor chose (field → column index or None among the
    file's header ``labels``), its date order, its number marks (decimal, group) and the
    currency of rows that name none (the import wizard's mapping page)."""
    chosen = {f: (labels[c],) for f, c in mapping.items() if c is not None and c < len(labels)}
    return replace(base, labels=chosen, dates=dates, decimal=marks[0], group=marks[1],
                   currency=currency)


def relabeled(base: Preset, headers: dict[str, str], **formats) -> Preset:
    """``base`` with each field of ``headers`` read from that one header label (the others keep
    the base's labels) and the formats given (dates, decimal, group, currency, header_line)."""
    labels = dict(base.labels)
    labels.update({f: (h,) for f, h in headers.items()})
    return replace(base, labels=labels, **formats)


def mapping_problem(mapping: dict) -> str | None:
    """Why a mapping of field → column (None: not in the file) cannot be read, or None."""
    used = {f for f, c in mapping.items() if c is not None}
    columns = [c for c in mapping.values() if c is not None]
    return _problem(used, len(columns) != len(set(columns)))


def labels_problem(preset: Preset) -> tuple[str, str] | None:
    """The same rules over a preset's header labels: (problem, the header read twice or '')."""
    used = {f for f, labels in preset.labels.items() if labels}
    owner: dict[str, str] = {}
    for field, labels in preset.labels.items():
        for key in {header_key(label) for label in labels}:
            if owner.setdefault(key, field) != field:
                return COLUMN_TWICE, key
    problem = _problem(used, False)
    return (problem, "") if problem else None


def _problem(used: set[str], twice: bool) -> str | None:
    if not used & {"customer_code", "customer_name"} and "document_no" not in used:
        return NO_CUSTOMER
    if not used & set(AMOUNTS):
        return NO_AMOUNT
    return COLUMN_TWICE if twice else None
