"""Regenerate docs/screenshots/visit-*.png: a visit walked under Xvfb, Vietnamese and Chinese.

Not a test (pytest does not collect it). Usage, from the checkout:

    .venv/bin/fieldapp demo-data --customers 300 --home /tmp/visitdemo
    Xvfb :99 -screen 0 1440x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/visit_screenshots.py \
        /tmp/visitdemo docs/screenshots [zh_TW|zh_CN]

It writes into the profile (finalized visits, a left-over draft): use a throw-away copy.
"""

import math
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store
from fieldapp.ui.app import make_app
from fieldapp.ui.main_window import MainWindow

OUT = Path(sys.argv[2])
OUT.mkdir(parents=True, exist_ok=True)
app = make_app([])
profile = Profile(Path(sys.argv[1])).ensure()
store = open_store(profile.database)
services = app_services.build(store)
win = MainWindow(services, profile, ask_collector=False)
win.resize(1280, 800)
win.show()


def wait(condition, seconds=15):
    end = time.time() + seconds
    while not condition():
        if time.time() > end:
            raise SystemExit(f"timed out waiting for {condition}")
        app.processEvents()
        time.sleep(0.01)


def settle(ms=300):
    end = time.time() + ms / 1000
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)
        # No exec() loop runs here: deleteLater() needs its event delivered by hand.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def focus():
    return QApplication.focusWidget()


def keys(text):
    """Latin as key presses; Vietnamese and Chinese as an input method commits them."""
    if text.isascii():
        QTest.keyClicks(focus(), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focus(), event)


def key(k, mod=Qt.KeyboardModifier.NoModifier, n=1):
    for _ in range(n):
        QTest.keyClick(focus(), k, mod)


def tab_to(widget):
    for _ in range(40):
        current = focus()
        if current is widget or (current is not None and widget.isAncestorOf(current)):
            return
        key(Qt.Key.Key_Tab)
    raise SystemExit(f"Tab never reached {widget}")


def shot(widget, name):
    settle(250)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path), "PNG")
    # A UI has few colours: a 256-colour palette (median cut, no dithering) keeps text and
    # tints intact at a fraction of the size.
    with Image.open(path) as im:
        im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT,
                                   dither=Image.Dither.NONE).save(path, optimize=True)
    print(path, path.stat().st_size // 1024, "KB")


def signature(pad, phase):
    """Two wavy strokes, as a hand would draw them on the pad."""
    strokes = []
    for j in range(2):
        strokes.append(tuple((30 + x * 7.0 + j * 50,
                              75 + (18 - j * 4) * math.sin(phase + x / 3.0) + j * 12)
                             for x in range(36)))
    pad.set_strokes(strokes)
    pad.changed.emit()


def pick(language):
    """A customer with several open invoices (and, in Vietnam, a delivery that does not match)."""
    candidates = []
    for cid in range(1, services.portfolio.count_customers() + 1):
        file = services.portfolio.open_customer(cid)
        ctx = services.visits.context(cid)
        if file.customer.language.value == language and ctx.invoices and file.contacts:
            good = len([i for i in ctx.invoices if not i.disputed]) >= 3
            mismatch = language != "vi" or bool(file.deliveries_with_discrepancy)
            candidates.append((not (good and mismatch), cid, file, ctx))
    if not candidates:
        raise SystemExit(f"no {language} customer with open invoices")
    _rank, _cid, file, ctx = min(candidates, key=lambda c: (c[0], c[1]))
    return file, ctx


def start(file, kind_key):
    """Open the customer, press Ctrl+N (visit) or Ctrl+L (call), return the visit window."""
    opened = []
    win.launcher.opened.connect(opened.append)
    win.customer_view.open(file.customer.id)
    wait(lambda: win.customer_view.file is not None
         and win.customer_view.file.customer.id == file.customer.id)
    win.activateWindow()
    settle(200)
    QTest.keyClick(win, kind_key, Qt.KeyboardModifier.ControlModifier)
    wait(lambda: opened and opened[0].session.errors)
    window = opened[0]
    win.launcher.opened.disconnect(opened.append)
    window.resize(1280, 800)
    window.activateWindow()
    wait(lambda: QApplication.activeWindow() is window)
    settle(200)
    return window


def go_on(window, step):
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(lambda: window.setup.checklist.steps[window.navigator.current].id == step)
    settle(200)


def plan_and_prepare(w):
    plan = w.page("plan")
    keys("Thu hồi công nợ quá hạn quý II, chốt lịch trả góp cụ thể cho phần còn lại")
    key(Qt.Key.Key_Tab)
    keys("50000000")
    for _ in range(2):  # Contract, Invoices
        key(Qt.Key.Key_Tab)
        key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab, n=2)
    key(Qt.Key.Key_Space)  # Payment records
    objections = plan.fields["objections"]
    objections.add_row({"objection": "Hàng đợt 3 bị ẩm, chưa thanh toán được",
                        "answer": "Ghi nhận, báo cấp trên trong 24 giờ; tách hóa đơn đó ra"})
    objections.add_row({"objection": "Tháng này dòng tiền khó khăn",
                        "answer": "Đề xuất trả góp hằng tháng, có chiết khấu nếu trả sớm"})
    objections.changed.emit()
    plan.fields["appointment"].enabled.click()
    shot(w, "visit-01-plan")
    go_on(w, "prepare")
    prepare = w.page("prepare")
    key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Space)  # No, there are discrepancies (prefilled from the delivery notes)
    tab_to(prepare.fields["balances_reviewed"])
    key(Qt.Key.Key_Space)
    tab_to(prepare.fields["late_reason"])
    keys("Doanh thu giảm, chờ khách của họ thanh toán")
    tab_to(prepare.fields["promises_reviewed"])
    key(Qt.Key.Key_Space)
    prepare.verticalScrollBar().setValue(0)
    shot(w, "visit-02-prepare")
    prepare.verticalScrollBar().setValue(prepare.verticalScrollBar().maximum())
    shot(w, "visit-03-prepare-history")


def meet_and_listen(w):
    go_on(w, "meet")
    key(Qt.Key.Key_Down)
    tab_to(w.page("meet").fields["purpose_stated"])
    key(Qt.Key.Key_Space)
    shot(w, "visit-04-meet")
    go_on(w, "listen")
    keys("Q")
    key(Qt.Key.Key_Tab)
    keys("“Lô hàng giao ngày 04/01 bị ướt do mưa, 32 bao xi măng hư hỏng. Công ty sẽ thanh "
         "toán các hóa đơn khác nhưng cần trả góp.”")
    shot(w, "visit-05-listen")


def dispute_and_plan(w):
    go_on(w, "resolve")
    resolve = w.page("resolve")
    key(Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    wait(lambda: len(resolve.cards) == 1)
    settle(100)
    dispute = resolve.cards[0]
    keys("D")
    tab_to(dispute.invoices)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Space)
    tab_to(dispute.description)
    keys("32 bao xi măng bị ướt, vón cục; khách giữ lại làm bằng chứng")
    key(Qt.Key.Key_Tab)
    keys("Đổi 32 bao mới, sau đó thanh toán hóa đơn này")
    photo = QImage(640, 480, QImage.Format.Format_RGB32)
    photo.fill(QColor("#8d8d8d"))
    path = Path(sys.argv[1]) / "xi-mang-uot.jpg"
    photo.save(str(path))
    dispute.evidence.attach_files([str(path)])
    wait(lambda: dispute.evidence.ids())
    key(Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    wait(lambda: len(resolve.cards) == 2)
    settle(100)
    plan = resolve.cards[1]
    tab_to(plan.down)
    keys("5000000")
    tab_to(plan.count)
    keys("4")
    plan.discount.setValue(2.0)
    settle(500)
    resolve.verticalScrollBar().setValue(0)
    shot(w, "visit-06-resolve-dispute")
    resolve.ensureWidgetVisible(plan.table)
    shot(w, "visit-07-resolve-plan")


def next_steps_and_sign(w):
    go_on(w, "next_steps")
    page = w.page("next_steps")
    key(Qt.Key.Key_Space)
    tab_to(page.fields["reminder_days"])
    keys("2")
    tab_to(page.fields["supervisor_note"])
    keys("Khiếu nại chất lượng: cần phản hồi của phòng QC trước hạn 24 giờ.")
    shot(w, "visit-08-next-steps")
    go_on(w, "sign")
    sign = w.page("sign")
    signature(sign.customer.pad, 0.3)
    signature(sign.collector.pad, 1.7)
    settle(500)
    shot(w, "visit-09-review-sign")


def finalize(w, screenshot=""):
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(lambda: w.finisher.question is not None)
    settle(200)
    if screenshot:
        shot(w.finisher.question, screenshot)
    w.finisher.question.button(w.finisher.question.StandardButton.Yes).click()


def vietnamese_visit():
    file, _ctx = pick("vi")
    w = start(file, Qt.Key.Key_N)
    plan_and_prepare(w)
    meet_and_listen(w)
    dispute_and_plan(w)
    next_steps_and_sign(w)
    finalize(w, "visit-10-finalize-confirm")
    wait(lambda: hasattr(w, "record_button"))  # "Finalized", with the record on offer
    w.close()
    wait(lambda: not win.launcher.windows)
    return file


def chinese_steps(w):
    keys("收回逾期貨款，確認具體付款日期")
    key(Qt.Key.Key_Tab, n=2)
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Space)
    go_on(w, "prepare")
    key(Qt.Key.Key_Space)
    tab_to(w.page("prepare").fields["balances_reviewed"])
    key(Qt.Key.Key_Space)
    tab_to(w.page("prepare").fields["promises_reviewed"])
    key(Qt.Key.Key_Space)
    go_on(w, "meet")
    key(Qt.Key.Key_Down)
    tab_to(w.page("meet").fields["purpose_stated"])
    key(Qt.Key.Key_Space)
    go_on(w, "listen")
    keys("C")
    key(Qt.Key.Key_Tab)
    keys("農曆年前資金需求大，年後付款較慢，希望先付一部分。")
    go_on(w, "resolve")


def chinese_resolve(w, ctx):
    resolve = w.page("resolve")
    amount = f"{min(ctx.open_balance().minor // 300, 3_000_000) / 100:.2f}"
    key(Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    wait(lambda: len(resolve.cards) == 1)
    settle(100)
    money = resolve.cards[0]
    keys(amount)
    money.method.setCurrentIndex(money.method.findData("post_dated_cheque"))
    money.method.activated.emit(money.method.currentIndex())
    tab_to(money.reference)
    keys("CHQ 0045123")
    key(Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    wait(lambda: len(resolve.cards) == 2)
    settle(100)
    promise = resolve.cards[1]
    keys(amount)
    promise.due_on.setFocus()
    promise.due_on.selectAll()
    keys((date.today() - timedelta(days=2)).strftime("%Y%m%d"))  # in the past: refused
    settle(600)
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(600)
    resolve.verticalScrollBar().setValue(0)
    shot(w, "visit-11-zh-resolve-refused")
    promise.due_on.setFocus()
    promise.due_on.selectAll()
    keys((date.today() + timedelta(days=10)).strftime("%Y%m%d"))
    settle(600)
    shot(w, "visit-12-zh-resolve-money-promise")


def chinese_visit(language):
    file, ctx = pick(language)
    w = start(file, Qt.Key.Key_N)
    chinese_steps(w)
    chinese_resolve(w, ctx)
    go_on(w, "next_steps")
    go_on(w, "sign")
    sign = w.page("sign")
    signature(sign.customer.pad, 2.2)
    signature(sign.collector.pad, 0.9)
    settle(500)
    shot(w, "visit-13-zh-review-sign")
    finalize(w)
    wait(lambda: hasattr(w, "done_label"))
    shot(w, "visit-14-zh-finalized-receipt")
    w.close()
    wait(lambda: not win.launcher.windows)
    return file


def show_customer(file):
    win.customer_view.open(file.customer.id)
    wait(lambda: win.customer_view.file.customer.id == file.customer.id)
    win.customer_view.tabs.setCurrentWidget(win.customer_view.visits)
    wait(lambda: win.customer_view.visits.model.rowCount() > 0)


def main_window_views(vi, zh):
    win.activateWindow()
    show_customer(vi)
    QTest.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    wait(lambda: win.follow_up_view.model.rowCount() > 0)
    shot(win, "visit-15-follow-ups-and-visits-tab")
    show_customer(zh)
    shot(win, "visit-16-zh-visits-tab")


def unfinished_call(file):
    """A call left unfinished: closed with Ctrl+W, then Visit › Unfinished visits…"""
    w = start(file, Qt.Key.Key_L)
    key(Qt.Key.Key_Space)
    tab_to(w.page("prepare").fields["late_reason"])
    keys("Khach hen goi lai chieu nay")
    settle(500)
    shot(w, "visit-17-call-prepare")
    key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    wait(lambda: not win.launcher.windows)
    win.activateWindow()
    win.drafts_action.trigger()
    wait(lambda: win.commands.recovery_dialog is not None
         and win.commands.recovery_dialog.isVisible())
    shot(win.commands.recovery_dialog, "visit-18-unfinished-visits")
    win.commands.recovery_dialog.reject()


wait(lambda: win.route_view.model.rowCount() > 0)
settle(500)
vietnamese = vietnamese_visit()
chinese = chinese_visit(sys.argv[3] if len(sys.argv) > 3 else "zh_TW")
main_window_views(vietnamese, chinese)
unfinished_call(vietnamese)
win.close()
store.close()
