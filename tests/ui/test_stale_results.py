"""An answer to an older request arrives after a newer request was made: the newer one stays.

The database lane is held with an Event so both requests queue behind it; releasing it lets the
older answer arrive first, deterministically, while the newer request is already the current one.
"""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QDate

from fieldapp.domain.validation import FieldError
from fieldapp.domain.visit import Visit, VisitKind
from fieldapp.ui.documents.day_dialog import DayAgreementsDialog
from fieldapp.ui.visit.session import VisitSession

from conftest import settle
from ui_expect import TODAY


def hold(taskman) -> threading.Event:
    held = threading.Event()
    taskman.run(held.wait, lambda _: None)
    return held


def recorder(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args[0] if args else True))
    return seen


def test_the_customer_asked_for_last_is_shown_and_remembered(qtbot, window, all_files):
    a, b = list(all_files)[:2]
    view = window.customer_view
    shown = recorder(view.file_shown)
    held = hold(window.taskman)
    view.open(a)
    view.open(b)
    held.set()
    settle(qtbot, window.taskman)
    assert shown == [b] and view.file.customer.id == b
    assert not view.history.can_go_back  # the overtaken request left no trace


def test_the_visits_and_documents_tabs_keep_the_newer_customer(qtbot, window, all_files):
    a, b = list(all_files)[:2]
    view = window.customer_view
    visits, documents = recorder(view.visits.loaded), recorder(view.documents.loaded)
    held = hold(window.taskman)
    view.visits.load(all_files[a])
    view.visits.load(all_files[b])
    view.documents.load(a)
    view.documents.load(b)
    held.set()
    settle(qtbot, window.taskman)
    assert visits == [b] and documents == [b]


def test_the_day_dialog_lists_the_day_picked_last(qtbot, live_window, live_services):
    dialog = DayAgreementsDialog(live_window, live_services.documents, live_window.taskman, TODAY)
    settle(qtbot, live_window.taskman)
    loaded = recorder(dialog.loaded)
    held = hold(live_window.taskman)
    dialog.day.setDate(QDate(2001, 1, 1))  # no agreements that day
    dialog.day.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    held.set()
    settle(qtbot, live_window.taskman)
    assert loaded == [True]
    expected = live_services.documents.agreements_made_on(TODAY)
    assert [n.info for n in dialog.ticked()] == [n.info for n in expected]
    dialog.deleteLater()


class RecordingVisits:
    """Saves in memory and checks that an objective was typed."""

    def __init__(self):
        self.saved: list[Visit] = []

    def save_draft(self, visit):
        self.saved.append(visit)

    def check_step(self, _step, visit):
        return [] if visit.answers.get("objective") else [FieldError("objective", "required")]


def test_a_save_overtaken_by_typing_reports_only_the_newest_state(qtbot, taskman):
    visits = RecordingVisits()
    draft = Visit("v-1", 1, VisitKind.VISIT, datetime(2025, 6, 30, 9, 0), "Khoa", "dev", {})
    session = VisitSession(visits, taskman, draft, ["plan"], debounce_ms=10_000)
    checked = recorder(session.checked)
    held = hold(taskman)
    session.commit()  # the empty objective: a check that says "required" ...
    session.set_answers({"objective": "Gặp chị Hường"})  # ... is overtaken while it waits
    answered = []
    session.commit(answered.append)
    held.set()
    qtbot.waitUntil(lambda: bool(answered), timeout=5000)
    settle(qtbot, taskman)
    assert checked == [{"plan": []}] and answered == [{"plan": []}]
    assert [v.answers.get("objective") for v in visits.saved] == [None, "Gặp chị Hường"]



def test_a_visits_documents_do_not_come_back_after_it_was_left(qtbot, live_services, taskman):
    from fieldapp.services.documents import DocumentKind
    from fieldapp.ui.documents.visit_bar import VisitDocumentsBar

    documents = live_services.documents
    info = next(d for cid in range(1, 81) for d in documents.of_customer(cid)
                if d.kind is DocumentKind.AGREEMENT)
    visit = live_services.visits.load(info.visit_uuid)
    bar = VisitDocumentsBar(documents, taskman)
    qtbot.addWidget(bar)
    bar.show_visit(visit)
    settle(qtbot, taskman)
    assert bar.agreements()  # what the stale answer would bring back
    held = hold(taskman)
    bar.show_visit(visit)
    bar.show_visit(None)  # the selection went away while the store was asked
    held.set()
    settle(qtbot, taskman)
    assert bar.docs == [] and bar.agreements() == []
