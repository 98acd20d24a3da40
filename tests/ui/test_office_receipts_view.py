""""Money to confirm" over a real office store, hosted by a bare widget that offers only
services, taskman, changed and publish (the view needs nothing else of a window): receipts
oldest first with their age, confirm, "all N" before confirming all, void only with a
reason, a match shown; and the export dialog writing a real file with progress."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.office.export_dialog import ExportDialog
from fieldapp.ui.office.receipts_view import ReceiptsView
from fieldapp.ui.taskman import TaskManager
from tests.conftest import PortfolioBuilder, set_zone
from tests.receipt_data import credit, take, team

TODAY = date(2026, 11, 27)


class Host(QWidget):
    changed = Signal(object)

    def __init__(self, services):
        super().__init__()
        self.services, self.taskman = services, TaskManager(self)
        self.published = []

    def publish(self, changes) -> None:
        self.published.append(changes)
        self.changed.emit(changes)


@pytest.fixture
def host(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    set_zone(store)
    b = PortfolioBuilder(store)
    cid = b.customer("Công ty Ánh Dương", code="C1")
    b.save()
    team(store, [cid])
    host = Host(build(store, TODAY, "Chị Hoa"))
    host.numbers = [take(store, cid, date(2026, 11, d), minor)[0]
                    for d, minor in ((18, 300_000), (20, 100_000), (19, 200_000))]
    credit(store, cid, "PT-5", date(2026, 11, 21), 100_000)
    host.services.receipts.match()
    qtbot.addWidget(host)
    yield host
    host.taskman.shutdown()
    store.close()


def rows(view) -> list[list[str]]:
    return [[view.table.item(r, c).text() for c in range(view.table.columnCount())]
            for r in range(view.table.rowCount())]


def test_pending_oldest_first_confirm_all_n_and_void_with_a_reason(qtbot, host):
    first, matched, second = host.numbers
    view = ReceiptsView(host)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    shown = rows(view)
    assert [r[5] for r in shown] == [first, second]  # 18 Nov before 19 Nov
    assert shown[0][1].startswith("9 day") and shown[0][2] == "Nguyễn Thị Lan"
    assert "Công ty Ánh Dương" in shown[0][3] and "300" in shown[0][4]
    assert view.count_label.text().startswith("2 receipt")
    assert not view.void_button.isEnabled() and not view.confirm_button.isEnabled()

    # Void: the reason is required before OK can be pressed.
    view.table.selectRow(1)
    assert view.void_button.isEnabled()
    view.void_button.click()
    dialog = view.void_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert second in dialog.question.text() and not ok.isEnabled()
    dialog.reason_edit.setPlainText("   ")
    assert not ok.isEnabled()
    dialog.reason_edit.setPlainText("Séc bị trả lại")
    ok.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert host.services.receipts.get(second).reason == "Séc bị trả lại"
    assert host.published and host.published[-1].payments

    # "All N": the question names the count; No changes nothing, Yes confirms them.
    view.confirm_all_button.click()
    assert "all 1 pending receipt" in view.ask.text()
    view.ask.button(QMessageBox.StandardButton.No).click()
    assert host.services.receipts.get(first).state == "pending"
    view.confirm_all_button.click()
    view.ask.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    assert host.services.receipts.get(first).state == "confirmed"
    assert "No money" in view.count_label.text()

    # The matched one shows what it matched.
    view.state.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert rows(view)[0][5] == matched and "PT-5" in rows(view)[0][7]
    view.table.selectRow(0)
    assert "PT-5" in view.detail.text() and not view.void_button.isEnabled()


def test_confirm_selected_and_a_refusal_is_said(qtbot, host):
    first, _matched, second = host.numbers
    view = ReceiptsView(host)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    view.table.selectAll()
    assert view.confirm_button.isEnabled() and not view.void_button.isEnabled()
    host.services.receipts.confirm([second])  # another supervisor, meanwhile
    view.confirm_button.click()
    qtbot.waitUntil(lambda: not view.problem.isHidden())
    assert second in view.problem.text() and "already confirmed" in view.problem.text()
    assert host.services.receipts.get(first).state == "pending"  # all or nothing
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    view.table.selectRow(0)
    view.confirm_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)


def test_the_export_dialog_writes_the_file_and_says_so(qtbot, host, tmp_path):
    first = host.numbers[0]
    host.services.receipts.confirm([first])
    dialog = ExportDialog(host)
    qtbot.addWidget(dialog)
    dialog.first.setDate(date(2026, 11, 1))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no file yet
    dialog.file.setText(str(tmp_path / "ke-toan.csv"))
    for kind in ("promises", "installments"):
        dialog.kinds[kind].setChecked(False)
    ok.click()
    qtbot.waitUntil(lambda: dialog.done is not None, timeout=10_000)
    assert dialog.result.text().startswith("1 row")
    data = (tmp_path / "ke-toan_payments.csv").read_text("utf-8-sig")
    assert [r["receipt_no"] for r in csv.DictReader(io.StringIO(data))] == [first]
    assert not (tmp_path / "ke-toan_promises.csv").exists()
    # Again, with a date that cannot be: said in the dialog, nothing written.
    dialog.first.setDate(date(2026, 12, 1))
    dialog.file.setText(str(tmp_path / "other.csv"))
    dialog.done = None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "before it starts" in dialog.result.text(), timeout=10_000)
    assert not (tmp_path / "other_payments.csv").exists()


def test_the_laptop_lists_a_voided_payment_as_voided(qapp):
    from PySide6.QtCore import Qt  # noqa: PLC0415

    from fieldapp.domain.enums import PaymentMethod  # noqa: PLC0415
    from fieldapp.domain.money import Money  # noqa: PLC0415
    from fieldapp.domain.records import Payment  # noqa: PLC0415
    from fieldapp.ui.models.file_tables import PaymentTableModel  # noqa: PLC0415
    model = PaymentTableModel()
    counted = Payment("p1", 1, date(2026, 11, 20), Money(500_000, "VND"), PaymentMethod.CASH,
                      "", ())
    voided = Payment("p2", 1, date(2026, 11, 20), Money(700_000, "VND"), PaymentMethod.CASH,
                     "CK-1", (), voided="Séc bị trả lại")
    model.set_records((counted, voided))
    reference = [model.data(model.index(r, 3)) for r in range(2)]
    assert reference[0] == "" and "Voided by the office: Séc bị trả lại" in reference[1]
    assert reference[1].endswith("CK-1")
    fonts = [model.data(model.index(r, 1), Qt.ItemDataRole.FontRole) for r in range(2)]
    assert fonts[0] is None and fonts[1].strikeOut()


def test_the_laptop_history_says_which_receipt_the_office_voided(qapp):
    from types import SimpleNamespace  # noqa: PLC0415

    from fieldapp.ui.models.visit_history import mark  # noqa: PLC0415
    visit = SimpleNamespace(outcomes=(SimpleNamespace(receipt_no="0A1B2C3D-000002"),
                                      SimpleNamespace()), amends=None)
    entry = SimpleNamespace(visit=visit, amended_by=())
    assert mark(entry) == ""
    assert mark(entry, voided={"0A1B2C3D-000009": "x"}) == ""
    assert mark(entry, voided={"0A1B2C3D-000002": "Séc bị trả lại"}) == \
        "Receipt 0A1B2C3D-000002 voided by the office: Séc bị trả lại"
