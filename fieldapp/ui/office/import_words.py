"""Words of the import wizard: fields, sources, date orders, row kinds and row problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..error_text import _Blanks, _shown

CONTEXT = "ImportWords"
# Source texts are marked for lupdate here and translated when shown (a language switch needs
# no rebuild). Keys are the importer's own names: presets.FIELDS, presets.PRESETS' names,
# values' date orders, EntryKind values, and the codes of domain.receivables.PROBLEMS.
FIELDS = {
    "customer_code": QT_TRANSLATE_NOOP("ImportWords", "Customer code"),
    "customer_name": QT_TRANSLATE_NOOP("ImportWords", "Customer name"),
    "document_no": QT_TRANSLATE_NOOP("ImportWords", "Document number"),
    "document_date": QT_TRANSLATE_NOOP("ImportWords", "Document date"),
    "due_date": QT_TRANSLATE_NOOP("ImportWords", "Due date"),
    "amount": QT_TRANSLATE_NOOP("ImportWords", "Amount"),
    "open_amount": QT_TRANSLATE_NOOP("ImportWords", "Open amount"),
    "debit": QT_TRANSLATE_NOOP("ImportWords", "Debit"),
    "credit": QT_TRANSLATE_NOOP("ImportWords", "Credit"),
    "balance": QT_TRANSLATE_NOOP("ImportWords", "Balance"),
    "currency": QT_TRANSLATE_NOOP("ImportWords", "Currency"),
    "settled_date": QT_TRANSLATE_NOOP("ImportWords", "Settled on"),
    "days_late": QT_TRANSLATE_NOOP("ImportWords", "Days late"),
}
SOURCES = {
    "ibm_sample": QT_TRANSLATE_NOOP("ImportWords", "Invoice list with settlement dates"),
    "s31_misa": QT_TRANSLATE_NOOP("ImportWords", "MISA – customer ledger (S31-DN)"),
    "misa_summary": QT_TRANSLATE_NOOP("ImportWords", "MISA – customer balances (summary)"),
    "digiwin": QT_TRANSLATE_NOOP("ImportWords", "Digiwin – receivables statement"),
    "kingdee": QT_TRANSLATE_NOOP("ImportWords", "Kingdee – receivables aging"),
    "yonyou": QT_TRANSLATE_NOOP("ImportWords", "Yonyou – customer ledger"),
    "odoo_aged": QT_TRANSLATE_NOOP("ImportWords", "Odoo – aged partner balance (detail)"),
    "odoo_aged_summary": QT_TRANSLATE_NOOP("ImportWords",
                                           "Odoo – aged partner balance (summary)"),
    "erpnext": QT_TRANSLATE_NOOP("ImportWords", "ERPNext – accounts receivable"),
    "sap_fbl5n": QT_TRANSLATE_NOOP("ImportWords", "SAP – customer line items (FBL5N)"),
    "quickbooks": QT_TRANSLATE_NOOP("ImportWords", "QuickBooks – A/R aging detail"),
    "quickbooks_summary": QT_TRANSLATE_NOOP("ImportWords", "QuickBooks – A/R aging summary"),
    "plain": QT_TRANSLATE_NOOP("ImportWords", "Plain invoice list"),
}
DATE_ORDERS = {
    "auto": QT_TRANSLATE_NOOP("ImportWords", "Settled by the rows"),
    "dmy": QT_TRANSLATE_NOOP("ImportWords", "Day/month/year (31/05/2025)"),
    "mdy": QT_TRANSLATE_NOOP("ImportWords", "Month/day/year (05/31/2025)"),
    "ymd": QT_TRANSLATE_NOOP("ImportWords", "Year/month/day (2025-05-31)"),
    "roc": QT_TRANSLATE_NOOP("ImportWords", "Taiwan (ROC) year (114/05/31)"),
}
NUMBERS = {
    (".", ","): QT_TRANSLATE_NOOP("ImportWords", "1,234.5 (point for decimals)"),
    (",", "."): QT_TRANSLATE_NOOP("ImportWords", "1.234,5 (comma for decimals)"),
}
KINDS = {
    "invoice": QT_TRANSLATE_NOOP("ImportWords", "Invoice"),
    "credit": QT_TRANSLATE_NOOP("ImportWords", "Credit"),
    "opening": QT_TRANSLATE_NOOP("ImportWords", "Opening balance"),
}
PROBLEMS = {
    "file.empty": QT_TRANSLATE_NOOP("ImportWords", "The file is empty."),
    "file.binary": QT_TRANSLATE_NOOP(
        "ImportWords", "The file is not text: export the report as CSV or as an Excel workbook."),
    "file.unknown_encoding": QT_TRANSLATE_NOOP(
        "ImportWords", "The file's letters are in no encoding fieldapp reads (UTF-8, "
                       "Windows-1258, Big5, GB18030): export it as CSV UTF-8."),
    "file.too_large": QT_TRANSLATE_NOOP(
        "ImportWords", "The file is {size} bytes; at most {limit} bytes are read."),
    "file.old_excel": QT_TRANSLATE_NOOP(
        "ImportWords", "This is an old Excel .xls file: save it as .xlsx or CSV and choose "
                       "that file."),
    "file.not_a_workbook": QT_TRANSLATE_NOOP(
        "ImportWords", "The file is named like an Excel workbook but is not one."),
    "file.no_header": QT_TRANSLATE_NOOP(
        "ImportWords", "No header row with the columns of this source was found in the first "
                       "{rows} rows: choose another source or adjust the columns."),
    "file.unknown_source": QT_TRANSLATE_NOOP(
        "ImportWords", "The columns match no known export: choose the source, then the "
                       "columns."),
    "file.unknown_source_name": QT_TRANSLATE_NOOP(
        "ImportWords", "There is no source called “{source}”."),
    "xlsx.damaged": QT_TRANSLATE_NOOP(
        "ImportWords", "The workbook cannot be opened: {reason}"),
    "xlsx.unsafe": QT_TRANSLATE_NOOP(
        "ImportWords", "The workbook was refused as unsafe: {reason}"),
    "xlsx.no_sheet": QT_TRANSLATE_NOOP(
        "ImportWords", "The workbook has no sheet “{sheet}”. Its sheets are: {sheets}"),
    "row.missing": QT_TRANSLATE_NOOP("ImportWords", "{column} is empty."),
    "amount.bad": QT_TRANSLATE_NOOP("ImportWords", "“{text}” is not an amount."),
    "amount.decimals": QT_TRANSLATE_NOOP(
        "ImportWords", "“{text}” has more decimals than {currency} allows."),
    "date.bad": QT_TRANSLATE_NOOP("ImportWords", "“{text}” is not a date."),
    "date.ambiguous": QT_TRANSLATE_NOOP(
        "ImportWords", "The dates of this column read both as day/month and as month/day: "
                       "choose the date order."),
    "currency.unknown": QT_TRANSLATE_NOOP(
        "ImportWords", "“{text}” is not a currency fieldapp handles."),
    "document.duplicate": QT_TRANSLATE_NOOP(
        "ImportWords", "Document {document} of customer {customer} is already on line {first}."),
    "total.mismatch": QT_TRANSLATE_NOOP(
        "ImportWords", "The file's total {declared} {currency} differs from the sum of its rows, "
                       "{computed} {currency}."),
    "text.question_marks": QT_TRANSLATE_NOOP(
        "ImportWords", "“{text}” has question marks inside words: the export lost its letters. "
                       "Export the report as CSV UTF-8."),
    "text.legacy_encoding": QT_TRANSLATE_NOOP(
        "ImportWords", "{count} text cells were typed in the old {encoding} Vietnamese font "
                       "and were converted, for example “{example}”. Check the names."),
}
UNKNOWN_PROBLEM = QT_TRANSLATE_NOOP("ImportWords", "This cannot be read (problem {code}).")


def _say(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def field_name(field: str) -> str:
    return _say(FIELDS[field]) if field in FIELDS else field


def source_name(name: str) -> str:
    """A built-in preset in the UI language; a saved source by the name it was saved under."""
    return _say(SOURCES[name]) if name in SOURCES else name


def date_order_name(order: str) -> str:
    return _say(DATE_ORDERS.get(order, order))


def number_format_name(marks: tuple[str, str]) -> str:
    return _say(NUMBERS[marks]) if marks in NUMBERS else f"{marks[1]} {marks[0]}"


def kind_name(kind) -> str:
    value = getattr(kind, "value", kind)
    return _say(KINDS[value]) if value in KINDS else str(value)


def problem_text(code: str, params: dict) -> str:
    """What is wrong, in the UI language; an unknown code is named, never left blank."""
    source = PROBLEMS.get(code)
    if source is None:
        source, params = UNKNOWN_PROBLEM, {"code": code}
    values = _Blanks({k: _shown(v) for k, v in params.items()})
    try:
        return _say(source).format_map(values)
    except (ValueError, IndexError, AttributeError):  # a translation with stray braces
        return source.format_map(values)
