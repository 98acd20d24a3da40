"""Column names and formats of the exports our customers use (notes/office.md §4)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .values import DMY, MDY, ROC, YMD

AUTO = "auto"
FIELDS = ("customer_code", "customer_name", "document_no", "document_date", "due_date",
          "amount", "open_amount", "debit", "credit", "balance", "currency", "settled_date",
          "days_late")
AMOUNTS = ("amount", "open_amount", "debit", "credit", "balance")
DATES = ("document_date", "due_date", "settled_date")


@dataclass(frozen=True)
class Preset:
    """One source: header labels per field (in the source's language, compared after
    ``header_key``), number and date formats, the encodings to try first, the default currency.
    A supervisor's adjusted mapping is a Preset too (``dataclasses.replace`` of one below)."""

    name: str
    labels: dict
    decimal: str = "."
    group: str = ","
    dates: str = AUTO
    encodings: tuple = ()
    currency: str = "USD"
    ledger: bool = False  # postings (debit/credit), not open items: same document lines merge
    header_line: int | None = None  # a saved mapping may pin the header's line (the first of two)

    def keys(self) -> dict[str, str]:
        """Header key → field."""
        return {header_key(label): f for f, labels in self.labels.items() for label in labels}


_SPACES = re.compile(r"\s+")


def header_key(text: str) -> str:
    """Header text compared loosely: NFC, case-folded, spaces collapsed, ':' and '*' dropped."""
    text = unicodedata.normalize("NFC", text).casefold().replace("：", ":")
    text = _SPACES.sub(" ", text.strip(" :*\t\r\n"))
    return text.replace(" / ", "/").replace("/ ", "/").replace(" /", "/")


PRESETS = (
    Preset("ibm_sample", {
        "customer_code": ("customerID",), "document_no": ("invoiceNumber",),
        "document_date": ("InvoiceDate",), "due_date": ("DueDate",),
        "amount": ("InvoiceAmount",), "settled_date": ("SettledDate",),
        "days_late": ("DaysLate",)}, dates=MDY),
    Preset("s31_misa", {
        "customer_code": ("Mã khách hàng", "Mã đối tượng", "Mã KH"),
        "customer_name": ("Tên khách hàng", "Tên đối tượng", "Khách hàng"),
        "document_no": ("Chứng từ/Số hiệu", "Số chứng từ", "Số hóa đơn", "Số hoá đơn"),
        "document_date": ("Chứng từ/Ngày tháng", "Ngày chứng từ", "Ngày hóa đơn"),
        "due_date": ("Hạn thanh toán", "Ngày đến hạn"),
        "debit": ("Số phát sinh/Nợ", "Phát sinh Nợ", "Phát sinh/Nợ"),
        "credit": ("Số phát sinh/Có", "Phát sinh Có", "Phát sinh/Có"),
        "balance": ("Số dư/Nợ", "Dư Nợ"), "currency": ("Loại tiền",)},
        decimal=",", group=".", dates=DMY, encodings=("cp1258",), currency="VND", ledger=True),
    Preset("misa_summary", {
        "customer_code": ("Mã khách hàng",), "customer_name": ("Tên khách hàng",),
        "balance": ("Số dư cuối kỳ", "Dư cuối kỳ", "Tổng nợ", "Số còn phải thu", "Tổng số nợ",
                    "Tổng cộng")},
        decimal=",", group=".", dates=DMY, encodings=("cp1258",), currency="VND"),
    Preset("digiwin", {
        "customer_code": ("客戶代號", "客戶編號"), "customer_name": ("客戶簡稱", "客戶名稱"),
        "document_no": ("憑證單號", "結帳單號", "單據號碼", "發票號碼"),
        "document_date": ("憑證日期", "單據日期", "結帳日期"), "due_date": ("到期日", "預收款日"),
        "amount": ("應收金額", "原幣應收金額"), "open_amount": ("未收金額", "未沖金額", "餘額"),
        "currency": ("幣別",)},
        dates=ROC, encodings=("cp950", "big5hkscs"), currency="TWD"),
    Preset("kingdee", {
        "customer_code": ("客户编码", "往来单位编码"), "customer_name": ("客户名称", "往来单位"),
        "document_no": ("单据编号",), "document_date": ("业务日期", "单据日期"),
        "due_date": ("到期日", "到期日期"), "amount": ("应收金额", "价税合计"),
        "open_amount": ("余额", "原币余额", "未收款金额"), "currency": ("币别",)},
        dates=YMD, encodings=("gb18030",), currency="CNY"),
    Preset("yonyou", {
        "customer_code": ("客户编码",), "customer_name": ("客户简称",),
        "document_no": ("单据号", "发票号"), "document_date": ("单据日期",),
        "due_date": ("到期日",), "amount": ("原币金额",), "open_amount": ("原币余额",),
        "currency": ("币种",)},
        dates=YMD, encodings=("gb18030",), currency="CNY"),
    Preset("odoo_aged", {
        "customer_name": ("Partner",), "document_no": ("Entry",), "document_date": ("Date",),
        "due_date": ("Due date",), "open_amount": ("Residual",)},
        dates=AUTO),
    Preset("odoo_aged_summary", {"customer_name": ("Partner",), "balance": ("Residual",)}),
    Preset("erpnext", {
        "customer_code": ("Party", "Customer"), "customer_name": ("Customer Name",),
        "document_no": ("Voucher No",), "document_date": ("Posting Date",),
        "due_date": ("Due Date",), "amount": ("Invoiced Amount",),
        "open_amount": ("Outstanding Amount",), "currency": ("Currency",)}, dates=AUTO),
    Preset("sap_fbl5n", {
        "customer_code": ("Account", "Customer"), "document_no": ("Document Number", "DocumentNo"),
        "document_date": ("Document Date",), "due_date": ("Net due date",),
        "amount": ("Amount in doc. curr.",), "currency": ("Document currency", "Curr.")},
        decimal=",", group=".", dates=DMY, currency="USD"),
    Preset("quickbooks", {
        "customer_name": ("Name", "Customer"), "document_no": ("Num",), "document_date": ("Date",),
        "due_date": ("Due Date",), "amount": ("Amount",), "open_amount": ("Open Balance",)},
        dates=MDY, currency="USD"),
    Preset("quickbooks_summary", {"customer_name": ("Customer",), "balance": ("Total", "TOTAL")},
           dates=MDY, currency="USD"),
    Preset("plain", {
        "customer_code": ("Customer code", "Customer ID"), "customer_name": ("Customer name",),
        "document_no": ("Invoice", "Invoice number", "Invoice no", "Document number"),
        "document_date": ("Invoice date", "Document date"), "due_date": ("Due date",),
        "amount": ("Amount", "Invoice amount"), "open_amount": ("Open amount", "Outstanding"),
        "currency": ("Currency",)}),
)
BY_NAME = {p.name: p for p in PRESETS}


def match(preset: Preset, cells) -> dict[str, int]:
    """Field → column of the header ``cells`` (already header keys) that ``preset`` knows."""
    keys, found = preset.keys(), {}
    for column, cell in enumerate(cells):
        field = keys.get(cell)
        if field is not None and field not in found:
            found[field] = column
    return found


def usable(columns: dict[str, int]) -> bool:
    """A customer, and either a document with an amount (detail) or a balance (summary; an
    aged summary of Kingdee or Digiwin states it as the open amount, 余额)."""
    customer = "customer_code" in columns or "customer_name" in columns
    amount = any(f in columns for f in ("amount", "open_amount", "debit", "credit"))
    balance = "balance" in columns or "open_amount" in columns and "document_no" not in columns
    return customer and (("document_no" in columns and amount) or balance) or (
        "document_no" in columns and "debit" in columns)  # a ledger names its customer above


def all_labels() -> set[str]:
    return {header_key(l) for p in PRESETS for ls in p.labels.values() for l in ls}
