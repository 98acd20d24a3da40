"""Customers (Ctrl+2) as a person uses the list: click a header to sort (the whole paged list,
not just what is loaded), see how many matched and why, and the README's examples find something."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from fieldapp.domain.search import CustomerOrder
from fieldapp.i18n.folding import fold
from fieldapp.ui.models.customers import CustomerListModel

from ui_expect import CUSTOMERS

M = CustomerListModel


def click_header(qtbot, table, column):
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def load_all(qtbot, view):
    model = view.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=5000)
    while model.canFetchMore():
        view.table.scrollToBottom()  # the view asks for the next page as a person scrolls
        qtbot.waitUntil(lambda: model.loading or not model.canFetchMore(), timeout=5000)
        qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    return [model.record(r) for r in range(model.rowCount())]


def cell(view, row, column):
    return view.model.index(row, column).data()


def test_header_clicks_sort_the_whole_list(qtbot, window):
    window.customers_action.trigger()  # every customer, 50 at a time
    view = window.customer_list
    load_all(qtbot, view)
    click_header(qtbot, view.table, M.NAME)
    assert view.model.sorting.order is CustomerOrder.NAME and not view.model.sorting.descending
    rows = load_all(qtbot, view)
    assert len(rows) == CUSTOMERS
    assert [fold(r.name) for r in rows] == sorted(fold(r.name) for r in rows)
    click_header(qtbot, view.table, M.LATE)
    click_header(qtbot, view.table, M.LATE)  # again: most days late first
    assert view.model.sorting.descending
    rows = load_all(qtbot, view)
    late = [r.max_days_late for r in rows]
    assert late == sorted(late, reverse=True) and late[0] > late[-1]
    assert cell(view, 0, M.LATE) == f"{late[0]:,}"


def test_the_caption_counts_the_matches_and_a_column_says_why(qtbot, window, portfolio):
    view = window.customer_list
    view.search_box.setText("dang")
    qtbot.waitUntil(lambda: view.model.query == "dang" and not view.model.loading
                    and view.model.rowCount() > 0, timeout=5000)
    page = portfolio.search("dang")
    assert view._caption.text() == f"{page.total} customers match “dang”"
    assert not view.table.isColumnHidden(M.FOUND_IN)
    found_in = [cell(view, r, M.FOUND_IN) for r in range(view.model.rowCount())]
    names = [fold(view.model.record(r).name) for r in range(view.model.rowCount())]
    # Names holding Đặng come first; contacts after them.
    first_other = next((i for i, why in enumerate(found_in) if why != "name"), len(found_in))
    assert all(" dang" in f" {n}" or "dang" in n for n in names[:first_other])
    assert set(found_in[first_other:]) <= {"contact", "phone", "code", "tax code or several fields"}
    assert "dang" in names[0]


def test_readme_examples_find_a_phone_and_a_taiwanese_name(qtbot, window):
    view = window.customer_list
    for query, reason, needle in (("0903 966", "phone", None), ("永豐", "name", "永豐")):
        view.search_box.setText(query)
        qtbot.waitUntil(lambda: view.model.query == query and not view.model.loading,
                        timeout=5000)
        assert view.model.rowCount() >= 1, query
        assert cell(view, 0, M.FOUND_IN) == reason
        if needle:
            assert needle in view.model.record(0).name
