"""The office's Dashboard tab over the hand-worked office of tests/kpi_data.py: the quarter's
figures with their formulas as tooltips, a collector chosen, charts drawn, and the table and a
chart exported (CSV, XLSX, PNG) as a supervisor would."""

from __future__ import annotations

import csv
import zipfile

import pytest
from PySide6.QtWidgets import QFileDialog

from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from tests import kpi_data
from tests.conftest import set_zone


@pytest.fixture
def win(qtbot, tmp_path):
    from fieldapp.ui.office.window import OfficeWindow
    store = open_store(tmp_path / "office.db")
    set_zone(store)  # the office is in Vietnam: its days are Vietnamese days
    kpi_data.fill(store)
    profile = Profile(tmp_path / "office-profile").ensure()
    window = OfficeWindow(build(store, kpi_data.TODAY, actor="test"), profile)
    qtbot.addWidget(window)
    yield window
    window.close()
    store.close()


def _rows(table) -> dict[str, tuple[str, str]]:
    return {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 0).toolTip())
            for r in range(table.rowCount())}


def test_the_quarter_for_the_team_then_one_collector(qtbot, win):
    view = win.dashboard
    # Nothing is read before the tab is shown; the boxes already say what they will show.
    assert view.board is None and not view.export_table_button.isEnabled()
    assert view.collector.currentText() == "All collectors"
    win.show()
    qtbot.waitExposed(win)
    assert view.board is None  # another tab is the current one
    win.show_tab(win.tabs.indexOf(view))
    assert win.tabs.tabText(win.tabs.indexOf(view)) == "Dashboard"
    # Opened on the last whole quarter before today (15 April 2026): the first quarter, read
    # in the background as the tab is first shown (no button pressed).
    assert (view.first.date().toPython(), view.last.date().toPython()) == (
        kpi_data.FIRST, kpi_data.LAST)
    qtbot.waitUntil(lambda: view.table.rowCount() > 0)
    assert view.export_table_button.isEnabled() and view.currency.currentText() == "VND"
    rows = _rows(view.table)
    value, tip = rows["Collection effectiveness index (CEI)"]
    assert value == "38.64%" and tip.startswith("(Beginning receivables + credit sales / N")
    assert rows["DSO, countback"][0] == "99.3 days"
    assert rows["Right-party contact rate"][0] == "60%"
    assert rows["Visits"][0] == "4" and rows["Broken"][0] == "25%"
    assert view.charts.money.getPlotItem().items  # the bars of money collected
    lines = view.charts.aging.getPlotItem().listDataItems()  # a line per bucket, 4 days each
    assert [len(line.getData()[0]) for line in lines] == [4] * 5
    assert list(lines[0].getData()[1]) == [1000, 600, 0, 500]  # current, in đồng
    names = [view.collector.itemText(i) for i in range(view.collector.count())]
    assert names == ["All collectors", "An", "Bình"]
    view.collector.setCurrentIndex(2)
    rows = _rows(view.table)
    assert rows["Days sales outstanding (DSO)"][0] == "144 days"
    assert rows["Visits"][0] == "1" and rows["Calls"][0] == "1"


def test_exports_of_the_table_and_a_chart(qtbot, win, tmp_path, monkeypatch):
    view = win.dashboard
    view.show_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() > 0)
    target = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target["path"]), ""))
    target["path"] = tmp_path / "kpi.csv"
    view.export_table()
    with open(target["path"], encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0] == ["Figure", "Value", "Formula", "Variant"]
    cei = next(r for r in lines if r[0] == "Collection effectiveness index (CEI)")
    assert cei[1] == "38.64%" and "N = months in the period" in cei[3]
    target["path"] = tmp_path / "kpi.xlsx"
    view.export_table()
    with zipfile.ZipFile(target["path"]) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "Collection effectiveness index (CEI)" in sheet and "38.64%" in sheet
    target["path"] = tmp_path / "chart.png"
    view.charts.setCurrentIndex(3)  # aging over time
    view.export_chart()
    assert target["path"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_currency_with_most_open_receivables_first_and_the_last_choice_kept(
        qtbot, tmp_path):
    from fieldapp.ui.office.window import OfficeWindow
    from fieldapp.store.tables import Base
    store = open_store(tmp_path / "office.db")
    set_zone(store)
    kpi_data.fill(store)
    # Five open invoices in US dollars (the VND ones are four): dollars come first.
    with store.engine.begin() as conn:
        conn.execute(Base.metadata.tables["invoice"].insert(), [
            dict(id=100 + n, customer_id=1, contract_id=None, number=f"US{n}",
                 issued_on=kpi_data.FIRST, due_on=kpi_data.LAST, amount_minor=1000,
                 open_minor=1000, currency="USD", disputed=False, source="", closed_on=None)
            for n in range(5)])
    profile = Profile(tmp_path / "office-profile").ensure()

    def opened():
        window = OfficeWindow(build(store, kpi_data.TODAY, actor="test"), profile)
        qtbot.addWidget(window)
        window.show_tab(window.tabs.indexOf(window.dashboard))
        window.show()
        qtbot.waitUntil(lambda: window.dashboard.table.rowCount() > 0)
        return window

    first = opened()
    view = first.dashboard
    assert [view.currency.itemText(i) for i in range(view.currency.count())] == ["USD", "VND"]
    assert view.currency.currentText() == "USD" and view.collector.currentText() == "All collectors"
    view.currency.setCurrentIndex(view.currency.findText("VND"))
    view.collector.setCurrentIndex(view.collector.findText("Bình"))
    assert _rows(view.table)["Days sales outstanding (DSO)"][0] == "144 days"
    first.close()
    again = opened()  # the same profile: the last choice is shown first
    assert (again.dashboard.collector.currentText(), again.dashboard.currency.currentText()) == (
        "Bình", "VND")
    assert _rows(again.dashboard.table)["Days sales outstanding (DSO)"][0] == "144 days"
    again.close()
    store.close()


def test_amount_axes_read_as_numbers_not_exponents(qtbot, win):
    axis = win.dashboard.charts.money.getAxis("left")
    assert axis.tickStrings([9e8, 2.5e8], 1, 1e8) == ["900,000,000", "250,000,000"]
    assert axis.tickStrings([0.5], 1, 0.25) == ["0.5"]
