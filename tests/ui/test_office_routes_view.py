"""The routes tab of the office window, as a supervisor uses it: suggest, reorder by keyboard and
by drag and drop, edit, add, remove, save, confirm before leaving unsaved stops, print."""

from datetime import date, time

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.office.route_stops_model import RouteStopsModel
from fieldapp.ui.office.window import OfficeWindow
from tests.conftest import set_zone
from tests.unit.test_office_routes import DAY, office  # noqa: F401 (fixture)


@pytest.fixture
def store(tmp_path):
    """A fresh office database (the window tests' own store is the laptop's demo)."""
    s = open_store(tmp_path / "office.db")
    set_zone(s)
    yield s
    s.close()


@pytest.fixture
def tab(qtbot, office):  # noqa: F811
    _routes, c, store = office
    window = OfficeWindow(build(store, today=DAY, actor="test"), None)
    qtbot.addWidget(window)
    view = window.routes
    qtbot.waitUntil(lambda: view.collector_box.count() == 2)
    with qtbot.waitSignal(view.loaded):
        view.collector_box.setCurrentIndex(view.collector_box.findData("a"))
    yield window, view, c
    window.close()


def names(view, c):
    order = {v: k for k, v in c.items()}
    return [order[cid] for cid in view.model.customer_ids()]


def column(view, col):
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def answer_next_question(button, tries=500):
    """Click ``button`` on the question box the next action opens (looking for it for up to
    five seconds, so that a box that never comes leaves nothing behind for the next test)."""
    def click(left):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        elif left:
            QTimer.singleShot(10, lambda: click(left - 1))
    QTimer.singleShot(0, lambda: click(tries))


def test_suggest_reorder_edit_and_save(qtbot, tab):
    window, view, c = tab
    assert view.model.rowCount() == 0 and not view.save_button.isEnabled()
    with qtbot.waitSignal(view.suggested):
        qtbot.mouseClick(view.suggest_button, Qt.MouseButton.LeftButton)
    assert names(view, c) == ["promise", "revisit", "dispute", "old", "recent", "kept", "later"]
    assert column(view, RouteStopsModel.WHY)[:4] == [
        "Promise due, not kept", "Revisit due", "Dispute waiting", "Overdue"]
    assert column(view, RouteStopsModel.TIME)[:3] == ["08:30", "09:15", "10:00"]
    assert view.dirty and view.save_button.isEnabled()
    # Alt+Up: "old" one stop earlier; the times follow the new order
    view.table.select_row(3)
    qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(view, c)[:4] == ["promise", "revisit", "old", "dispute"]
    assert view.table.current_row() == 2
    assert column(view, RouteStopsModel.TIME)[:4] == ["08:30", "09:15", "10:00", "10:45"]
    # a drag of the first stop dropped between the third and the fourth
    model = view.model
    mime = model.mimeData([model.index(0, RouteStopsModel.CUSTOMER)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names(view, c)[:4] == ["revisit", "old", "promise", "dispute"]
    # Delete takes the selected stop off
    view.table.select_row(6)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "later" not in names(view, c)
    # a time and an objective typed in the table; a time that is no time is refused
    assert model.setData(model.index(0, RouteStopsModel.TIME), "07:45")
    assert not model.setData(model.index(1, RouteStopsModel.TIME), "25:00")
    assert model.setData(model.index(0, RouteStopsModel.PURPOSE), "Gặp giám đốc 陳")
    # a customer added from the search box
    with qtbot.waitSignal(view.found):
        qtbot.keyClicks(view.picker.query, "khong no")
    assert view.picker.results.count() == 1
    qtbot.keyClick(view.picker.query, Qt.Key.Key_Return)
    assert names(view, c)[-1] == "quiet"
    with qtbot.waitSignal(window.changed) as published, qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert published.args[0].route and published.args[0].source is view
    saved = window.services.routes.day("a", DAY)
    assert [s.customer.id for s in saved] == model.customer_ids()
    assert (saved[0].planned_time, saved[0].purpose) == (time(7, 45), "Gặp giám đốc 陳")
    assert not view.dirty and not view.save_button.isEnabled()


def test_unsaved_stops_are_not_lost_by_switching(qtbot, tab):
    window, view, c = tab
    with qtbot.waitSignal(view.suggested):
        view.suggest()
    answer_next_question(QMessageBox.StandardButton.Cancel)
    view.collector_box.setCurrentIndex(view.collector_box.findData("b"))
    assert view.collector_box.currentData() == "a" and view.dirty
    assert view.model.rowCount() == 7
    answer_next_question(QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(view.loaded):
        view.day_edit.setDate(date(2026, 11, 27))
    assert view.model.rowCount() == 0 and not view.dirty
    assert len(window.services.routes.day("a", DAY)) == 7   # saved on the way out
    with qtbot.waitSignal(view.suggested):
        view.add(window.services.routes.customers("a", "", DAY)[0])
        view.suggest()
    answer_next_question(QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(view.loaded):
        view.collector_box.setCurrentIndex(view.collector_box.findData("b"))
    assert names(view, c) == [] and not view.dirty
    assert window.services.routes.day("a", date(2026, 11, 27)) == []


def test_print_previews_the_saved_sheet(qtbot, tab):
    window, view, c = tab
    with qtbot.waitSignal(view.suggested):
        view.suggest()
    with qtbot.waitSignal(view.previewed, timeout=20_000):
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)  # saves first
    assert not view.dirty and len(window.services.routes.day("a", DAY)) == 7
    preview = view.preview
    assert preview.isVisible() and preview.document.pageCount() >= 1
    assert preview.file_name == "route-2026-11-26-Trần-Minh-Khoa.pdf"
    preview.close()


def test_every_text_of_the_tab_comes_through_translation(qtbot, tab, qapp):
    from test_language_switch import PseudoTranslator, problems, settle

    window, view, c = tab
    window.show()
    window.tabs.setCurrentWidget(view)
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    try:
        with qtbot.waitSignal(view.suggested):
            view.suggest()
        with qtbot.waitSignal(view.found):
            view.search("cong ty")
        settle(qtbot, window)
        assert problems(window) == []
        header = view.model.headerData(RouteStopsModel.WHY, Qt.Orientation.Horizontal)
        why = view.model.index(0, RouteStopsModel.WHY).data()
        assert header.startswith("［") and why.startswith("［")
    finally:
        qapp.removeTranslator(translator)
