"""Print › agreements and statements in the office window, as a supervisor uses it: choose, build
in the background, preview with the page count, print through a real QPrinter to a PDF file,
save; a wrong passphrase and an empty choice are said, and nothing is previewed."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.office.print_dialog import BY_CODES, BY_ROUTE, STATEMENTS
from fieldapp.ui.office.window import OfficeWindow
from tests import print_data
from tests.conftest import set_zone
from tests.print_data import DAY, NAMES, PASSPHRASE

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")


@pytest.fixture
def window(qtbot, tmp_path):
    profile = Profile(tmp_path / "office").ensure()
    store = open_store(profile.office_database)
    set_zone(store)
    made = print_data.build(store, profile.home)
    win = OfficeWindow(build(store, today=DAY + timedelta(days=1), actor="test"), profile)
    qtbot.addWidget(win)
    yield win, made
    win.close()
    store.close()


def answer(passphrase: str | None, tries=500) -> None:
    """Type ``passphrase`` into the passphrase box the next action opens (None: Cancel)."""
    def look(left):
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog):
            if passphrase is None:
                box.reject()
            else:
                box.setTextValue(passphrase)
                box.accept()
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))
    QTimer.singleShot(0, lambda: look(tries))


def close_message(tries=500) -> None:
    def look(left):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.accept()
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))
    QTimer.singleShot(0, lambda: look(tries))


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(x for x in out.stdout.splitlines() if x.startswith("Pages:")).split()[1])


@needs_poppler
def test_the_days_agreements_previewed_printed_and_saved(qtbot, window, tmp_path):
    win, made = window
    win.print_agreements_action.trigger()
    dialog = win.print_dialog
    qtbot.waitUntil(lambda: dialog.route_box.count() == 3)  # every customer, Lan, Minh
    dialog.day_edit.setDate(DAY)
    answer(PASSPHRASE)
    with qtbot.waitSignal(dialog.built, timeout=60_000) as got:
        dialog.preview_button.click()
    printed = got.args[0]
    assert printed.documents == 4 and printed.customers == 4
    preview = dialog.preview
    assert preview.isVisible() and preview.document.pageCount() == printed.pages
    assert str(printed.pages) in preview.count_label.text()
    assert win.sync.passphrase == PASSPHRASE  # asked once for the session
    # Print through a real printer writing a PDF, at the printer's resolution.
    out = tmp_path / "printed.pdf"
    printer = preview.make_printer()
    assert printer.resolution() == 300
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert preview.print_to(printer) == printed.pages
    assert pdf_pages(out) == printed.pages
    saved = tmp_path / "saved.pdf"
    assert preview.save_to(saved) and saved.read_bytes() == printed.data
    text = subprocess.run(["pdftotext", "-f", str(printed.starts[1]), "-l",
                           str(printed.starts[1]), str(saved), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert NAMES["zh_TW"] in text and "分期付款協議書" in text


def test_statements_of_chosen_codes_without_asking_twice(qtbot, window):
    win, made = window
    win.sync.passphrase = PASSPHRASE  # given already this session (a sync)
    dialog = win.open_print_dialog(STATEMENTS)
    assert dialog.pages.currentIndex() == STATEMENTS
    dialog.group_box.setCurrentIndex(BY_CODES)
    assert dialog.codes_edit.isVisibleTo(dialog) and not dialog.collector_box.isVisibleTo(dialog)
    dialog.codes_edit.setText(f"{made.codes['en']}, {made.codes['zh_CN']}")
    with qtbot.waitSignal(dialog.built, timeout=60_000) as got:
        dialog.preview_button.click()
    assert got.args[0].names == (NAMES["en"], NAMES["zh_CN"])
    assert dialog.preview.document.pageCount() == got.args[0].pages


def test_nothing_to_print_and_a_wrong_passphrase_are_said(qtbot, window):
    win, made = window
    dialog = win.open_print_dialog(0)
    qtbot.waitUntil(lambda: dialog.route_box.count() == 3)
    dialog.day_edit.setDate(DAY + timedelta(days=3))
    win.sync.passphrase = PASSPHRASE
    close_message()
    with qtbot.waitSignal(dialog.refused, timeout=30_000) as got:
        dialog.preview_button.click()
    assert "nothing to print" in got.args[0].lower() and dialog.preview is None
    dialog.day_edit.setDate(DAY)
    win.sync.passphrase = None
    answer("not the passphrase")
    close_message()
    with qtbot.waitSignal(dialog.refused, timeout=30_000) as got:
        dialog.preview_button.click()
    assert "passphrase" in got.args[0] and dialog.preview is None
    assert win.sync.passphrase is None  # asked again next time
    assert dialog.preview_button.isEnabled()


def test_without_a_profile_there_is_nothing_to_sign_with(qtbot, tmp_path):
    store = open_store(tmp_path / "office.db")
    set_zone(store)
    win = OfficeWindow(build(store, today=DAY, actor="test"), None)
    qtbot.addWidget(win)
    assert not win.print_agreements_action.isEnabled()
    assert not win.print_statements_action.isEnabled()
    win.close()
    store.close()


def test_cancel_while_building_previews_nothing(qtbot, window):
    win, made = window
    win.sync.passphrase = PASSPHRASE
    dialog = win.open_print_dialog(0)
    dialog.day_edit.setDate(DAY)
    dialog.preview_button.click()
    assert dialog.task is not None and not dialog.preview_button.isEnabled()
    dialog.task.cancel()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.preview is None and dialog.preview_button.isEnabled()


def test_every_text_of_the_dialog_and_preview_comes_through_translation(qtbot, window, qapp):
    from test_language_switch import PseudoTranslator, problems, settle

    win, made = window
    win.sync.passphrase = PASSPHRASE
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    try:
        dialog = win.open_print_dialog(0)
        qtbot.waitUntil(lambda: dialog.route_box.count() == 3)
        dialog.day_edit.setDate(DAY)
        settle(qtbot, dialog)
        assert problems(dialog) == []
        with qtbot.waitSignal(dialog.built, timeout=60_000):
            dialog.preview_button.click()
        settle(qtbot, dialog.preview)
        assert problems(dialog.preview) == []
    finally:
        qapp.removeTranslator(translator)


def test_statements_of_a_route_from_the_routes_tab(qtbot, window):
    win, made = window
    win.sync.passphrase = PASSPHRASE
    view = win.routes
    qtbot.waitUntil(lambda: view.collector_box.count() == 2)
    with qtbot.waitSignal(view.loaded):
        view.day_edit.setDate(DAY)
    if view.collector_box.currentText() != "Lan":
        with qtbot.waitSignal(view.loaded):
            view.collector_box.setCurrentIndex(view.collector_box.findText("Lan"))
    assert view.statements_button.isEnabled()
    view.statements_button.click()
    dialog = win.print_dialog
    qtbot.waitUntil(lambda: dialog.collector_box.currentData() == "Lan")
    assert dialog.group_box.currentIndex() == BY_ROUTE
    assert dialog.route_day_edit.date().toPython() == DAY
    with qtbot.waitSignal(dialog.built, timeout=60_000) as got:
        dialog.preview_button.click()
    assert got.args[0].names == (NAMES["zh_TW"], NAMES["vi"])  # in visiting order
