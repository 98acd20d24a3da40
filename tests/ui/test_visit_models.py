"""Window-less pieces of the visit UI: models, error texts, amounts, the autosaving session."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from fieldapp.domain.money import Money
from fieldapp.domain.validation import MESSAGES, FieldError
from fieldapp.domain.visit import (Dispute, DisputeReason, Promise, PromiseStatus, Signature,
                                   Visit, VisitKind)
from fieldapp.services import settings as cfg
from fieldapp.services.followups import FollowUp, FollowUpKind
from fieldapp.services.visits import HistoryEntry
from fieldapp.ui.dialogs.settings_dialog import EDITABLE, LABELS
from fieldapp.ui.models.follow_ups import RED, FollowUpModel
from fieldapp.ui.models.visit_history import (EarlierOutcomesModel, VisitHistoryModel,
                                             earlier_outcomes)
from fieldapp.ui.visit.errors import SOURCES, error_text
from fieldapp.ui.visit.money_edit import MoneyEdit
from fieldapp.ui.visit.session import VisitSession

from tests.conftest import VN

AT = datetime(2025, 6, 30, 9, 30, tzinfo=VN)
FG = Qt.ItemDataRole.ForegroundRole


def visit(uuid="a", outcomes=(), amends=None, reason=""):
    return Visit(uuid, 1, VisitKind.VISIT, AT, "Trần Minh Khoa", "dev", {}, outcomes,
                 finalized_at=AT, amends=amends, amend_reason=reason)


def test_every_domain_message_is_marked_for_translation():
    assert set(SOURCES) == set(MESSAGES.values())
    assert set(LABELS) == {s.label for s in EDITABLE}
    assert cfg.DEVICE_ID not in EDITABLE  # made once; never edited by hand


def test_error_texts_format_amounts_and_numbers_in_the_ui_notation(qapp):
    balance = FieldError("amount", "amount_above_balance", {"balance": Money(12_500_000, "VND")})
    assert error_text(balance) == "More than the open balance of ₫12,500,000."
    horizon = FieldError("due_on", "date_beyond_horizon", {"days": 1200})
    assert error_text(horizon) == "More than 1,200 days ahead: agree on an earlier date."
    assert error_text(FieldError("outcomes", "required")) == "Add at least one outcome."
    assert error_text(FieldError("customer_signature_name", "required")) == \
        "The signer's printed name is required."


def test_money_edit_parses_in_the_customers_currency(qtbot):
    edit = MoneyEdit("TWD")
    qtbot.addWidget(edit)
    edit.edit.setText("1,234.5")
    assert edit.money() == Money(123_450, "TWD") and edit.problem() == ""
    edit.edit.setText("1.234,5")
    assert edit.money() is None and edit.problem().startswith("Not an amount")
    edit.edit.setText("0.001")  # more decimals than the currency has
    assert edit.money() is None
    edit.set_money(Money(5_000_000, "TWD"))
    assert edit.edit.text() == "50,000.00" and edit.code.text() == "TWD"


def test_history_model_marks_originals_and_amendments(qapp):
    original = HistoryEntry(visit("a", (Promise(Money(1, "VND"), date(2025, 7, 1), "A"),)), "x", ("b",))
    amendment = HistoryEntry(visit("b", amends="a", reason="đổi ngày"), "y", ())
    model = VisitHistoryModel()
    model.set_records([amendment, original])
    assert model.index(0, VisitHistoryModel.MARK).data() == "Amendment: đổi ngày"
    assert model.index(1, VisitHistoryModel.MARK).data() == "Amended"
    assert model.index(1, VisitHistoryModel.OUTCOMES).data() == "Promise to pay"
    assert model.index(1, 0).data(FG) is not None and model.index(0, 0).data(FG) is None
    assert model.index(0, VisitHistoryModel.KIND).data() == "Visit"


def test_earlier_outcomes_show_the_most_pressing_follow_up(qapp):
    promise = Promise(Money(5_000_000, "VND"), date(2025, 6, 25), "Chị Hường")
    dispute = Dispute(DisputeReason.DAMAGED, (7,), "ướt", "đổi hàng", AT)
    entries = [HistoryEntry(visit("a", (promise, dispute)), "x", ()),
               HistoryEntry(visit("old", (promise,)), "z", ("a",))]  # replaced: not listed
    follow = [FollowUp(FollowUpKind.PARTIALLY_KEPT, 1, "C", date(2025, 6, 25), "promise",
                       visit_uuid="a"),
              FollowUp(FollowUpKind.DISPUTE_LATE, 1, "C", date(2025, 7, 1), "dispute",
                       visit_uuid="a")]
    rows = earlier_outcomes(entries, follow)
    assert [(type(r.outcome).__name__, r.status) for r in rows] == [
        ("Promise", FollowUpKind.PARTIALLY_KEPT), ("Dispute", FollowUpKind.DISPUTE_LATE)]
    model = EarlierOutcomesModel({7: "HD-0007"})
    model.set_records(rows)
    assert model.index(0, 2).data() == "₫5,000,000 by Jun 25, 2025 — Chị Hường"
    assert model.index(1, 2).data() == "Damaged goods · HD-0007"
    assert model.index(1, 3).data() == "Dispute deadline passed"


def test_earlier_promises_show_kept_broken_and_open_ones(qapp):
    """Kept promises leave no follow-up, so the promise statuses speak for them."""
    promise = Promise(Money(5_000_000, "VND"), date(2025, 6, 25), "Chị Hường")
    entries = [HistoryEntry(visit(u, (promise,)), "x", ()) for u in ("kept", "broken", "due", "later")]
    follow = [FollowUp(FollowUpKind.DUE_TODAY, 1, "C", date(2025, 6, 30), "promise",
                       visit_uuid="due")]
    paid = Money(5_000_000, "VND")
    statuses = {"kept": (PromiseStatus.KEPT, paid), "broken": (PromiseStatus.BROKEN, paid),
                "due": (PromiseStatus.OPEN, paid), "later": (PromiseStatus.OPEN, paid)}
    rows = earlier_outcomes(entries, follow, statuses)
    assert [r.status for r in rows] == [PromiseStatus.KEPT, PromiseStatus.BROKEN,
                                        FollowUpKind.DUE_TODAY, PromiseStatus.OPEN]
    model = EarlierOutcomesModel()
    model.set_records(rows)
    assert [model.index(r, 3).data() for r in range(4)] == ["Kept", "Broken", "Due today", "Open"]
    assert model.index(0, 3).data(FG).color().name() == "#1b5e20"  # green
    assert model.index(1, 3).data(FG).color() == RED and model.index(3, 3).data(FG) is None
    assert [r.status for r in earlier_outcomes(entries, follow)] == [
        None, None, FollowUpKind.DUE_TODAY, None]  # without statuses: follow-ups only


def test_follow_up_model_columns_and_urgency(qapp):
    items = [FollowUp(FollowUpKind.BROKEN, 3, "Đại lý Sơn Phạm", date(2025, 6, 20), "promise",
                      Money(4_000_000, "VND"), Money(0, "VND")),
             FollowUp(FollowUpKind.DISPUTE_NEAR, 4, "新利建材", date(2025, 6, 30), "dispute",
                      deadline=datetime(2025, 6, 30, 14, 0, tzinfo=VN))]
    model = FollowUpModel()
    model.set_records(items)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["Broken", "Đại lý Sơn Phạm", "Jun 20, 2025", "Promise to pay", "₫4,000,000", ""]
    assert model.index(0, 0).data(FG).color() == RED
    assert model.index(1, FollowUpModel.WHEN).data() == "Jun 30, 2025 2:00\u202fPM"  # never 6/30
    assert model.customer_id(1) == 4


class FakeVisits:
    """Records what the session asks of the store, in order."""

    def __init__(self):
        self.saved = []

    def save_draft(self, v):
        self.saved.append(v)

    def check_step(self, step, v):
        return [FieldError("objective", "required")] if not v.answers.get("objective") else []


def test_session_saves_a_burst_once_and_clears_signatures_after_a_change(qtbot, taskman):
    store = FakeVisits()
    session = VisitSession(store, taskman, visit("s"), ["plan"], debounce_ms=50)
    for text in ("G", "Gặ", "Gặp chị Hường"):
        session.set_answers({"objective": text})
    with qtbot.waitSignal(session.checked, timeout=2000) as checked:
        pass
    assert [v.answers["objective"] for v in store.saved] == ["Gặp chị Hường"]
    assert checked.args[0] == {"plan": []}
    ink = Signature("A", "", (((0.0, 0.0), (200.0, 0.0)),))
    session.set_signatures(ink, ink)
    with qtbot.waitSignal(session.signatures_cleared, timeout=1000):
        session.set_answers({"objective": "khác"})
    assert session.visit.customer_signature is None
    results = []
    session.commit(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=2000)
    assert store.saved[-1].answers["objective"] == "khác" and not session.dirty
    session.set_answers({"objective": "lần cuối"})
    flushed = []
    session.flush(lambda: flushed.append(store.saved[-1].answers["objective"]))
    assert flushed == []  # it does not wait: the save runs on the database lane
    qtbot.waitUntil(lambda: bool(flushed), timeout=2000)
    assert flushed == ["lần cuối"]  # saved before ``then``, without waiting for the timer
    session.flush(lambda: flushed.append("at once"))
    assert flushed[-1] == "at once"  # nothing pending: ``then`` runs at once
    session.close()
    session.set_answers({"objective": "after close"})
    assert store.saved[-1].answers["objective"] == "lần cuối"
