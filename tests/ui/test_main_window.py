"""The collector's window driven as a person would: type, press keys, read what is shown."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, Qt, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.models.file_tables import AMBER

from ui_expect import CUSTOMERS, TODAY, bucket_name, fold, is_chinese, money_text


def type_text(qtbot, widget, text):
    """Keys for Latin text; Chinese arrives as an input method's commit, as from a real IME."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def search(qtbot, window, text):
    """Type ``text`` into the search box and wait for its first page of results."""
    view = window.customer_list
    view.search_box.clear()
    type_text(qtbot, view.search_box, text)
    qtbot.waitUntil(lambda: view.model.query == text.strip() and not view.model.loading
                    and view.mode == "results", timeout=5000)
    return view


def shown_names(view):
    return [view.model.record(r).name for r in range(view.model.rowCount())]


def open_with_enter(qtbot, window, customer_id):
    """Select the customer's row in the results and press Enter on it."""
    view = window.customer_list
    row = next(r for r in range(view.model.rowCount()) if view.model.customer_id(r) == customer_id)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, 0))
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.customer_view.file.customer.id == customer_id


def matches(file, needle):
    return needle in fold(file.customer.name) or any(needle in fold(c.name) for c in file.contacts)


def test_starts_with_todays_route_and_empty_states(qtbot, window, portfolio):
    stops = portfolio.route()
    assert window.customer_list.mode == "route"
    assert window.route_view.model.rowCount() == len(stops) > 0
    assert f"Stops: {len(stops)}" in window.route_view._subtitle.text()
    assert "Monday, June 30, 2025" in window.route_view._subtitle.text()
    view = window.customer_view
    assert view.currentWidget() is view.empty
    assert view.empty.text() == "Pick a customer from today's route or search (Ctrl+F)"
    assert view.visits.empty.text() == "No visits recorded yet"
    # The count comes from its own task, which may still be on its way when the route is shown.
    qtbot.waitUntil(lambda: window.count_label.text() == "Customers: 80", timeout=5000)
    assert window.today_label.text() == "Today: Jun 30, 2025"


def test_typing_dang_finds_dang_customers_only(qtbot, window, all_files):
    expected = {f.customer.name for f in all_files.values() if matches(f, "dang")}
    assert expected, "the demo data has customers or contacts named Đặng"
    view = search(qtbot, window, "dang")
    names = shown_names(view)
    assert set(names) == expected
    people = [c.name for f in all_files.values() if f.customer.name in names for c in f.contacts]
    assert any("Đặng" in name for name in names + people)


def test_one_chinese_character_finds_the_chinese_customer(qtbot, window, all_files):
    chinese = [f for f in all_files.values() if is_chinese(f.customer.name)]
    assert chinese, "the demo data has Taiwanese and mainland customers"
    counts = Counter(ch for f in all_files.values() for ch in set(f.customer.name)
                     if is_chinese(ch))
    target = chinese[0]
    rare = min((ch for ch in target.customer.name if is_chinese(ch)), key=counts.__getitem__)
    view = search(qtbot, window, rare)
    names = shown_names(view)
    assert target.customer.name in names
    for name in names:
        file = next(f for f in all_files.values() if f.customer.name == name)
        assert rare in name or any(rare in c.name for c in file.contacts)


def test_enter_opens_the_customer_with_its_invoices_aging_and_totals(qtbot, window, all_files):
    file = max(all_files.values(), key=lambda f: (len({i.amount.currency for i in f.open_invoices}),
                                                  len(f.open_invoices)))
    search(qtbot, window, file.customer.code)
    open_with_enter(qtbot, window, file.customer.id)
    tab = window.customer_view.invoices
    model = tab.model
    assert model.rowCount() == len(file.open_invoices)
    numbers = [model.record(r).number for r in range(model.rowCount())]
    assert numbers == [i.number for i in file.open_invoices]
    cols = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    balances: dict[str, int] = {}
    aging: dict[str, Counter] = {}
    for row, invoice in enumerate(file.open_invoices):
        cur, minor = invoice.open_balance.currency, invoice.open_balance.minor
        assert model.index(row, cols.index("Open balance")).data() == money_text(minor, cur)
        assert model.index(row, cols.index("Bucket")).data() == bucket_name(invoice.due_on, TODAY)
        balances[cur] = balances.get(cur, 0) + minor
        aging.setdefault(cur, Counter())[bucket_name(invoice.due_on, TODAY)] += minor
    for cur, total in balances.items():
        assert f"open balance {money_text(total, cur)}" in tab.totals.text().replace("<b>", "") \
            .replace("</b>", "")
    strip = window.customer_view.aging.model
    heads = [strip.headerData(c, Qt.Orientation.Horizontal) for c in range(strip.columnCount())]
    for row in range(strip.rowCount()):
        cur = strip.index(row, 0).data()
        for bucket, minor in aging[cur].items():
            assert strip.index(row, heads.index(bucket)).data() == money_text(minor, cur)
        overdue = sum(m for b, m in aging[cur].items() if b != "Current")
        if overdue:
            assert strip.index(row, heads.index("Overdue")).data() == money_text(overdue, cur)
    tab.open_only.setChecked(False)
    assert model.rowCount() == len(file.invoices)


def test_deliveries_tab_highlights_the_mismatch(qtbot, window, all_files):
    file = next(f for f in all_files.values() if f.deliveries_with_discrepancy)
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.customer_view.open(file.customer.id)
    tab = window.customer_view.deliveries
    window.customer_view.tabs.setCurrentWidget(tab)
    bad = len(file.deliveries_with_discrepancy)
    assert tab.banner.isVisible()
    assert f"{bad} deliveries don't match the contract" in tab.banner.text()
    for delivery in file.deliveries_with_discrepancy[:3]:  # spelled out: the table elides
        assert delivery.note_number in tab.banner.text()
    model = tab.model
    for row in range(model.rowCount()):
        brush = model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
        assert (brush is not None and brush.color() == AMBER) == model.record(row).has_discrepancy


def test_no_match_shows_an_empty_state(qtbot, window):
    view = search(qtbot, window, "qqqxyz")
    assert view.model.rowCount() == 0
    assert view._no_match.isVisible()
    assert view._no_match.text() == "No customer matches “qqqxyz”"


def test_escape_clears_the_search_and_shows_the_route(qtbot, window):
    view = search(qtbot, window, "dang")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    assert view.search_box.text() == ""
    assert view.mode == "route" and window.route_view.isVisible()


def test_route_double_click_and_back(qtbot, window, portfolio):
    stops = portfolio.route()
    route = window.route_view
    for row in (0, 1):
        rect = route.table.visualRect(route.model.index(row, 2))
        # QTest's double click is only the second click: press once first, like a hand does.
        qtbot.mouseClick(route.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
            qtbot.mouseDClick(route.table.viewport(), Qt.MouseButton.LeftButton,
                              pos=rect.center())
        assert window.customer_view.file.customer.id == stops[row].customer.id
    assert window.back_action.isEnabled()
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.back_action.trigger()
    assert window.customer_view.file.customer.id == stops[0].customer.id


def test_ctrl_1_and_ctrl_2_switch_between_route_and_customers(qtbot, window):
    window.customers_action.trigger()
    qtbot.waitUntil(lambda: window.customer_list.model.rowCount() > 0, timeout=5000)
    assert window.customer_list.mode == "results"
    window.route_action.trigger()
    assert window.customer_list.mode == "route"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_window_state_is_restored_from_settings(qtbot, window, services, profile):
    # Inside the offscreen platform's 800×600 screen: restoreGeometry clamps to the screen.
    window.resize(780, 560)
    window.splitter.setSizes([290, 480])
    sizes = window.splitter.sizes()
    window.close()
    assert profile.settings_file.exists()
    again = MainWindow(services, profile, ask_collector=False)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (780, 560)
    assert again.splitter.sizes() == sizes


class Marking(QTranslator):
    """Every text of the window, marked: shows what was translated again and what was not."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return f"«{source}»"

    def isEmpty(self):  # noqa: N802 (Qt override)
        return False


def test_installing_a_translator_retranslates_what_is_on_screen(qtbot, qapp, window, all_files):
    search(qtbot, window, "dang")
    file = next(iter(all_files.values()))
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.customer_view.open(file.customer.id)
    marking = Marking()
    qapp.installTranslator(marking)  # Qt posts LanguageChange to every widget
    try:
        box = window.customer_list.search_box
        qtbot.waitUntil(lambda: box.placeholderText().startswith("«"), timeout=5000)
        assert box.placeholderText() == "«Search name, code, tax code, phone, contact…»"
        assert window.file_menu.title() == "«&File»"
        assert window.route_view._title.text() == "«Today's route»"
        assert window.customer_view.empty.text().startswith("«Pick a customer")
        tabs = window.customer_view.tabs
        assert tabs.tabText(tabs.indexOf(window.customer_view.background)) == "«Background»"
        assert window.follow_up_view._title.text() == "«Follow-ups»"
        assert window.customer_list.model.rowCount() > 0  # the search stays
        assert window.customer_view.file.customer.id == file.customer.id
    finally:
        qapp.removeTranslator(marking)
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=5000)


def test_language_change_retranslates_without_losing_state(qtbot, window):
    search(qtbot, window, "dang")
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.customer_list.search_box.placeholderText() == \
        "Search name, code, tax code, phone, contact…"
    assert window.customer_list.model.rowCount() > 0


@pytest.mark.parametrize("width,height", [(1440, 900), (1280, 800)])
def test_the_customer_file_fits_common_laptop_screens(qtbot, window, all_files, width, height):
    window.resize(width, height)
    file = next(iter(all_files.values()))
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.customer_view.open(file.customer.id)
    tabs = window.customer_view.tabs
    tabs.setCurrentWidget(window.customer_view.invoices)
    qtbot.waitUntil(lambda: window.customer_view.invoices.table.height() > 100, timeout=2000)
    assert tabs.tabBar().sizeHint().width() <= tabs.width()


def test_keyboard_only_find_open_and_go_back(qtbot, window, portfolio):
    """Ctrl+F, type, Enter opens the first match; Ctrl+1 shows the route; Alt+Left goes back."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_F, ctrl)
    box = window.customer_list.search_box
    assert box.hasFocus()
    view = search(qtbot, window, "dang")
    first = view.model.customer_id(0)
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.customer_view.file.customer.id == first
    qtbot.keyClick(window, Qt.Key.Key_1, ctrl)
    assert view.mode == "route" and window.route_view.table.hasFocus()
    qtbot.keyClick(window.route_view.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        qtbot.keyClick(window.route_view.table, Qt.Key.Key_Return)
    assert window.customer_view.file.customer.id == portfolio.route()[1].customer.id
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_Left, alt)
    assert window.customer_view.file.customer.id == first
    qtbot.keyClick(window, Qt.Key.Key_2, ctrl)
    assert view.mode == "results" and box.hasFocus()


def test_results_page_in_as_the_list_scrolls(qtbot, window):
    window.customers_action.trigger()  # empty box: every customer, 50 at a time
    model = window.customer_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 50 and not model.loading, timeout=5000)
    table = window.customer_list.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == CUSTOMERS, timeout=5000)
    assert not model.canFetchMore()
