"""Disputes the office resolved and receipts it voided reach the collector's list of notes from
the office: a real pack applied to a laptop's records, then the window counts them in the status
bar, words them in the list (the receipt by its number), and opens the dispute's record."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from sqlalchemy import select

from conftest import TODAY, show_main_window
from fieldapp.domain.instants import to_text
from fieldapp.services import app_services, packs_in
from fieldapp.services.settings import Settings
from fieldapp.store.tables import VisitRow
from fieldapp.sync.pack import Pack, parse
from fieldapp.ui.models.office_notes import OfficeNotesModel
from tests.office_notes_data import dispute_and_payment


def _apply(store, resolutions: list, voids: list) -> packs_in.Received:
    now = datetime.now(timezone.utc)
    header = {"version": packs_in.state(store)["version"] + 1,
              "device": Settings(store).device_id(), "collector": "Lan",
              "created_at": to_text(now), "expires_at": to_text(now + timedelta(days=14)),
              "full": False, "base": packs_in.state(store)["version"],
              "route_from": "2026-12-31"}
    pack = parse(Pack(header, [], [], [], [], [], [], voids, resolutions).to_bytes())
    return packs_in.apply(store, pack, packs_in.state(store), header["device"], now)


def test_resolved_disputes_and_voided_receipts_are_listed_counted_and_opened(
        qtbot, live_store, profile):
    with live_store.sessions() as session:
        visit = session.execute(select(VisitRow).where(VisitRow.status == "final")
                                .order_by(VisitRow.started_at.desc())).scalars().first()
        visit_uuid, cid = visit.uuid, visit.customer_id
    dispute, payment = dispute_and_payment(live_store, visit_uuid, cid, TODAY)
    got = _apply(live_store, [{"uuid": dispute, "resolved_at": "2026-11-27T03:00:00+00:00",
                               "resolved_by": "Chị Hoa", "root_cause": "Kho giao nhầm lô hàng"}],
                 [{"receipt_no": "PT-0007", "payment_id": payment,
                   "voided_at": "2026-11-28T02:00:00+00:00", "by": "Chị Thu",
                   "reason": "Khách chưa trả"}])
    assert got.notes == 2

    win = show_main_window(qtbot, app_services.build(live_store, TODAY), profile)
    button = win.office_notes.button
    qtbot.waitUntil(lambda: win.office_notes.unread == 2 and button.isVisible())
    assert button.text() == "2 new notes from the office"
    dialog = win.office_notes.show_list()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 2)
    model = dialog.model
    rows = [(model.index(r, OfficeNotesModel.WHAT).data(),
             model.index(r, OfficeNotesModel.TEXT).data(),
             model.index(r, OfficeNotesModel.AUTHOR).data()) for r in range(2)]
    assert rows == [("Receipt PT-0007 voided", "Khách chưa trả", "Chị Thu"),
                    ("Dispute resolved", "Kho giao nhầm lô hàng", "Chị Hoa")]
    assert model.index(1, OfficeNotesModel.RECORD).data().startswith(("Visit of ", "Call of "))

    dialog.table.selectRow(1)
    assert "Kho giao nhầm lô hàng" in dialog.detail.toPlainText()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # opens the dispute's customer and record
    view = win.customer_view
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.id == cid)
    qtbot.waitUntil(lambda: view.visits.selected() is not None
                    and view.visits.selected().visit.uuid == visit_uuid)
    qtbot.waitUntil(lambda: win.office_notes.unread == 1)
    assert model.index(1, OfficeNotesModel.NEW).data() == "" and \
        model.index(0, OfficeNotesModel.NEW).data() == "New"
