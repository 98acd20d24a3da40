"""Driving the visit window as a person would: keys into whatever has the focus, pens on pads."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1):
    for _ in range(times):
        qtbot.keyClick(focus(), key, modifier)


def type_text(qtbot, text: str) -> None:
    """Latin as key presses; Vietnamese and Chinese as an input method commits them."""
    if text.isascii():
        qtbot.keyClicks(focus(), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focus(), event)


def inside(widget) -> bool:
    current = focus()
    return current is not None and (current is widget or widget.isAncestorOf(current))


def wait_active(qtbot, window) -> None:
    """Until ``window`` is active with the keyboard in it (activation is asynchronous)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and inside(window),
                    timeout=3000)


def tab_to(qtbot, widget, limit: int = 40) -> None:
    """Press Tab until the keyboard is in ``widget`` (read-only tables sit in between)."""
    for _ in range(limit):
        if inside(widget):
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}; focus is on {focus()!r}")


def sign(qtbot, pad, offset: int = 0) -> None:
    """A signature: two strokes of well over the minimum ink."""
    strokes = [[(30, 80 + offset), (80, 40), (130, 100), (180, 50), (230, 90)],
               [(60, 110), (200, 105 - offset)]]
    for stroke in strokes:
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*stroke[0]))
        for point in stroke[1:]:
            qtbot.mouseMove(pad, QPoint(*point))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*stroke[-1]))


def open_visit(qtbot, window, customer_id: int, key=Qt.Key.Key_N):
    """Show the customer, press Ctrl+N (or Ctrl+L) and return the visit window once it is up."""
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.customer_view.open(customer_id)
    window.activateWindow()
    with qtbot.waitSignal(window.launcher.opened, timeout=5000) as opened:
        qtbot.keyClick(window, key, CTRL)
    visit_window = opened.args[0]
    qtbot.waitUntil(lambda: visit_window.session.errors != {}, timeout=5000)
    wait_active(qtbot, visit_window)
    return visit_window


def saved(qtbot, visit_window) -> None:
    """Wait until the autosave of everything typed so far has landed."""
    done = []
    visit_window.session.commit(lambda errors: done.append(errors))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def go_on(qtbot, visit_window, expect_step: str) -> None:
    """Ctrl+Enter, then wait for the window to stand on ``expect_step``."""
    press(qtbot, Qt.Key.Key_Return, CTRL)
    steps = visit_window.setup.checklist.steps
    qtbot.waitUntil(lambda: steps[visit_window.navigator.current].id == expect_step, timeout=5000)


COMPLETE_ANSWERS = {
    "objective": "Thu hồi công nợ quá hạn", "materials": ["contract", "invoices"],
    "deliveries_match": "yes", "balances_reviewed": True, "promises_reviewed": True,
    "met_contact": "Nguyễn Thị Hường", "met_role": "Kế toán trưởng", "authority_to_pay": True,
    "purpose_stated": True, "position_reason": "cash_flow", "reminder_days": 1,
}


def resume_draft(qtbot, window, services, customer_id: int, answers=None, kind=None):
    """A draft saved through the services, then resumed: the window opens at its first gap."""
    from dataclasses import replace

    from fieldapp.domain.visit import VisitKind

    visit = services.visits.start(customer_id, kind or VisitKind.VISIT)
    services.visits.save_draft(replace(visit, answers=dict(answers or COMPLETE_ANSWERS)))
    with qtbot.waitSignal(window.launcher.opened, timeout=5000) as opened:
        window.launcher.resume(visit.uuid)
    win = opened.args[0]
    qtbot.waitUntil(lambda: win.session.errors != {}, timeout=5000)
    wait_active(qtbot, win)
    return win


def customer_with_open_invoices(services, language: str = "vi", at_least: int = 2):
    for cid in range(1, 81):
        ctx = services.visits.context(cid)
        file = services.portfolio.open_customer(cid)
        if file.customer.language.value == language and \
                len([i for i in ctx.invoices if not i.disputed]) >= at_least:
            return file, ctx
    raise AssertionError(f"the demo has a {language} customer with {at_least} open invoices")
