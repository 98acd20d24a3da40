"""The right customer: the row selected in a list is the customer on screen, and Start visit
(Ctrl+N) acts on it, even when pressed before the file has arrived."""

from __future__ import annotations

from PySide6.QtCore import Qt

from conftest import settle
from visit_helpers import CTRL, press, wait_active

KEY = Qt.Key


def click_row(qtbot, table, row):
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def highlighted(view):
    rows = view.table.selectionModel().selectedRows()
    return [view.model.customer_id(i.row()) for i in rows]


def test_a_single_click_on_a_stop_shows_that_customer(qtbot, window):
    route = window.route_view
    assert route.model.rowCount() >= 5
    assert window.customer_view.file is None and highlighted(route) == []  # nothing chosen yet
    stop5 = route.model.customer_id(4)
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        click_row(qtbot, route.table, 4)
    assert window.customer_view.file.customer.id == stop5
    assert highlighted(route) == [stop5]


def test_ctrl_n_right_after_a_click_starts_the_visit_of_the_row_clicked(qtbot, live_window):
    route = live_window.route_view
    first, fifth = route.model.customer_id(0), route.model.customer_id(4)
    assert first != fifth
    with qtbot.waitSignal(live_window.customer_view.file_shown, timeout=5000):
        click_row(qtbot, route.table, 0)
    wait_active(qtbot, live_window)
    click_row(qtbot, route.table, 4)
    # Ctrl+N before stop 5's file is on screen: the visit is still stop 5's.
    with qtbot.waitSignal(live_window.launcher.opened, timeout=5000) as opened:
        press(qtbot, KEY.Key_N, CTRL)
    visit = opened.args[0]
    assert visit.session.visit.customer_id == fifth
    assert live_window.customer_view.file.customer.id == fifth
    visit.close()
    qtbot.waitUntil(lambda: not live_window.launcher.windows, timeout=5000)


def test_rows_chosen_in_the_follow_ups_show_their_customer(qtbot, live_window):
    window = live_window
    follow = window.follow_up_view
    qtbot.waitUntil(lambda: follow.model.rowCount() > 1, timeout=5000)
    window.follow_ups_action.trigger()
    rows = follow.model.rowCount()
    other = next(r for r in range(rows) if follow.model.customer_id(r) != follow.model.customer_id(0))
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        click_row(qtbot, follow.table, 0)
    assert window.customer_view.file.customer.id == follow.model.customer_id(0)
    follow.table.setFocus()
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        for _ in range(other):
            qtbot.keyClick(follow.table, KEY.Key_Down)
    settle(qtbot, window.taskman)
    assert window.customer_view.file.customer.id == follow.model.customer_id(other)
    assert highlighted(follow) == [follow.model.customer_id(other)]


def test_the_customer_shown_is_highlighted_in_every_list_and_no_other(qtbot, window):
    route, results = window.route_view, window.customer_list
    stop3 = route.model.customer_id(2)
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        click_row(qtbot, route.table, 2)
    # Searched for, stop 3's row is highlighted among the results too (and only it).
    results.search_box.setText(window.customer_view.file.customer.name)
    qtbot.waitUntil(lambda: results.model.rowCount() > 0 and not results.model.loading
                    and results.mode == "results", timeout=5000)
    qtbot.waitUntil(lambda: highlighted(results) == [stop3], timeout=5000)
    results.search_box.setText("")
    window.customers_action.trigger()  # every customer
    qtbot.waitUntil(lambda: results.model.rowCount() > 0 and not results.model.loading,
                    timeout=5000)
    off_route = next(results.model.customer_id(r) for r in range(results.model.rowCount())
                     if results.model.customer_id(r) not in
                     {route.model.customer_id(i) for i in range(route.model.rowCount())})
    row = next(r for r in range(results.model.rowCount())
               if results.model.customer_id(r) == off_route)
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        click_row(qtbot, results.table, row)
    assert window.customer_view.file.customer.id == off_route
    assert highlighted(route) == []  # the route no longer points at stop 3
    # Back (Alt+Left) to stop 3: the route highlights it again, and a reload keeps it.
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.back_action.trigger()
    assert window.customer_view.file.customer.id == stop3 and highlighted(route) == [stop3]
    with qtbot.waitSignal(route.loaded, timeout=5000):
        route.reload()
    assert highlighted(route) == [stop3]
    settle(qtbot, window.taskman)
    assert window.customer_view.file.customer.id == stop3
