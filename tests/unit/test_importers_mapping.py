"""A mapping adjusted by hand: the wizard's rules and the command line's, shared."""

from fieldapp.importers.mapping import (COLUMN_TWICE, NO_AMOUNT, NO_CUSTOMER, adjusted,
                                        labels_problem, mapping_problem, relabeled)
from fieldapp.importers.presets import BY_NAME, Preset


def test_a_mapping_by_column_needs_a_customer_an_amount_and_each_column_once():
    assert mapping_problem({"amount": 2, "customer_code": None}) == NO_CUSTOMER
    assert mapping_problem({"document_no": 0, "due_date": 1}) == NO_AMOUNT
    assert mapping_problem({"customer_code": 0, "amount": 0}) == COLUMN_TWICE
    assert mapping_problem({"document_no": 0, "debit": 1}) is None  # a ledger: customer above


def test_the_same_rules_over_header_labels():
    assert labels_problem(Preset("x", {"amount": ("Số tiền",)})) == (NO_CUSTOMER, "")
    assert labels_problem(Preset("x", {"customer_code": ("Mã",)})) == (NO_AMOUNT, "")
    twice = Preset("x", {"customer_code": ("Mã KH",), "amount": ("mã  kh",)})
    assert labels_problem(twice) == (COLUMN_TWICE, "mã kh")
    for preset in BY_NAME.values():
        assert labels_problem(preset) is None, preset.name


def test_relabeled_replaces_only_the_fields_given_and_adjusted_all_of_them():
    plain = BY_NAME["plain"]
    mine = relabeled(plain, {"amount": "Số tiền"}, dates="dmy", currency="VND")
    assert mine.labels["amount"] == ("Số tiền",)
    assert mine.labels["due_date"] == plain.labels["due_date"]
    assert (mine.dates, mine.currency, mine.name) == ("dmy", "VND", "plain")
    chosen = adjusted(plain, ("Khách", "Số tiền"), {"customer_code": 0, "amount": 1,
                                                    "due_date": None}, "ymd", (",", "."), "TWD")
    assert chosen.labels == {"customer_code": ("Khách",), "amount": ("Số tiền",)}
    assert (chosen.decimal, chosen.group, chosen.currency) == (",", ".", "TWD")
