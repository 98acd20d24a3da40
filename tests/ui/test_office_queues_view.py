"""The office's Queues tab over a real office store: the queues with their counts and oldest
item, a queue's items oldest first, sorted and filtered by collector, the empty state, keys,
assigning and resolving a dispute (the root cause required), and the link to the Inbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from fieldapp.domain import queues as q
from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.services.office.queues import Queues
from fieldapp.services.settings import Settings
from fieldapp.store.engine import open_store
from fieldapp.ui.office.window import OfficeWindow
from tests.conftest import VN, Clock, PortfolioBuilder, set_zone
from tests.queue_data import dispute, record, refusal, team

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=VN)


@pytest.fixture
def win(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    set_zone(store)
    builder = PortfolioBuilder(store)
    an, bm = (builder.customer(n) for n in ("An Phát", "Bình Minh"))
    builder.invoice(an, "HD-1", date(2026, 10, 1), 5_000_000)
    builder.save()
    team(store)
    old, new = NOW - timedelta(hours=30), NOW - timedelta(hours=2)
    ids = {"old": record(store, an, old, [dispute(old, (1,))], collector="Minh",
                         numbers={1: "HD-1"})[1][0],
           "new": record(store, bm, new, [dispute(new)])[1][0],
           "legal": record(store, bm, NOW - timedelta(days=1), [refusal()])[0]}
    clock = Clock(NOW)
    services = build(store, NOW.date(), actor="thu.tran")
    services = replace(services, now=clock,
                       queues=Queues(store, clock, "thu.tran", Settings(store)))
    window = OfficeWindow(services, Profile(tmp_path / "office-profile").ensure())
    qtbot.addWidget(window)
    window.tab_actions[1].trigger()
    window.show()
    view = window.queues
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    window.ids, window.store = ids, store
    yield window
    window.close()
    store.close()


def shown(view) -> list[str]:
    return [view.model.items[view.proxy.mapToSource(view.proxy.index(r, 0)).row()].key
            for r in range(view.proxy.rowCount())]


def test_the_queues_list_counts_and_the_oldest_item_first(qtbot, win):
    view = win.queues
    assert win.tabs.currentWidget() is view
    assert view.queue_list.count() == len(q.QUEUES)
    assert view.queue_list.item(0).text() == "Disputes (2, oldest 1 d 6 h)"
    assert view.queue_list.item(q.QUEUES.index(q.ISSUES)).text() == "Records with issues (none)"
    assert shown(view) == [win.ids["old"], win.ids["new"]]
    model = view.model
    assert model.data(model.index(0, 5)) == "Overdue by 6 h"
    assert model.data(model.index(1, 5)) == "22 h left"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Deadline"  # not a payment's due day
    widest = max(view.fontMetrics().horizontalAdvance(view.queue_list.item(r).text())
                 for r in range(view.queue_list.count()))
    assert view.queue_list.width() >= widest
    view.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # most hours left first
    assert shown(view) == [win.ids["new"], win.ids["old"]]
    minh = view.collector.findText("Minh")
    view.collector.setCurrentIndex(minh)
    assert shown(view) == [win.ids["old"]]
    view.collector.setCurrentIndex(0)
    view.queue_list.setFocus()
    qtbot.keyClick(view.queue_list, Qt.Key.Key_End)  # keys walk the queues
    assert view.current_queue() == q.ISSUES
    assert view.empty_label.isVisible() and not view.table.isVisible()
    assert "No record is marked as having issues" in view.empty_label.text()
    qtbot.keyClick(view.queue_list, Qt.Key.Key_Up)
    assert view.current_queue() == q.LEGAL and view.model.rowCount() == 1
    assert view.model.headerData(3, Qt.Orientation.Horizontal) == "Due"
    assert view.detail.hand_over_button.isVisible()
    assert "Legal route recommended" in view.detail.text.text()


def test_assign_and_resolve_a_dispute_from_the_tab(qtbot, win):
    view, detail = win.queues, win.queues.detail
    assert view.selected().key == win.ids["old"]
    assert not detail.resolve_button.isEnabled()  # no root cause yet
    qtbot.keyClicks(detail.resolver, "Tran Thu")  # QTest types Latin-1 only
    qtbot.keyClick(detail.resolver, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.items and view.model.items[0].resolver == "Tran Thu")
    assert "Tran Thu" in detail.text.text() and view.selected().key == win.ids["old"]
    detail.root_cause.setText("Kho giao nhầm lô hàng")
    detail.resolve_button.click()
    qtbot.waitUntil(lambda: shown(view) == [win.ids["new"]])
    assert view.queue_list.item(0).text().startswith("Disputes (1,")
    with win.store.engine.connect() as conn:
        cause = conn.execute(text("SELECT root_cause FROM dispute_resolution")).scalar()
        disputed = conn.execute(text("SELECT disputed FROM invoice WHERE number = 'HD-1'"))
        assert cause == "Kho giao nhầm lô hàng" and not disputed.scalar()


def test_a_refused_resolution_is_said_and_an_item_opens_its_record_in_the_inbox(qtbot, win):
    view, detail = win.queues, win.queues.detail
    other = Queues(win.store, Clock(NOW), "other", Settings(win.store))
    other.resolve(win.ids["old"], "đã xử lý")  # another supervisor, meanwhile
    qtbot.keyClicks(detail.root_cause, "Gia sai")
    detail.resolve_button.click()
    qtbot.waitUntil(lambda: shown(view) == [win.ids["new"]])  # reloaded: it is gone
    assert detail.problem.isVisible() and "already resolved" in detail.problem.text()
    detail.open_button.click()
    assert win.tabs.currentWidget() is win.inbox
    qtbot.waitUntil(lambda: win.inbox.selected() is not None
                    and win.inbox.selected().visit_uuid == view.selected().visit_uuid)


def test_a_queue_with_a_page_of_its_own_shows_it_in_place_of_the_table(qtbot, win):
    view = win.queues
    page = QLabel("a queue's own page")
    view.add_page(q.NOTES, page)
    view.queue_list.setCurrentRow(q.QUEUES.index(q.NOTES))
    assert view.pages.currentWidget() is page
    view.queue_list.setCurrentRow(0)
    assert view.pages.currentWidget() is not page and view.table.isVisible()
