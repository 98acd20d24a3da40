"""Languages on screen: a pseudo-translation finds no English left, live switching, typed dates."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, Qt, QTranslator
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
                               QGroupBox, QLabel,
                               QLineEdit, QMainWindow, QPlainTextEdit, QTabBar, QTableView,
                               QTextEdit, QTreeView, QWidget)

from fieldapp.domain.visit import OutcomeKind, VisitKind
from fieldapp.services.checklists import checklist
from fieldapp.services import settings as cfg
from fieldapp.services.documents import DocumentKind
from fieldapp.ui import formats, language
from fieldapp.ui.date_edit import DateEdit

from conftest import show_main_window
from visit_helpers import wait_active

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "［", "］"


def our_contexts() -> set[str]:
    root = ET.parse(ROOT / "translations" / "fieldapp_en.ts").getroot()
    return {c.findtext("name") for c in root.iter("context")}


class PseudoTranslator(QTranslator):
    """Every string of ours wrapped and lengthened (Vorta's TRANS_SCALE): what is left bare was
    never translated, and what is clipped will be clipped in a longer language too. Qt's own
    contexts are left alone ("Ctrl" must still parse in QKeySequence)."""

    contexts = our_contexts()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        if not source or context not in self.contexts:
            return ""  # no translation: Qt shows the source
        return f"{OPEN}{source}~~~{CLOSE}"

    def isEmpty(self):  # noqa: N802
        return False


@pytest.fixture
def pseudo(qapp):
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def source_words() -> set[str]:
    """Words of the English window strings: the only English a widget could leave bare."""
    root = ET.parse(ROOT / "translations" / "fieldapp_en.ts").getroot()
    words = set()
    for source in root.iter("source"):
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", source.text or "")}
    return words - {"fieldapp"}  # the program's name is no English


WORDS = source_words()


def checklist_texts() -> list[str]:
    """The checklists' own wording (resources/, in every UI language, chosen by
    formats.ui_language()): no Qt translation reaches it, the live-switch test covers it."""
    texts = []
    for kind in VisitKind:
        steps = checklist(kind.value).steps
        texts += [s.title["en"] for s in steps] + [s.hint.get("en", "") for s in steps]
        for item in (i for s in steps for i in s.items):
            texts += [item.text("en")] + [o.label["en"] for o in item.options]
    return sorted({t for t in texts if t}, key=len, reverse=True)


CHECKLIST = checklist_texts()


def bare_english(text: str) -> list[str]:
    """English words of ``text`` outside the pseudo brackets (data like names is no English)."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    plain = re.sub(f"{OPEN}.*?{CLOSE}", " ", plain, flags=re.S)
    for known in CHECKLIST:
        plain = plain.replace(known, " ")
    return [w for w in re.findall(r"[A-Za-z]{3,}", plain) if w.lower() in WORDS]


def texts_of(widget: QWidget):
    """(what, text) for every text a person reads on ``widget``."""
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    if isinstance(widget, QAbstractButton):
        yield "button", widget.text()
        yield "tooltip", widget.toolTip()
    if isinstance(widget, QGroupBox):
        yield "group", widget.title()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox) and widget.objectName() != "languageBox":
        for i in range(widget.count()):
            yield "choice", widget.itemText(i)
    if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        model = widget.model()
        for col in range(model.columnCount(QModelIndex())):
            yield "header", str(model.headerData(col, Qt.Orientation.Horizontal) or "")
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield "menu", action.text()
            menu = action.menu()
            for item in menu.actions() if menu else ():
                yield "menu item", item.text()


def qt_standard_button(widget: QWidget) -> bool:
    """OK/Cancel of a QDialogButtonBox: Qt's own words, from qtbase_<language>.qm."""
    box = widget.parent()
    return isinstance(box, QDialogButtonBox) and isinstance(widget, QAbstractButton) and \
        box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton


def clipped(label: QLabel) -> bool:
    text = label.text()
    if (not text or label.wordWrap() or "\n" in text or GuiQt.mightBeRichText(text)
            or label.pixmap() is not None and not label.pixmap().isNull()):
        return False
    if label.buddy() is not None:  # '&File:' shows as 'File:' with F underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width() + 1


def problems(window: QWidget) -> list[str]:
    found = [f"window title: {window.windowTitle()!r}"] if bare_english(window.windowTitle()) else []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or not widget.isVisibleTo(window) and widget is not window:
            continue  # hidden, or another window (a visit window is the main window's child)
        if qt_standard_button(widget):
            continue
        for what, text in texts_of(widget):
            if text and bare_english(text):
                found.append(f"{type(widget).__name__} {what}: {text!r}")
        if isinstance(widget, QLabel) and widget.isVisible() and clipped(widget):
            found.append(f"clipped {widget.objectName() or 'label'}: {widget.text()!r}")
    return found


def clipped_labels(window: QWidget) -> list[QLabel]:
    return [w for w in window.findChildren(QLabel) if w.isVisible() and clipped(w)]


def settle(qtbot, window) -> None:
    """Until layouts have caught up with texts set just now (they run on later event-loop
    turns); a label still clipped after that is reported."""
    if not isinstance(window, QMainWindow):
        window.adjustSize()
    try:
        qtbot.waitUntil(lambda: not clipped_labels(window), timeout=1000)
    except qtbot.TimeoutError:
        pass


def open_everything(qtbot, services, profile):
    """The main window on a customer, the settings, a visit with every outcome card and the
    document viewer, all open at once."""
    from fieldapp.ui.documents.viewer import DocumentViewer

    win = show_main_window(qtbot, services, profile)
    win.resize(1400, 900)
    cid, info = next((c, d) for c in range(1, 81)
                     if services.portfolio.open_customer(c).customer.language.value == "vi"
                     for d in services.documents.of_customer(c)
                     if d.kind is DocumentKind.VISIT_RECORD)
    with qtbot.waitSignal(win.customer_view.file_shown, timeout=5000):
        win.customer_view.open(cid)
    with qtbot.waitSignal(win.launcher.opened, timeout=5000) as opened:
        win.start_visit_action.trigger()
    visit = opened.args[0]
    qtbot.waitUntil(lambda: visit.session.errors != {}, timeout=5000)
    visit.resize(1300, 900)
    for page in visit.pages:
        if hasattr(page, "add_buttons"):
            for kind in OutcomeKind:
                page.add(kind, focus=False)
    viewer = DocumentViewer(info, services.documents.pdf(info.id), profile.settings_file,
                            "Khách hàng")
    qtbot.addWidget(viewer)
    viewer.show()
    win.settings_action.trigger()
    qtbot.waitUntil(lambda: win.commands.settings_dialog is not None, timeout=5000)
    return win, visit, viewer, win.commands.settings_dialog


def walk(qtbot, win, visit, viewer, dialog) -> str:
    """Every screen in turn; the problems found, one per line."""
    report = {}
    for i in range(win.customer_view.tabs.count()):
        win.customer_view.tabs.setCurrentIndex(i)
        settle(qtbot, win)
        report[f"customer tab {i}"] = problems(win)
    with qtbot.waitSignal(win.follow_up_view.loaded, timeout=5000):
        win.follow_up_view.reload()
    win.show_follow_ups()
    settle(qtbot, win)
    report["follow-ups"] = problems(win)
    win.show_route()
    settle(qtbot, win)
    report["route"] = problems(win)
    settle(qtbot, dialog)
    report["settings"] = problems(dialog)
    for index, step in enumerate(visit.setup.checklist.steps):
        visit.navigator._show(index)
        settle(qtbot, visit)
        report[f"visit step {step.id}"] = problems(visit)
    settle(qtbot, viewer)
    report["document viewer"] = problems(viewer)
    return "\n".join(f"{where}: {item}" for where, found in report.items() for item in found)


def test_pseudo_translation_leaves_no_english_and_clips_nothing(qtbot, pseudo, live_services,
                                                                profile):
    """Translated before the windows open: every text was extracted and is looked up."""
    left = walk(qtbot, *open_everything(qtbot, live_services, profile))
    assert not left, left


def test_every_open_window_retranslates_at_once(qtbot, live_services, profile):
    """Opened in English, then the language changes: nothing may stay as it was."""
    windows = open_everything(qtbot, live_services, profile)
    app = QApplication.instance()
    pseudo = PseudoTranslator(app)
    app.installTranslator(pseudo)
    try:
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))  # see below
        qtbot.waitUntil(lambda: windows[0].file_menu.title().startswith(OPEN), timeout=2000)
        left = walk(qtbot, *windows)
    finally:
        app.removeTranslator(pseudo)
    assert not left, left


def test_switching_the_language_in_settings_retranslates_open_windows_at_once(
        qtbot, live_window, live_services):
    """Settings › Language: the route's date, the menus and an open visit window change
    without a restart."""
    win = live_window
    subtitle = win.route_view._subtitle
    cid = next(c for c in range(1, 81)
               if live_services.portfolio.open_customer(c).customer.language.value == "vi")
    with qtbot.waitSignal(win.customer_view.file_shown, timeout=5000):
        win.customer_view.open(cid)
    with qtbot.waitSignal(win.launcher.opened, timeout=5000) as opened:
        win.start_visit_action.trigger()
    visit = opened.args[0]
    qtbot.waitUntil(lambda: visit.session.errors != {}, timeout=5000)
    visit.navigator._show(len(visit.pages) - 1)  # the signatures: a Vietnamese title
    assert visit.sign_page().collector.title_edit.text() == "Nhân viên thu hồi nợ"
    visit.navigator._show(0)
    first_step = visit.setup.checklist.steps[0].title
    assert first_step["en"] in visit.step_title.text()
    dates = [e for e in visit.findChildren(DateEdit)]
    assert dates and all(re.fullmatch(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?", e.text()) for e in dates)
    before = subtitle.text()
    assert "2025" in before and "June" in before  # English long date
    win.settings_action.trigger()
    qtbot.waitUntil(lambda: win.commands.settings_dialog is not None, timeout=5000)
    dialog = win.commands.settings_dialog
    box = dialog.editors[cfg.UI_LANGUAGE]
    box.setCurrentIndex(box.findData("vi"))
    try:
        dialog.accept()
        qtbot.waitUntil(lambda: live_services.settings.get(cfg.UI_LANGUAGE) == "vi", timeout=5000)
        assert formats.ui_language() == "vi"
        # Qt posts LanguageChange to each window: it lands on the next turn of the event loop.
        qtbot.waitUntil(lambda: "tháng 6" in subtitle.text(), timeout=2000)  # Thứ Hai, 30 tháng 6
        qtbot.waitUntil(lambda: first_step["vi"] in visit.step_title.text(), timeout=2000)
        assert all(re.fullmatch(r"\d\d/\d\d/\d{4}( \d\d:\d\d)?", e.text()) for e in dates)
        # Any installed translation reaches every open window: the pseudo one shows it.
        app = QApplication.instance()
        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)
        try:
            # PySide6 does not reach a Python isEmpty(), so Qt sends no LanguageChange for a
            # Python translator: send it as installing a real .qm does (it reaches the
            # windows on the next turn of the event loop).
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
            qtbot.waitUntil(lambda: win.file_menu.title().startswith(OPEN), timeout=2000)
            assert win.route_view._title.text().startswith(OPEN)
        finally:
            app.removeTranslator(pseudo)
        qtbot.waitUntil(lambda: not win.file_menu.title().startswith(OPEN), timeout=2000)
    finally:
        language.uninstall(QApplication.instance())


@pytest.mark.parametrize("lang, typed, shown", [
    ("vi", "6/12/2026", "06/12/2026"),
    ("vi", "06/12/2026", "06/12/2026"),
    ("zh_TW", "2026/12/06", "2026/12/06"),
    ("zh_CN", "2026-12-6", "2026-12-06"),
    ("en", "2026-12-06", "2026-12-06"),
])
def test_date_editors_round_trip_typed_dates_in_each_language(qtbot, lang, typed, shown):
    formats.set_ui_language(lang)
    try:
        edit = DateEdit()
        qtbot.addWidget(edit)
        edit.setDate(QDate(2025, 11, 15))
        edit.show()
        edit.setFocus()
        edit.selectAll()
        with qtbot.waitSignal(edit.dateChanged, timeout=1000):
            qtbot.keyClicks(edit, typed)
        edit.editingFinished.emit()
        assert edit.date().toPython() == date(2026, 12, 6)
        assert edit.text() == shown
        edit.setDate(date(2027, 1, 31))
        assert edit.text() == shown.replace("06", "31").replace("12", "01").replace("2026", "2027")
    finally:
        formats.set_ui_language("en")


def test_a_typed_date_is_never_silently_changed(qtbot):
    """The old QDateEdit turned 12/15/2026 typed over 11/15/2025 into 11/15/2026."""
    formats.set_ui_language("vi")
    try:
        edit = DateEdit()
        qtbot.addWidget(edit)
        edit.setDate(date(2025, 11, 15))
        edit.show()
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, "15/12/2026")
        assert edit.date().toPython() == date(2026, 12, 15)
        edit.selectAll()
        qtbot.keyClicks(edit, "12/15/2026")  # month 15: not a date, and not another date either
        edit.editingFinished.emit()
        assert edit.text() == "12/15/2026"
        assert not edit.is_acceptable() and "06/12/2026" in edit.toolTip()
        assert edit.date().toPython() == date(2026, 12, 15)  # the last good one, still shown red
    finally:
        formats.set_ui_language("en")


@pytest.mark.parametrize("system, expected", [
    ("vi_VN.UTF-8", "vi"), ("zh_TW.UTF-8", "zh_TW"), ("zh_HK.UTF-8", "zh_TW"),
    ("zh_CN.UTF-8", "zh_CN"), ("de_DE.UTF-8", "en"), ("C", "en"),
])
def test_the_first_start_follows_the_system_locale(system, expected):
    """No language chosen yet: the window speaks the system's language, else English."""
    env = {"PATH": os.environ.get("PATH", ""), "LANG": system, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT), "HOME": os.environ.get("HOME", "/tmp")}
    code = ("from fieldapp.ui import app, formats, language\n"
            "app.make_app([], None)\n"
            "print(language.resolve(''), formats.ui_language())")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [expected, expected]
