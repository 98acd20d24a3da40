"""The Qt models over records, tested without any window (Vorta's archive-table tests)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Qt

from fieldapp.domain.money import Money
from fieldapp.ui.models.aging import AgingModel
from fieldapp.ui.models.customers import CustomerListModel
from fieldapp.ui.models.file_tables import (AMBER, ContactTableModel, ContractTableModel,
                                            DeliveryTableModel, PaymentTableModel)
from fieldapp.ui.models.invoices import InvoiceTableModel
from fieldapp.ui.models.route import RouteModel
from fieldapp.ui.models.table import RECORD_ROLE, RIGHT, SORT_ROLE, Column, RecordTableModel

from conftest import settle
from ui_expect import CUSTOMERS, TODAY, bucket_name, money_text

DISPLAY, ALIGN = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole


def _headers(model):
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _cell(model, row, header):
    return model.index(row, _headers(model).index(header))


def _file_with(all_files, predicate):
    return next(f for f in all_files.values() if predicate(f))


def test_generic_model_declares_columns_alignment_and_roles(qapp):
    model = RecordTableModel([Column("Name", lambda r: r[0]),
                              Column("Amount", lambda r: f"{r[1]:,}", RIGHT, sort=lambda r: r[1])],
                             "Test")
    model.set_records([("Đặng", 1200), ("林", 5)])
    assert _headers(model) == ["Name", "Amount"]
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.data(model.index(0, 1)) == "1,200"
    assert model.data(model.index(0, 1), ALIGN) == RIGHT
    assert model.data(model.index(1, 0), RECORD_ROLE) == ("林", 5)
    assert model.data(model.index(1, 1), SORT_ROLE) == 5
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    model.append_records([("Lê", 7)])
    assert model.rowCount() == 3 and model.record(2) == ("Lê", 7)


def test_customer_list_pages_in_with_fetch_more(qtbot, portfolio, taskman):
    model = CustomerListModel(portfolio, taskman, page_size=30)
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.set_query("")
    assert model.rowCount() == 30 and model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 60
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == CUSTOMERS and not model.canFetchMore(QModelIndex())
    ids = [model.customer_id(r) for r in range(model.rowCount())]
    assert ids == sorted(set(ids))  # pages neither overlap nor skip


def test_customer_list_says_no_while_a_page_is_on_its_way(qtbot, portfolio, taskman):
    model = CustomerListModel(portfolio, taskman, page_size=10)
    model.set_query("")
    assert model.loading and not model.canFetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.loading, timeout=3000)


def test_a_newer_query_drops_the_older_pages(qtbot, portfolio, taskman):
    model = CustomerListModel(portfolio, taskman)
    loaded = []
    model.page_loaded.connect(loaded.append)
    held = threading.Event()
    taskman.run(held.wait, lambda _: None)  # both queries queue behind this
    model.set_query("")
    model.set_query("zzzz-no-such-customer")
    held.set()  # the older page is answered first, after the newer query was asked
    settle(qtbot, taskman)
    assert loaded == ["zzzz-no-such-customer"]
    assert model.rowCount() == 0


def test_customer_rows_show_overdue_per_currency_with_babel(qtbot, portfolio, taskman):
    model = CustomerListModel(portfolio, taskman)
    with qtbot.waitSignal(model.page_loaded, timeout=3000):
        model.set_query("")
    rows = [r for r in range(model.rowCount()) if model.record(r).overdue]
    assert rows, "the demo data has overdue customers"
    for row in rows:
        summary = model.record(row)
        expected = " · ".join(money_text(m.minor, m.currency) for m in summary.overdue)
        assert model.data(_cell(model, row, "Overdue")) == expected
        assert model.data(_cell(model, row, "Overdue"), ALIGN) == RIGHT


def test_route_model_lists_stops_in_visiting_order(qapp, portfolio):
    stops = portfolio.route()
    model = RouteModel()
    model.set_records(stops)
    assert model.rowCount() == len(stops) > 0
    assert _headers(model)[:4] == ["#", "Time", "Customer", "District"]
    assert [model.data(_cell(model, r, "#"), SORT_ROLE) for r in range(len(stops))] == \
        sorted(s.seq for s in stops)
    assert model.customer_id(0) == stops[0].customer.id
    assert model.data(_cell(model, 0, "Customer")) == stops[0].customer.name


def test_invoice_model_open_only_buckets_and_totals(qapp, all_files):
    file = _file_with(all_files, lambda f: len(f.open_invoices) < len(f.invoices) and
                      len(f.open_invoices) >= 2)
    model = InvoiceTableModel()
    model.set_file(file)
    assert model.open_only and model.rowCount() == len(file.open_invoices)
    for row, invoice in enumerate(file.open_invoices):
        assert model.data(_cell(model, row, "Number")) == invoice.number
        assert model.data(_cell(model, row, "Open balance")) == \
            money_text(invoice.open_balance.minor, invoice.open_balance.currency)
        assert model.data(_cell(model, row, "Open balance"), ALIGN) == RIGHT
        assert model.data(_cell(model, row, "Bucket")) == bucket_name(invoice.due_on, TODAY)
        assert model.data(_cell(model, row, "Days late")) == \
            f"{max(0, (TODAY - invoice.due_on).days):,}"
    balances = {}
    for invoice in file.open_invoices:
        cur = invoice.open_balance.currency
        balances[cur] = balances.get(cur, 0) + invoice.open_balance.minor
    assert {c: b.minor for c, (_a, b) in model.totals().items()} == balances
    model.set_open_only(False)
    assert model.rowCount() == len(file.invoices)


def test_disputed_invoices_are_marked(qapp, all_files):
    file = _file_with(all_files, lambda f: any(i.disputed and i.is_open for i in f.invoices))
    model = InvoiceTableModel()
    model.set_file(file)
    for row, invoice in enumerate(model.records()):
        status = model.data(_cell(model, row, "Status"))
        assert (status == "Disputed") == invoice.disputed
        font = model.data(_cell(model, row, "Number"), Qt.ItemDataRole.FontRole)
        assert (font is not None and font.italic()) == invoice.disputed


def test_aging_model_one_row_per_currency(qapp, all_files):
    file = _file_with(all_files, lambda f: f.aging)
    model = AgingModel()
    model.set_aging(file.aging)
    assert _headers(model) == ["Currency", "Current", "1–30", "31–60", "61–90", "90+",
                               "Total", "Overdue"]
    for row, aging in enumerate(file.aging):
        assert model.data(_cell(model, row, "Total")) == \
            money_text(aging.total.minor, aging.currency)


def test_mismatched_deliveries_are_amber_and_flagged(qapp, all_files):
    file = _file_with(all_files, lambda f: f.deliveries_with_discrepancy and
                      len(f.deliveries_with_discrepancy) < len(f.deliveries))
    model = DeliveryTableModel()
    model.set_records(file.deliveries)
    for row, delivery in enumerate(file.deliveries):
        brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
        note = model.data(_cell(model, row, "Note"))
        if delivery.has_discrepancy:
            assert brush.color() == AMBER and note.startswith("⚠")
        else:
            assert brush is None and note == delivery.note_number


def test_contacts_with_authority_to_pay_are_bold(qapp, all_files):
    file = _file_with(all_files, lambda f: any(c.authority_to_pay for c in f.contacts))
    model = ContactTableModel()
    model.set_records(file.contacts)
    for row, contact in enumerate(file.contacts):
        font = model.data(model.index(row, 0), Qt.ItemDataRole.FontRole)
        assert (font is not None and font.bold()) == contact.authority_to_pay
        marked = model.data(_cell(model, row, "Authority")) == "✔ Authority to pay"
        assert marked == contact.authority_to_pay


def test_contract_terms_and_payments_are_formatted(qapp, all_files):
    file = _file_with(all_files, lambda f: f.contracts and any(p.allocations for p in f.payments))
    contracts = ContractTableModel()
    contracts.set_records(file.contracts)
    assert contracts.data(_cell(contracts, 0, "Payment terms")) == \
        f"Net {file.contracts[0].net_days} days"
    payments = PaymentTableModel()
    payments.set_records(file.payments)
    row = next(i for i, p in enumerate(file.payments) if p.allocations)
    payment = file.payments[row]
    assert payments.data(_cell(payments, row, "Amount")) == \
        money_text(payment.amount.minor, payment.amount.currency)
    assert payment.allocations[0].invoice_number in payments.data(_cell(payments, row,
                                                                          "Allocated to"))


def test_money_text_matches_the_brief_examples():
    assert money_text(Money(12_500_000, "VND").minor, "VND") == "₫12,500,000"
    assert money_text(123450, "TWD") == "NT$1,234.50"


def _mixed_currency_file():
    """One customer owing in đồng and in New Taiwan dollars (built from records, no store)."""
    from datetime import timedelta

    from fieldapp.domain.aging import age_balances
    from fieldapp.domain.enums import BusinessStatus, Language
    from fieldapp.domain.records import Customer, CustomerFile, Invoice

    customer = Customer(1, "KH1", "Công ty Đặng Hưng", "0312345678", "0903", "12 Lê Lợi",
                        "Quận 1", "TP HCM", "VN", BusinessStatus.ACTIVE, "", "", "",
                        TODAY - timedelta(days=900), Money(500_000_000, "VND"), Language.VI)

    def invoice(i, days_late, amount, open_, currency):
        due = TODAY - timedelta(days=days_late)
        return Invoice(i, 1, None, f"INV-{i}", due - timedelta(days=30), due,
                       Money(amount, currency), Money(open_, currency), False)

    invoices = (invoice(1, -3, 12_500_000, 12_500_000, "VND"),
                invoice(2, 45, 9_000_000, 4_000_000, "VND"),
                invoice(3, 100, 123_450, 123_450, "TWD"),
                invoice(4, 10, 50_000, 0, "TWD"))
    aging = tuple(age_balances(((i.due_on, i.open_balance) for i in invoices), TODAY))
    return CustomerFile(TODAY, customer, (), (), invoices, (), (), aging)


def test_totals_and_aging_stay_per_currency(qapp):
    file = _mixed_currency_file()
    invoices = InvoiceTableModel()
    invoices.set_file(file)
    totals = {c: (a.minor, b.minor) for c, (a, b) in invoices.totals().items()}
    assert totals == {"VND": (21_500_000, 16_500_000), "TWD": (123_450, 123_450)}
    aging = AgingModel()
    aging.set_aging(file.aging)
    rows = {aging.index(r, 0).data(): r for r in range(aging.rowCount())}
    assert aging.data(_cell(aging, rows["VND"], "Current")) == "₫12,500,000"
    assert aging.data(_cell(aging, rows["VND"], "31–60")) == "₫4,000,000"
    assert aging.data(_cell(aging, rows["VND"], "Overdue")) == "₫4,000,000"
    assert aging.data(_cell(aging, rows["TWD"], "90+")) == "NT$1,234.50"
    assert aging.data(_cell(aging, rows["TWD"], "Total")) == "NT$1,234.50"
    assert aging.data(_cell(aging, rows["TWD"], "Current")) == "–"
