"""The office's Inbox tab over a real office store: records oldest first with counts per state,
filters down to the empty state, sorting and keys, the record's PDF with its verification
against the company CA, approve, reject only with a reason, comments, and bulk approval that
shows "all N matching" before anything changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.office.window import OfficeWindow
from tests.conftest import PortfolioBuilder, set_zone
from tests.review_data import fill
from tests.review_docs import LaptopKeys, company, signed_record, store_document

TODAY = date(2026, 11, 27)


@pytest.fixture
def win(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    set_zone(store)
    builder = PortfolioBuilder(store)
    customers = [builder.customer(n) for n in ("An Phát", "Bình Minh", "Cửu Long")]
    builder.save()
    ids = fill(store, customers)
    profile = Profile(tmp_path / "office-profile").ensure()
    pdf = signed_record(LaptopKeys(company(profile.home)))
    for visit in ids["visits"]["lan"] + ids["visits"]["minh"]:
        store_document(store, visit, customers[0], pdf)
    window = OfficeWindow(build(store, TODAY, actor="thu.tran"), profile)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.inbox)
    window.show()
    view = window.inbox
    qtbot.waitUntil(lambda: view.model.rowCount() == 6)
    window.ids = ids
    yield window
    window.close()
    store.close()


def shown(view) -> list[str]:
    """The list's rows as displayed (after sorting), by visit id."""
    return [view.model.items[view.proxy.mapToSource(view.proxy.index(r, 0)).row()].visit_uuid
            for r in range(view.proxy.rowCount())]


def test_the_inbox_lists_records_oldest_first_and_filters_to_an_empty_state(qtbot, win):
    view = win.inbox
    assert win.tabs.tabText(win.tabs.indexOf(view)) == "Inbox"
    starts = [i.started_at for i in view.model.items]
    assert starts == sorted(starts)
    assert "6 matching" in view.counts_label.text() and "Received: 6" in view.counts_label.text()
    lan = view.filters.collector.findText("Lan")
    view.filters.collector.setCurrentIndex(lan)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert {i.collector for i in view.model.items} == {"Lan"}
    view.filters.state.setCurrentIndex(view.filters.state.findData("rejected"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert view.empty_label.isVisible() and not view.table.isVisible()
    assert not view.bulk_button.isEnabled()
    view.filters.state.setCurrentIndex(0)
    view.filters.collector.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.model.rowCount() == 6 and view.table.isVisible())
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by collector
    assert [view.model.items[view.proxy.mapToSource(view.proxy.index(r, 0)).row()].collector
            for r in range(6)] == ["Minh"] * 3 + ["Lan"] * 3


def test_the_record_pane_shows_its_pdf_verified_and_keys_move_through_the_list(qtbot, win):
    view = win.inbox
    qtbot.waitUntil(lambda: view.detail.history is not None and view.detail.checked is not None)
    first = shown(view)[0]
    assert view.detail.history.item.visit_uuid == first
    assert view.detail.document.pageCount() >= 1 and view.detail.view.isVisible()
    text = view.detail.verification.text()
    assert "chains to the company CA" in text and "QR code matches" in text
    assert "✘" not in text
    # The signer is named by its values alone: attribute labels would be English in any window.
    signer = view.detail.checked.report.signer_name
    assert signer and signer in text and "Common Name" not in text
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    second = shown(view)[1]
    qtbot.waitUntil(lambda: view.detail.history is not None
                    and view.detail.history.item.visit_uuid == second)


def test_approve_reject_with_a_reason_and_comment(qtbot, win):
    view, detail = win.inbox, win.inbox.detail
    qtbot.waitUntil(lambda: detail.history is not None)
    target = detail.history.item.visit_uuid
    detail.approve_button.click()
    qtbot.waitUntil(lambda: detail.history.item.state == "approved")
    assert "Approved, by thu.tran" in detail.state_label.text()
    detail.reject_button.click()
    first_dialog = view.reason_dialog
    assert first_dialog is not None and first_dialog.isVisible()
    first_dialog.setTextValue("   ")
    first_dialog.accept()  # blank: asked again, nothing changed
    assert view.reason_dialog is not first_dialog and view.reason_dialog.isVisible()
    assert "required" in view.reason_dialog.labelText()
    view.reason_dialog.setTextValue("Chữ ký của khách không rõ")
    view.reason_dialog.accept()
    qtbot.waitUntil(lambda: detail.history.item.state == "rejected")
    assert detail.history.item.reason == "Chữ ký của khách không rõ"
    assert detail.history.item.visit_uuid == target
    assert not detail.comment_button.isEnabled()
    detail.comment_box.insertPlainText("Gọi lại cho kế toán")  # as typed (an IME)
    detail.comment_button.click()
    qtbot.waitUntil(lambda: any("Gọi lại cho kế toán" in detail.events.item(r).text()
                                for r in range(detail.events.count())))
    assert detail.comment_box.toPlainText() == ""
    row = next(i for i in view.model.items if i.visit_uuid == target)
    assert row.comments == 1 and row.state == "rejected"


def test_bulk_approve_says_all_n_matching_before_confirming(qtbot, win):
    view = win.inbox
    view.filters.collector.setCurrentIndex(view.filters.collector.findText("Minh"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.bulk_button.click()
    qtbot.waitUntil(lambda: view.bulk_question is not None and view.bulk_question.isVisible())
    assert "Approve all 3 matching records?" in view.bulk_question.text()
    assert all(i.state == "received" for i in view.model.items)  # nothing yet
    view.bulk_question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3
                    and all(i.state == "approved" for i in view.model.items))
    view.filters.collector.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.model.rowCount() == 6)
    assert sorted(i.state for i in view.model.items) == ["approved"] * 3 + ["received"] * 3
