"""The supervisor's window over a real office store: the portfolio tab (search, filters, sorting,
paging, the customer's file), the first run, menus, shortcuts, remembered state, languages."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text

from fieldapp.domain.office_portfolio import OfficeOrder
from fieldapp.paths import Profile
from fieldapp.services.changes import Changes
from fieldapp.services.demo import generate
from fieldapp.services.office.app import build
from fieldapp.services.office.database import place_of
from fieldapp.store.engine import Store, open_store
from fieldapp.ui import formats, language
from fieldapp.ui.office.portfolio_model import OfficeCustomerModel
from fieldapp.ui.office.window import OfficeWindow

from test_language_switch import OPEN, PseudoTranslator, problems, pseudo, settle  # noqa: F401

TODAY = date(2026, 11, 22)
CUSTOMERS = 300
LAN = "00000000-0000-0000-0000-0000000000a1"


@pytest.fixture(scope="module")
def office_db(tmp_path_factory):
    """A demo office of 300 customers; the first 40 visited by Lan, the rest by nobody."""
    path = tmp_path_factory.mktemp("office") / "office.db"
    store = open_store(path)
    try:
        generate(store, CUSTOMERS, seed=2026, today=TODAY)
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO collector (id, name, phone, language, active, "
                              "created_at) VALUES (:id, 'Lan', '', 'vi', :on, :at)"),
                         {"id": LAN, "on": True, "at": "2026-11-01T00:00:00+00:00"})
            conn.execute(text("UPDATE customer SET collector_id = :k WHERE id <= 40"), {"k": LAN})
    finally:
        store.close()
    return path


@pytest.fixture
def office_store(office_db):
    store = open_store(office_db)
    yield store
    store.close()


@pytest.fixture
def office_profile(tmp_path):
    return Profile(tmp_path / "office-profile").ensure()


def open_window(qtbot, store, profile) -> OfficeWindow:
    win = OfficeWindow(build(store, TODAY, actor="test"), profile)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.portfolio.model.page_loaded, timeout=5000):
        win.show()
    return win


@pytest.fixture
def win(qtbot, office_store, office_profile):
    window = open_window(qtbot, office_store, office_profile)
    window.tabs.setCurrentWidget(window.portfolio)  # the Inbox opens first; these test the rest
    return window


def loaded(qtbot, view, action) -> None:
    """Do ``action`` and wait for the list's first page after it."""
    with qtbot.waitSignal(view.model.page_loaded, timeout=5000):
        action()


def rows(view):
    return [view.model.record(r) for r in range(view.model.rowCount())]


def test_lists_a_page_then_fetches_more_as_it_scrolls(qtbot, win):
    view = win.portfolio
    assert view.caption.text() == "300 customers"
    assert 0 < view.model.rowCount() < CUSTOMERS  # a page, never the whole table
    while view.model.canFetchMore():
        loaded(qtbot, view, view.model.fetchMore)
    assert view.model.rowCount() == CUSTOMERS
    assert len({r.id for r in rows(view)}) == CUSTOMERS


def test_search_as_you_type_narrows_and_says_where_it_matched(qtbot, win):
    view = win.portfolio
    loaded(qtbot, view, lambda: qtbot.keyClicks(view.search_box, "cong ty"))
    qtbot.waitUntil(lambda: view.model.filter.query == "cong ty", timeout=3000)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=3000)
    found = view.model.matching
    assert 0 < found < CUSTOMERS
    assert view.caption.text() == f"{found} of 300 customers match"
    assert all("Công ty" in r.summary.name or r.reason is not None for r in rows(view))
    assert not view.table.isColumnHidden(OfficeCustomerModel.FOUND_IN)
    loaded(qtbot, view, lambda: view.search_box.setText("zzzz qqqq"))
    assert view.stack.currentWidget() is view.no_match
    assert view.no_match.isVisible()


def test_filter_bar_narrows_and_clears(qtbot, win):
    view, bar = win.portfolio, win.portfolio.filters
    qtbot.waitUntil(lambda: bar.collector.count() == 3, timeout=3000)  # all, none, Lan
    loaded(qtbot, view, lambda: bar.collector.setCurrentIndex(bar.collector.findText("Lan")))
    assert view.model.matching == 40 and {r.collector_name for r in rows(view)} == {"Lan"}
    loaded(qtbot, view, lambda: bar.collector.setCurrentIndex(1))  # No collector
    assert view.model.matching == CUSTOMERS - 40
    assert {r.collector_name for r in rows(view)} == {""}
    loaded(qtbot, view, lambda: bar.disputed.setChecked(True))
    assert rows(view) and all(r.disputed for r in rows(view))
    loaded(qtbot, view, lambda: bar.aging.setCurrentIndex(bar.aging.findData("90+")))
    with_90 = view.model.matching
    loaded(qtbot, view, bar.clear_button.click)
    assert view.model.filter.is_empty() and view.caption.text() == "300 customers"
    assert not bar.clear_button.isEnabled()
    assert with_90 <= view.model.matching


def test_overdue_above_reads_the_typed_amount_and_marks_a_wrong_one(qtbot, win):
    view, bar = win.portfolio, win.portfolio.filters
    loaded(qtbot, view, lambda: bar.above.setText("100,000,000"))
    assert view.model.filter.overdue_above.minor == 100_000_000
    assert rows(view) and all(
        sum(m.minor for m in r.overdue if m.currency == "VND") > 100_000_000 for r in rows(view))
    bar.above.setText("abc")
    assert "#b3261e" in bar.above.styleSheet() and "amount" in bar.above.toolTip()
    assert bar.value().overdue_above is None  # an unreadable amount filters nothing


def test_header_click_sorts_in_the_database(qtbot, win):
    view = win.portfolio
    header = view.table.horizontalHeader()
    loaded(qtbot, view, lambda: header.setSortIndicator(OfficeCustomerModel.LATE,
                                                        Qt.SortOrder.DescendingOrder))
    assert view.model.sorting.order is OfficeOrder.LATE
    days = [r.max_days_late for r in rows(view)]
    assert days == sorted(days, reverse=True) and days[0] > 0
    loaded(qtbot, view, lambda: header.setSortIndicator(OfficeCustomerModel.COLLECTOR,
                                                        Qt.SortOrder.DescendingOrder))
    assert rows(view)[0].collector_name == "Lan"


def test_a_selected_row_shows_its_file_and_collector(qtbot, win):
    view = win.portfolio
    record = next(r for r in rows(view) if r.collector_name == "Lan" and r.overdue)
    row = rows(view).index(record)
    with qtbot.waitSignal(view.pane.file_shown, timeout=5000):
        view.table.selectRow(row)
    assert view.pane.header.name.text() == record.summary.name
    assert view.pane.collector.text() == "Collector: Lan"
    assert view.pane.invoices.model.rowCount() > 0
    file = view.pane.shown.file
    assert view.pane.payments.model.rowCount() == len(file.payments)
    assert view.pane.deliveries.model.rowCount() == len(file.deliveries)
    assert view.pane.contracts.model.rowCount() == len(file.contracts) > 0
    assert view.selected_ids() == [record.id]


def test_an_assignment_published_reloads_list_and_file(qtbot, win):
    view, services = win.portfolio, win.services
    record = next(r for r in rows(view) if not r.collector_name)
    with qtbot.waitSignal(view.pane.file_shown, timeout=5000):
        view.table.selectRow(rows(view).index(record))
    assert view.pane.collector.text() == "Collector: nobody yet"
    done = services.assignments.assign(LAN, customer_ids=[record.id])
    try:
        with qtbot.waitSignal(view.pane.file_shown, timeout=5000):
            win.publish(done.changes)
        qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)
        assert next(r for r in rows(view) if r.id == record.id).collector_name == "Lan"
        assert view.pane.collector.text() == "Collector: Lan"
    finally:
        services.assignments.undo(done.batch_id)


def test_an_empty_office_says_how_to_bring_customers_in(qtbot, tmp_path, office_profile):
    store = open_store(tmp_path / "empty.db")
    try:
        win = open_window(qtbot, store, office_profile)
        view = win.portfolio
        assert view.stack.currentWidget() is view.first_run
        assert "Import" in view.first_run_text.text() and view.import_button.isVisible()
        assert not view.filters.isVisible() and not view.search_box.isVisible()
        asked = []
        win.import_action.triggered.disconnect()
        win.import_action.triggered.connect(lambda: asked.append(True))
        view.import_button.click()
        assert asked == [True]
        win.close()
    finally:
        store.close()


def test_shortcuts_menus_and_status_bar(qtbot, win, office_db):
    assert [a.shortcut().toString() for a in win.tab_actions] == ["Ctrl+1", "Ctrl+2", "Ctrl+3",
                                                                "Ctrl+4", "Ctrl+5", "Ctrl+6",
                                                                "Ctrl+7", "Ctrl+8"]
    assert win.find_action.shortcut().toString() == "Ctrl+F"
    assert win.import_action.shortcut().toString() == "Ctrl+I"
    # The supervisor's day first: what came in, what waits (money to confirm among the queues).
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [
        "Inbox", "Queues", "Dashboard", "Portfolio", "Collectors", "Routes", "Laptops",
        "Conflicts"]
    assert win.receipts in win.queues.findChildren(type(win.receipts))
    win.tab_actions[5].trigger()
    assert win.tabs.currentWidget() is win.routes
    win.tab_actions[1].trigger()
    assert win.tabs.currentWidget() is win.queues
    win.activateWindow()
    win.find_action.trigger()
    assert win.tabs.currentWidget() is win.portfolio
    qtbot.waitUntil(lambda: win.portfolio.search_box.hasFocus(), timeout=2000)
    assert str(office_db) in win.database_label.text()
    assert "Nov 22, 2026" in win.today_label.text()
    win.show_about()
    assert "fieldapp office" in win.about.text()
    win.about.close()


def test_status_bar_never_shows_the_password():
    engine = create_engine("postgresql+psycopg://alice:s3cret@db.example:5433/office")
    place = place_of(Store(engine, None, None))
    assert (place.host, place.port, place.name, place.user) == ("db.example", 5433, "office",
                                                                "alice")
    assert "s3cret" not in repr(place)


def test_geometry_and_tab_are_remembered(qtbot, office_store, office_profile):
    first = open_window(qtbot, office_store, office_profile)
    first.resize(700, 500)  # inside the offscreen 800×600 screen (restore clamps)
    first.tabs.setCurrentIndex(1)
    size = first.size()  # at least the tabs' minimum width
    first.close()
    again = open_window(qtbot, office_store, office_profile)
    assert again.size() == size and size.height() == 500
    assert again.tabs.currentIndex() == 1


def test_language_menu_switches_live_and_is_remembered(qtbot, win, office_profile):
    app = QApplication.instance()
    menu = win.language_menu
    try:
        menu.choices["vi"].trigger()
        assert formats.ui_language() == "vi"
        qtbot.waitUntil(lambda: "2026" in win.today_label.text()
                        and "Nov" not in win.today_label.text(), timeout=2000)
        assert win.preferences.language == "vi"
        assert menu.choices["vi"].isChecked()
    finally:
        language.uninstall(app)
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    from fieldapp.ui.office.preferences import OfficePreferences
    assert OfficePreferences(office_profile.settings_file).language == "vi"


def test_pseudo_translation_leaves_no_english(qtbot, pseudo, win):  # noqa: F811
    """Every text the office window shows comes through translation, on each tab and with a
    customer's file open."""
    win.resize(1400, 900)
    view = win.portfolio
    with qtbot.waitSignal(view.pane.file_shown, timeout=5000):
        view.table.selectRow(0)
    report = []
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        settle(qtbot, win)
        report += problems(win)
    assert not report, "\n".join(report)


def test_pseudo_translation_of_an_empty_office(qtbot, pseudo, tmp_path, office_profile):  # noqa: F811
    store = open_store(tmp_path / "empty.db")
    try:
        win = open_window(qtbot, store, office_profile)
        win.resize(1000, 700)
        settle(qtbot, win)
        assert win.portfolio.first_run.isVisible()
        assert not problems(win), problems(win)
        win.close()
    finally:
        store.close()


def test_open_window_retranslates_at_once(qtbot, win):
    app = QApplication.instance()
    translator = PseudoTranslator(app)
    app.installTranslator(translator)
    try:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        qtbot.waitUntil(lambda: win.file_menu.title().startswith(OPEN), timeout=2000)
        assert win.portfolio.caption.text().startswith(OPEN)
        assert win.portfolio.filters.clear_button.text().startswith(OPEN)
        settle(qtbot, win)
        assert not problems(win)
    finally:
        app.removeTranslator(translator)
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


def test_assign_the_picked_rows(qtbot, win):
    view = win.portfolio
    assert not view.assign.picked_button.isEnabled()
    picked = [r for r in rows(view) if not r.collector_name][:2]
    view.table.selectRow(rows(view).index(picked[0]))
    view.table.selectionModel().select(
        view.model.index(rows(view).index(picked[1]), 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows)
    assert view.assign.picked_button.isEnabled()
    view.assign.picked_button.click()
    dialog = view.assign.dialog
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=5000)
    assert dialog.count == 2 and "2" in dialog.question.text()
    dialog.collector.setCurrentIndex(dialog.collector.findData(LAN))
    with qtbot.waitSignal(view.model.page_loaded, timeout=5000):
        dialog.ok.click()
    try:
        qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)
        moved = {r.id: r.collector_name for r in rows(view) if r.id in {p.id for p in picked}}
        assert moved == {picked[0].id: "Lan", picked[1].id: "Lan"}
    finally:
        win.services.assignments.undo(dialog.result_.batch_id)


def test_assign_all_matching_the_filter(qtbot, win):
    view, bar = win.portfolio, win.portfolio.filters
    assert not view.assign.matching_button.isEnabled()  # the whole office: narrow it first
    qtbot.waitUntil(lambda: bar.collector.count() == 3, timeout=3000)
    loaded(qtbot, view, lambda: bar.collector.setCurrentIndex(1))  # No collector
    loaded(qtbot, view, lambda: view.search_box.setText("minh"))
    matching = view.model.matching
    assert view.assign.matching_button.isEnabled()
    assert view.assign.matching_button.text() == f"Assign all {matching} matching…"
    view.assign.matching_button.click()
    dialog = view.assign.dialog
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=5000)
    assert dialog.count == matching
    dialog.collector.setCurrentIndex(dialog.collector.findData(LAN))
    with qtbot.waitSignal(view.model.page_loaded, timeout=5000):
        dialog.ok.click()
    try:
        qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)
        assert view.model.matching == 0  # nobody left without a collector among them
        assert view.stack.currentWidget() is view.no_match
    finally:
        win.services.assignments.undo(dialog.result_.batch_id)


def test_start_language_is_the_profiles_choice_else_the_system(office_store, office_profile):
    from fieldapp.ui.office.app import ui_language
    from fieldapp.ui.office.preferences import OfficePreferences

    services = build(office_store, TODAY)
    assert ui_language(services, office_profile) is None  # nothing chosen: the system's
    OfficePreferences(office_profile.settings_file).language = "zh_TW"
    assert ui_language(services, office_profile) == "zh_TW"
    OfficePreferences(office_profile.settings_file).language = "xx"  # not ours: ignored
    assert ui_language(services, office_profile) is None


def test_the_window_over_postgresql(qtbot, pg_url, office_profile):
    from fieldapp.store.engine import open_url

    store = open_url(pg_url)
    try:
        generate(store, 40, seed=2026, today=TODAY)
        win = open_window(qtbot, store, office_profile)
        view = win.portfolio
        assert view.caption.text() == "40 customers"
        loaded(qtbot, view, lambda: view.search_box.setText("cong ty"))
        assert 0 < view.model.matching < 40
        loaded(qtbot, view, lambda: view.filters.aging.setCurrentIndex(
            view.filters.aging.findData("90+")))
        assert view.model.matching == len(rows(view))
        place = win.database_label.text()
        assert "127.0.0.1" in place and "postgres" in place
        win.close()
    finally:
        store.close()


def test_enter_opens_the_first_match_and_escape_empties_the_box(qtbot, win):
    view = win.portfolio
    win.activateWindow()
    view.focus_search()
    qtbot.waitUntil(view.search_box.hasFocus, timeout=2000)
    loaded(qtbot, view, lambda: qtbot.keyClicks(view.search_box, "minh"))
    qtbot.waitUntil(lambda: view.model.filter.query == "minh" and not view.model.loading,
                    timeout=3000)
    first = view.model.record(0)
    with qtbot.waitSignal(view.pane.file_shown, timeout=5000):
        qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert view.pane.shown.file.customer.id == first.id
    view.focus_search()
    qtbot.waitUntil(view.search_box.hasFocus, timeout=2000)
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    assert view.search_box.text() == ""
