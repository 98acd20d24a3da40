"""Pending documents (Retry, made at the next start) and documents an amendment replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from reportlab.platypus.doctemplate import LayoutError

from fieldapp.documents import visit_record
from fieldapp.domain.money import Money
from fieldapp.domain.visit import Promise
from fieldapp.services.documents import DocumentKind
from fieldapp.ui.main_window import MainWindow
from tests.unit.test_documents_service import complete

from conftest import settle
from ui_expect import TODAY

ROOT = Path(__file__).resolve().parents[2]
# Finalizes a visit with money taken, then dies as a power cut would: after the commit, before
# any document was drawn.
KILLED_FINALIZE = """
import os, signal, sys
from datetime import date
from fieldapp.domain.money import Money
from fieldapp.domain.records import Allocation
from fieldapp.domain.visit import MoneyReceived
from fieldapp.services import app_services
from fieldapp.store.engine import open_store
from tests.unit.test_documents_service import complete

services = app_services.build(open_store(sys.argv[1]), date.fromisoformat(sys.argv[2]))
cid = int(sys.argv[3])
inv = next(i for i in services.portfolio.open_customer(cid).invoices
           if i.open_balance.minor > 0 and not i.disputed)
paid = Money(max(1, inv.open_balance.minor // 4), inv.open_balance.currency)
cash = MoneyReceived(paid, "cash", "", (Allocation(inv.id, inv.number, paid),))
visit = complete(services.visits.start(cid), "Người nhận", cash)
final, _ = services.visits.finalize(visit, make_documents=False)
print(final.uuid, final.outcomes[0].receipt_no, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def customer_with_open_invoices(services, language="vi") -> int:
    for cid in range(1, 81):
        file = services.portfolio.open_customer(cid)
        if file.customer.language.value == language and any(
                i.open_balance.minor > 0 and not i.disputed for i in file.invoices):
            return cid
    raise AssertionError("the demo has a customer with open invoices")


def test_a_finalize_killed_before_its_documents_has_them_made_at_the_next_start(
        qtbot, live_services, live_store, profile):
    cid = customer_with_open_invoices(live_services)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", KILLED_FINALIZE, str(live_store.path),
                           TODAY.isoformat(), str(cid)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert done.returncode == -9, done.stderr
    uuid, receipt = done.stdout.split()
    documents = live_services.documents
    assert documents.pending() == [uuid] and documents.of_visit(uuid) == []
    win = MainWindow(live_services, profile, ask_collector=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.startup_documents.finished, timeout=30000) as finished:
        win.show()
    made, failures = finished.args
    assert made == 2 and failures == []
    assert documents.pending() == []
    assert {d.kind for d in documents.of_visit(uuid)} == {DocumentKind.VISIT_RECORD,
                                                          DocumentKind.RECEIPT}
    note = win.startup_documents
    name = live_services.portfolio.open_customer(cid).customer.name
    assert note.isVisible() and receipt in note.text() and name in note.text()
    settle(qtbot, win.taskman)


def test_a_failed_record_shows_pending_under_the_visit_and_retry_makes_it(
        qtbot, live_window, live_services, monkeypatch):
    def broken(_rec):
        raise LayoutError("Flowable <Table@0x7F4C> too large")

    monkeypatch.setattr(visit_record, "build", broken)
    cid = customer_with_open_invoices(live_services)
    currency = live_services.portfolio.open_customer(cid).invoices[0].open_balance.currency
    promise = Promise(Money(1_000, currency), TODAY + timedelta(days=3), "Người hứa")
    visits = live_services.visits
    final, _ = visits.finalize(complete(visits.start(cid), "Người hứa", promise))
    assert live_services.documents.pending() == [final.uuid]
    view = live_window.customer_view
    with qtbot.waitSignal(view.documents.loaded, timeout=5000):
        view.open(cid)
    tab = view.visits
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    tab.select_uuid(final.uuid)
    bar = tab.documents_bar
    qtbot.waitUntil(lambda: bar.missing != [], timeout=5000)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.entry(r).visit.uuid == final.uuid)
    mark = lambda: tab.model.index(row, tab.model.MARK).data()  # noqa: E731
    assert "Documents pending" in mark()
    assert bar.pending_label.isVisible() and bar.retry_button.isVisible()
    assert bar.missing[0][0] is DocumentKind.VISIT_RECORD and bar.missing[0][1] in \
        bar.pending_label.text()
    bar.retry_button.click()  # still failing: said in words, still pending
    qtbot.waitUntil(lambda: bar.failure != "", timeout=10000)
    assert "could not be made" in bar.failure and "Table@" not in bar.pending_label.text()
    assert bar.retry_button.isVisible() and bar.failure in bar.pending_label.text()
    monkeypatch.undo()
    bar.retry_button.click()
    qtbot.waitUntil(lambda: bar.missing == [] and bar.docs != [], timeout=10000)
    assert not bar.retry_button.isVisible() and not bar.pending_label.isVisible()
    qtbot.waitUntil(lambda: "Documents pending" not in (mark() or ""), timeout=5000)
    assert live_services.documents.pending() == []
    assert [d.kind for d in bar.docs] == [DocumentKind.VISIT_RECORD]
    settle(qtbot, live_window.taskman)


def test_an_amended_agreement_is_marked_in_the_list_the_viewer_and_left_unticked_for_printing(
        qtbot, live_window, live_services):
    from fieldapp.ui.documents.info_panel import DocumentInfoPanel
    from fieldapp.ui.models.documents import DocumentTableModel
    from fieldapp.domain.installments import Frequency, build_schedule
    from fieldapp.domain.visit import InstallmentPlan

    cid = customer_with_open_invoices(live_services)
    visits, documents = live_services.visits, live_services.documents
    invoice = next(i for i in live_services.portfolio.open_customer(cid).invoices
                   if i.open_balance.minor > 0 and not i.disputed)
    total = Money(invoice.open_balance.minor // 2, invoice.open_balance.currency)
    plan = InstallmentPlan(total, build_schedule(total, 3, TODAY + timedelta(days=5),
                                                 Frequency.MONTHLY), Frequency.MONTHLY,
                           invoice_ids=(invoice.id,))
    final, _ = visits.finalize(complete(visits.start(cid), "Người ký", plan))
    draft = visits.amend(final.uuid, "Đổi ngày kỳ cuối")
    lines = plan.lines[:-1] + (replace(plan.lines[-1],
                                       due_on=plan.lines[-1].due_on + timedelta(days=3)),)
    amended, _ = visits.finalize(replace(complete(draft, "Người ký", replace(plan, lines=lines)),
                                         amends=final.uuid, amend_reason=draft.amend_reason))
    old = next(d for d in documents.of_visit(final.uuid) if d.kind is DocumentKind.AGREEMENT)
    new = next(d for d in documents.of_visit(amended.uuid) if d.kind is DocumentKind.AGREEMENT)
    assert old.replaced_by == new.number
    model = DocumentTableModel()
    model.set_records(documents.of_customer(cid))
    row = next(r for r in range(model.rowCount()) if model.document(r).id == old.id)
    shown = model.index(row, DocumentTableModel.NUMBER).data()
    assert old.number in shown and "replaced by" in shown and new.number in shown
    new_row = next(r for r in range(model.rowCount()) if model.document(r).id == new.id)
    assert model.index(new_row, DocumentTableModel.NUMBER).data() == new.number
    panel = DocumentInfoPanel(old, 2)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.replaced.isVisible() and new.number in panel.replaced.text()
    current = DocumentInfoPanel(new, 2)
    qtbot.addWidget(current)
    current.show()
    assert not current.replaced.isVisible()
    live_window.print_day_action.trigger()
    dialog = live_window.commands.day_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=2000)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show_day(old.created_at.date())
    rows = {dialog.item(r).data(0, Qt.ItemDataRole.UserRole + 1).info.id: dialog.item(r)
            for r in range(dialog.count())}
    assert rows[old.id].checkState(0) is Qt.CheckState.Unchecked
    assert rows[new.id].checkState(0) is Qt.CheckState.Checked
    assert "replaced by" in rows[old.id].text(3) and new.number in rows[old.id].text(3)
    assert old.id not in [n.info.id for n in dialog.ticked()]
    assert new.id in [n.info.id for n in dialog.ticked()]
    # Still viewable: the viewer opens the replaced one, banner and all.
    with qtbot.waitSignal(live_window.documents.opened, timeout=10000) as opened:
        live_window.documents.open(old)
    assert opened.args[0].info.replaced_by == new.number
    dialog.close()
    settle(qtbot, live_window.taskman)
