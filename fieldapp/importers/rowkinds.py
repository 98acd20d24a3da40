"""Which rows of an export are data: opening, subtotal, total, blank and signature rows are not."""

from __future__ import annotations

import re

from .presets import header_key

DATA, OPENING, SUBTOTAL, TOTAL, CLOSING, BLANK, SIGNATURE, NOTE = (
    "data", "opening", "subtotal", "total", "closing", "blank", "signature", "note")

_OPENING = ("số dư đầu kỳ", "dư đầu kỳ", "opening balance", "balance forward", "期初餘額",
            "期初余额", "期初", "上期結轉", "上期结转")
_CLOSING = ("số dư cuối kỳ", "dư cuối kỳ", "closing balance", "期末餘額", "期末余额")
_SUBTOTAL = ("subtotal", "sub-total", "sub total", "小計", "小计", "partner cumul aged balance",
             "cộng theo", "total for ")
_TOTAL = ("cộng số phát sinh", "cộng phát sinh", "tổng cộng", "cộng", "grand total", "total",
          "合計", "合计", "總計", "总计", "共計", "共计")
_NOTES = ("percents", "percent", "tỷ lệ", "百分比")
_SIGNATURE = ("người lập biểu", "người lập", "kế toán trưởng", "giám đốc", "thủ trưởng",
              "ký, họ tên", "(ký", "(ký tên", "製表", "審核", "覆核", "核准", "制单人", "制表", "审核",
              "复核", "会计主管", "會計主管", "prepared by", "approved by", "checked by")
_CODES = re.compile(r"[a-z]|\d{1,2}")  # the (A) (B) (1) (2) column-code row under S31-DN headers
_SIGNED_ON = re.compile(r"ngày\s*\S*\s*tháng\s*\S*\s*năm|\d+\s*年\s*\d+\s*月\s*\d+\s*日$")
_STARS = re.compile(r"\*+")             # SAP list totals: '*' and '**' in the first column


def classify(cells, has_document: bool) -> str:
    """The kind of a row from its text. Keyword rows need an empty document number (when the
    layout has one): a customer called 'Total Petroleum' on an invoice row stays data."""
    if has_document:  # the usual data row: settled without looking at every cell
        first = next((c.strip() for c in cells if c and not c.isspace()), "")
        if _STARS.fullmatch(first):
            return TOTAL if len(first) == 1 else SUBTOTAL
        if len(first) > 2:
            return DATA
    texts = [c.strip() for c in cells if c and c.strip()]
    if not texts:
        return BLANK
    if _STARS.fullmatch(texts[0]):
        return TOTAL if len(texts[0]) == 1 else SUBTOTAL
    if all(_CODES.fullmatch(header_key(t).strip("()")) for t in texts) and len(texts) >= 3:
        return NOTE
    if has_document:
        return DATA
    keyed = [header_key(t).strip("'\"") for t in texts[:3]]
    if any(_SIGNED_ON.match(k) for k in keyed):
        return SIGNATURE
    for words, kind in ((_OPENING, OPENING), (_CLOSING, CLOSING), (_SIGNATURE, SIGNATURE),
                        (_SUBTOTAL, SUBTOTAL), (_NOTES, NOTE)):
        if any(k.startswith(w) for k in keyed for w in words):
            return kind
    for key in keyed:
        for word in _TOTAL:
            if key == word or key.startswith(word + " ") or key.startswith(word + ":"):
                rest = key[len(word):].strip(" :")
                return TOTAL if len(rest) <= 4 else SUBTOTAL  # 'Total USD' vs 'Total Acme Co'
    return DATA
