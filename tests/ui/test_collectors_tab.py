"""The office window's collectors tab, the assign dialog with its count and Undo, the history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldapp.domain.office_filters import CustomerFilter
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.office.assign_dialog import AssignDialog
from fieldapp.ui.office.collector_models import CollectorsModel
from fieldapp.ui.office.undo_bar import UndoBar
from fieldapp.ui.office.window import OfficeWindow

from conftest import settle
from tests.conftest import PortfolioBuilder, set_zone
from tests.unit.test_office_collectors import A, B, enroll_rows

TODAY = date(2026, 11, 22)


@pytest.fixture
def office_store(tmp_path):
    opened = open_store(tmp_path / "office.db")
    set_zone(opened)
    yield opened
    opened.close()


@pytest.fixture
def office(office_store):
    """30 customers (20 in Quận 1, 10 in Quận 3; every third owes 12 M past due), two
    collectors, Khoa with the first five."""
    builder = PortfolioBuilder(office_store)
    for n in range(1, 31):
        cid = builder.customer(f"Cửa hàng Số {n:02d}", code=f"K{n:03d}",
                               district="Quận 1" if n <= 20 else "Quận 3")
        if n % 3 == 0:
            builder.invoice(cid, f"HD-{n}", TODAY - timedelta(days=40), 12_000_000)
    builder.save()
    services = build(builder.store, TODAY, actor="lan")
    services.collectors.add("Trần Minh Khoa", phone="0903 111 222")
    services.collectors.add("Lê Thu Hà", language="zh_TW")
    services.assignments.assign("Trần Minh Khoa", customer_ids=range(1, 6))
    return services


@pytest.fixture
def window(qtbot, office):
    win = OfficeWindow(office, None)
    qtbot.addWidget(win)
    win.show()
    settle(qtbot, win.taskman)
    yield win
    win.close()


def names(model):
    return [model.record(r).collector.name for r in range(model.rowCount())]


def test_collectors_show_their_customers_and_overdue(qtbot, window):
    view = window.collectors
    assert names(view.model) == ["Lê Thu Hà", "Trần Minh Khoa"]
    row = view.model.row_of(window.services.collectors.get("Trần Minh Khoa").id)
    view.table.selectRow(row)
    settle(qtbot, window.taskman)
    load = view.current()
    assert (load.customers, [m.minor for m in load.overdue]) == (5, [12_000_000])
    assert [view.customers.record(r).code for r in range(view.customers.rowCount())] == [
        "K001", "K002", "K003", "K004", "K005"]
    assert "5" in view.caption.text() and "Trần Minh Khoa" in view.caption.text()


def test_the_laptops_column_counts_enrolled_laptops_with_ids_and_days_in_its_tooltip(
        qtbot, office):
    enroll_rows(office.store, office.collectors.get("Trần Minh Khoa").id)
    win = OfficeWindow(office, None)
    qtbot.addWidget(win)
    settle(qtbot, win.taskman)
    model = win.collectors.model
    assert model.headerData(CollectorsModel.LAPTOPS, Qt.Orientation.Horizontal) == "Laptops"
    khoa = model.index(model.row_of(office.collectors.get("Trần Minh Khoa").id),
                       CollectorsModel.LAPTOPS)
    ha = model.index(model.row_of(office.collectors.get("Lê Thu Hà").id), CollectorsModel.LAPTOPS)
    assert (khoa.data(), ha.data()) == ("1", "0")
    tip = khoa.data(Qt.ItemDataRole.ToolTipRole).splitlines()
    assert len(tip) == 2
    assert tip[0].startswith(B[:8]) and tip[0].endswith("revoked") and "2026" in tip[0]
    assert tip[1].startswith(A[:8]) and "revoked" not in tip[1]
    assert ha.data(Qt.ItemDataRole.ToolTipRole) == "No laptop enrolled"
    win.close()


def test_add_and_change_a_collector_in_the_dialog(qtbot, window):
    view = window.collectors
    dialog = view.add_collector()
    dialog.name.setText("Trần Minh Khoa")  # taken: said in the dialog, which stays open
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "Trần Minh Khoa" in dialog.problem.text() and dialog.isVisible()
    dialog.name.setText("Phạm Văn Bình")
    dialog.phone.setText("0912 000 111")
    with qtbot.waitSignal(dialog.finished):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: "Phạm Văn Bình" in names(view.model))
    view.table.selectRow(view.model.row_of(dialog.saved.id))
    edit = view.edit_collector()
    assert edit.name.text() == "Phạm Văn Bình" and edit.active.isChecked()
    edit.active.setChecked(False)
    with qtbot.waitSignal(edit.finished):
        edit.save_button.click()
    qtbot.waitUntil(lambda: not window.services.collectors.get("Phạm Văn Bình").active)
    settle(qtbot, window.taskman)
    assert view.current().collector.name == "Phạm Văn Bình"
    assert view.buttons["toggle"].text() == view.tr("Activate")
    assert not view.buttons["assign"].isEnabled()  # no customers go to an inactive collector


def test_assign_by_filter_asks_with_the_count_then_offers_undo(qtbot, window):
    services = window.services
    dialog = AssignDialog(window, CustomerFilter(district="Quận 1", no_collector=True),
                          services.collectors.get("Lê Thu Hà").id)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    assert dialog.count == 15
    assert "15" in dialog.question.text() and "Lê Thu Hà" in dialog.question.text()
    assert dialog.preview.count() == 8 and dialog.preview.item(0).text().startswith("K006")
    assert dialog.rest.isVisible() and "7" in dialog.rest.text()
    with qtbot.waitSignal(window.changed) as published:
        dialog.ok.click()
    assert published.args[0].collectors and len(published.args[0].customers) == 15
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.assignments.count(CustomerFilter(district="Quận 1", no_collector=True)) == 0
    bar = window.findChild(UndoBar, "assignUndoBar")
    assert bar.isVisible() and "15" in bar.label.text() and bar.undo_button.isVisible()
    with qtbot.waitSignal(window.changed):
        bar.undo_button.click()
    assert services.assignments.count(CustomerFilter(district="Quận 1", no_collector=True)) == 15
    assert not bar.undo_button.isVisible()


def test_the_count_is_checked_again_when_confirming(qtbot, window):
    services = window.services
    dialog = AssignDialog(window, CustomerFilter(no_collector=True))
    dialog.open()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    assert dialog.count == 25
    services.assignments.assign("Lê Thu Hà", customer_ids=[30])  # another supervisor, meanwhile
    shown = []
    window.show_error = shown.append
    dialog.ok.click()
    qtbot.waitUntil(lambda: bool(shown) and dialog.ok.isEnabled())
    assert shown[0].code == "assign.count_changed" and dialog.count == 24
    assert dialog.isVisible()  # asked again with the new count
    assert "24" in dialog.question.text()


def test_moving_selected_customers_updates_both_collectors(qtbot, window):
    view = window.collectors
    khoa = window.services.collectors.get("Trần Minh Khoa")
    view.table.selectRow(view.model.row_of(khoa.id))
    settle(qtbot, window.taskman)
    view.customer_table.selectRow(0)
    dialog = view.move_selected()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    dialog.collector.setCurrentIndex(dialog.collector.findText("Lê Thu Hà"))
    assert "1" in dialog.question.text() and "Lê Thu Hà" in dialog.question.text()
    dialog.ok.click()
    qtbot.waitUntil(lambda: view.current() is not None and view.current().customers == 4)
    settle(qtbot, window.taskman)
    assert view.customers.rowCount() == 4
    ha = view.model.record(view.model.row_of(window.services.collectors.get("Lê Thu Hà").id))
    assert ha.customers == 1


def test_history_lists_batches_and_undoes_the_selected_one(qtbot, window):
    services = window.services
    services.assignments.assign("Lê Thu Hà", wanted=CustomerFilter(district="Quận 3"))
    dialog = window.collectors.show_history()
    qtbot.waitUntil(lambda: dialog.batches.rowCount() == 2 and dialog.changes.rowCount() == 10)
    newest = dialog.batches.record(0)
    assert (newest.customers, newest.to_names, newest.actor) == (10, ("Lê Thu Hà",), "lan")
    with qtbot.waitSignal(window.changed):
        dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.batches.rowCount() == 3)
    assert services.assignments.count(CustomerFilter(district="Quận 3", no_collector=True)) == 10
    settle(qtbot, window.taskman)
    dialog.batch_table.selectRow(1)  # the undone batch: no second undo
    assert dialog.batches.record(1).undone_by and not dialog.undo_button.isEnabled()


def test_one_customers_history_and_undo_there(qtbot, window):
    from fieldapp.ui.office.assignment_history import AssignmentHistoryDialog

    services = window.services
    services.assignments.assign("Lê Thu Hà", customer_ids=[2])
    dialog = AssignmentHistoryDialog(window, customer_id=2)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.changes.rowCount() == 2)
    assert not dialog.batch_table.isVisible()
    assert [(c.from_name, c.to_name) for c in dialog.changes.records()] == [
        ("Trần Minh Khoa", "Lê Thu Hà"), ("", "Trần Minh Khoa")]
    dialog.change_table.selectRow(0)
    with qtbot.waitSignal(window.changed):
        dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.changes.rowCount() == 3)
    assert services.assignments.customers(CustomerFilter(query="Số 02"), 1)[0].collector_name \
        == "Trần Minh Khoa"


def test_every_text_of_the_tab_and_dialogs_goes_through_translation(qtbot, window, qapp):
    from test_language_switch import PseudoTranslator, problems

    from fieldapp.ui.office.undo_bar import offer_undo

    view = window.collectors
    window.tabs.setCurrentWidget(view)
    view.table.selectRow(view.model.row_of(window.services.collectors.get("Trần Minh Khoa").id))
    settle(qtbot, window.taskman)
    view.customer_table.selectRow(0)
    offer_undo(window, window.services.assignments.assign("Lê Thu Hà", customer_ids=[30]),
               "Lê Thu Hà")
    dialogs = [view.edit_collector(), view.assign_unassigned(), view.show_history()]
    qtbot.waitUntil(lambda: dialogs[1].ok.isEnabled() and dialogs[2].batches.rowCount() > 0)
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: "［" in view.buttons["add"].text())
        settle(qtbot, window.taskman)
        found = [p for w in (window, *dialogs) for p in problems(w)]
        assert found == []
        assert "［" in dialogs[1].question.text() and "［" in dialogs[0].windowTitle()
    finally:
        qapp.removeTranslator(translator)
