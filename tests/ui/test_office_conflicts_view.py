"""The office's Conflicts tab over a real office store: the open conflicts, oldest first, with
base, office and laptop values; keeping the laptop's value writes it and empties the row;
a typed value that is no phone number is refused in words and nothing changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store import field_records
from fieldapp.store.engine import open_store
from fieldapp.store.tables import ContactRow, CustomerRow
from fieldapp.ui.office.window import OfficeWindow
from tests.conftest import PortfolioBuilder, set_zone
from tests.unit.test_master_conflicts import edit, phone

TODAY = date(2026, 11, 29)


@pytest.fixture
def win(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    set_zone(store)
    builder = PortfolioBuilder(store)
    builder.customer("Công ty TNHH Minh Phát", code="KH001", address="12 Lê Lợi",
                     contacts=[("Chị Lan", "0901 234 567")])
    builder.save()
    with store.sessions.begin() as session:  # the office changed both since the laptop's copy
        session.execute(update(CustomerRow).values(address="15 Nguyễn Huệ", row_version=2))
        session.execute(update(ContactRow).values(phone="0900 000 000", row_version=2))
    with store.sessions.begin() as session:
        first = edit("address", "12 Lê Lợi", "40 Pasteur")
        field_records.apply(session, [first], {}, "2026-11-28T08:00:00+00:00")
        field_records.apply(session, [phone("0901 234 567", "0987 654 321")], {},
                            "2026-11-29T08:00:00+00:00")
    window = OfficeWindow(build(store, TODAY, actor="test"), Profile(tmp_path / "p").ensure())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.conflicts.table.rowCount() == 2)
    yield window, store
    window.close()
    store.close()


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_open_conflicts_oldest_first_and_resolved_from_the_keyboard(qtbot, win):
    window, store = win
    view = window.conflicts
    window.tab_actions[7].trigger()
    assert window.tabs.currentWidget() is view
    assert "2" in view.count_label.text()
    assert cells(view.table, 0)[1:7] == ["Công ty TNHH Minh Phát (KH001)", "", "Address",
                                         "12 Lê Lợi", "15 Nguyễn Huệ", "40 Pasteur"]
    assert cells(view.table, 1)[2:7] == ["Chị Lan", "Phone", "0901 234 567", "0900 000 000",
                                         "0987 654 321"]
    assert not view.laptop_button.isEnabled()
    view.table.selectRow(0)
    qtbot.keyClick(view.laptop_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    with store.sessions.begin() as session:
        assert session.execute(select(CustomerRow.address)).scalar() == "40 Pasteur"
    assert "1" in view.count_label.text()

    view.table.selectRow(0)
    qtbot.keyClicks(view.value, "not a phone")
    qtbot.keyClick(view.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.problem.isHidden())
    assert "phone number" in view.problem.text() and view.value.text() == "not a phone"
    with store.sessions.begin() as session:
        assert session.execute(select(ContactRow.phone)).scalar() == "0900 000 000"
    view.value.clear()
    qtbot.keyClicks(view.value, "0933 333 333")
    qtbot.keyClick(view.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    with store.sessions.begin() as session:
        assert session.execute(select(ContactRow.phone)).scalar() == "0933 333 333"
    assert view.problem.isHidden() and "No conflicts" in view.count_label.text()
