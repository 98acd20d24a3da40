"""The office's import wizard driven page by page over a real office database and real exports:
the preview shows planted problems by line and column, importing writes, stopping writes
nothing, a saved mapping is offered next time, a summary offers opening balances."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QWizard

from fieldapp.domain.money import Money
from fieldapp.domain.receivables import PROBLEMS
from fieldapp.paths import Profile
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from fieldapp.ui.office.import_words import PROBLEMS as PROBLEM_WORDS
from fieldapp.ui.office.import_wizard import ImportWizard
from fieldapp.ui.office.window import OfficeWindow
from tests.unit.test_importers_decoding import cp1258
from tests.unit.test_importers_ibm_sample import SAMPLE
from tests.unit.test_importers_presets import ODOO, PLAIN, S31
from tests.unit.test_importers_xlsx import ROWS, workbook
from test_language_switch import problems as on_screen_problems
from test_language_switch import PseudoTranslator

TODAY = date(2025, 6, 2)
NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def office(tmp_path):
    store = open_store(tmp_path / "office.db")
    yield build(store, TODAY, "supervisor")
    store.close()


@pytest.fixture
def window(qtbot, office, tmp_path):
    win = OfficeWindow(office, Profile(tmp_path / "profile").ensure())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()  # stops the task manager before the store closes


def write(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def open_wizard(qtbot, window, file: Path) -> ImportWizard:
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.page(wizard.FILE).path.setText(str(file))
    assert wizard.button(NEXT).isEnabled()
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    source = wizard.page(wizard.SOURCE)
    qtbot.waitUntil(lambda: source.found.text() and not source._reading, timeout=10000)
    return wizard


def to_preview(qtbot, wizard):
    """Source → columns → preview, waiting for the whole file to be read."""
    if wizard.currentId() == wizard.SOURCE:
        wizard.next()
    assert wizard.currentId() == wizard.MAPPING
    wizard.next()
    page = wizard.page(wizard.PREVIEW)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    return page


def import_now(qtbot, wizard):
    assert wizard.button(COMMIT).isEnabled()
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    page = wizard.page(wizard.RUN)
    qtbot.waitUntil(page.isComplete, timeout=30000)
    return page


def invoices_of(office, code: str):
    rows = [r for r in office.customers.search(code).rows if r.code == code]
    if not rows:
        return {}
    return {i.number: i for i in office.customers.open_customer(rows[0].id).invoices}


def test_the_misa_ledger_in_cp1258_shows_its_planted_rows_then_imports_the_good_ones(
        qtbot, window, office, tmp_path):
    published = []
    window.changed.connect(published.append)
    wizard = open_wizard(qtbot, window, write(tmp_path, "s31.csv", cp1258(S31)))
    source = wizard.page(wizard.SOURCE)
    assert "MISA – customer ledger (S31-DN)" in source.found.text()
    assert "Windows-1258" in source.found.text()
    wizard.next()
    mapping = wizard.page(wizard.MAPPING)
    assert mapping.columns["document_no"].currentText() == "chứng từ/số hiệu"
    assert mapping.dates.currentData() == "dmy" and mapping.numbers.currentData() == "comma"
    assert "customer is read from the line above it" in mapping.status.text()
    preview = to_preview(qtbot, wizard)
    shown = [(preview.problems.index(r, 0).data(), preview.problems.index(r, 1).data(),
              preview.problems.index(r, 2).data()) for r in range(preview.problems.rowCount())]
    assert shown == [(15, "chứng từ/ngày tháng", "“31/02/2025” is not a date."),
                     (16, "số phát sinh/nợ", "“1.000,5” has more decimals than VND allows.")]
    assert [preview.rows.record(r).document_no for r in range(preview.rows.rowCount())] == [
        "", "HD0001", "PT0001", "HD0002"]
    assert preview.refusal.text().startswith("2 rows have problems (listed above).")
    assert not wizard.button(COMMIT).isEnabled()  # refused whole unless the bad rows are skipped
    assert preview.skip_bad.isVisibleTo(wizard)
    preview.skip_bad.setChecked(True)
    run = import_now(qtbot, wizard)
    assert "The receivables were imported." in run.outcome.text()
    assert run.skipped.rowCount() == 2 and run.skipped_table.isVisibleTo(wizard)
    written = invoices_of(office, "KH001")
    assert written["HD0001"].amount == Money(11_000_000, "VND")
    assert written["HD0002"].amount == Money(2_500_000, "VND")
    assert "HD0003" not in written and "HD0004" not in written
    assert [c.source for c in published] == [wizard]
    assert wizard.button(FINISH).isEnabled()
    assert office.kpis.refresh() == set()  # the dashboard's sums were made by the import


@pytest.mark.skipif(not SAMPLE.exists(), reason="the IBM sample is not beside the checkout")
def test_the_ibm_sample_imports_every_invoice_and_reports_the_counts(qtbot, window, office):
    wizard = open_wizard(qtbot, window, SAMPLE)
    assert "Invoice list with settlement dates" in wizard.page(wizard.SOURCE).found.text()
    wizard.next()
    preview = to_preview(qtbot, wizard)
    assert preview.problems.rowCount() == 0 and not preview.problems_box.isVisibleTo(wizard)
    assert "Data rows: 2,466 · Customers: 100 · Invoices: 2,466" in preview.summary.text()
    run = import_now(qtbot, wizard)
    assert "Invoices: 2,466 new" in run.outcome.text()
    assert office.customers.count_customers() == 100


def big_plain_file(tmp_path, rows: int) -> Path:
    lines = ["Customer code,Customer name,Invoice,Invoice date,Due date,Amount,Currency"]
    lines += [f"C{i % 50},Customer {i % 50},INV-{i},13/05/2025,12/06/2025,{i}.50,USD"
              for i in range(rows)]
    return write(tmp_path, "big.csv", ("\r\n".join(lines) + "\r\n").encode())


def test_stopping_the_import_writes_nothing(qtbot, window, office, tmp_path):
    wizard = open_wizard(qtbot, window, big_plain_file(tmp_path, 30_000))
    wizard.next()
    to_preview(qtbot, wizard)
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    run = wizard.page(wizard.RUN)
    assert run.strip.isVisibleTo(wizard)
    qtbot.mouseClick(run.strip.cancel, Qt.MouseButton.LeftButton)  # before any row is written
    qtbot.waitUntil(run.isComplete, timeout=30000)
    assert run.outcome.text() == "The import was stopped. Nothing was written."
    assert office.customers.count_customers() == 0
    assert run.again.isVisibleTo(wizard)
    qtbot.mouseClick(run.again, Qt.MouseButton.LeftButton)  # no way back: the same, again
    qtbot.waitUntil(lambda: run.isComplete() and run.report is not None, timeout=30000)
    assert "Invoices: 30,000 new" in run.outcome.text() and not run.again.isVisibleTo(wizard)
    assert office.customers.count_customers() == 50


def test_cancel_during_the_import_stops_it_before_closing(qtbot, window, office, tmp_path):
    wizard = open_wizard(qtbot, window, big_plain_file(tmp_path, 30_000))
    wizard.next()
    to_preview(qtbot, wizard)
    qtbot.mouseClick(wizard.button(COMMIT), Qt.MouseButton.LeftButton)
    wizard.reject()
    assert wizard.isVisible()  # closes only once the import has stopped
    qtbot.waitUntil(lambda: window.findChild(ImportWizard) is None, timeout=30000)
    assert office.customers.count_customers() == 0


def test_back_while_the_preview_reads_then_forward_reads_it_whole(qtbot, window, tmp_path):
    wizard = open_wizard(qtbot, window, big_plain_file(tmp_path, 30_000))
    wizard.next()
    wizard.next()
    preview = wizard.page(wizard.PREVIEW)
    assert preview.strip.running
    wizard.back()  # stops the reading; what it would still deliver is dropped
    assert wizard.currentId() == wizard.MAPPING
    wizard.next()
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=30000)
    assert not preview.preview.cancelled and preview.preview.result.rows == 30_000
    qtbot.waitUntil(lambda: not preview.strip.running and wizard.button(COMMIT).isEnabled())


UNKNOWN = ("Khách,Số HĐ,Ngày HĐ,Còn nợ\r\n"
           "KH9,HD9,02/03/2025,1.500.000\r\n"
           "KH9,HD10,05/03/2025,250.000\r\n").encode()


def test_a_mapping_saved_as_a_source_is_offered_next_time(qtbot, window, office, tmp_path):
    file = write(tmp_path, "mine.csv", UNKNOWN)
    wizard = open_wizard(qtbot, window, file)
    assert "No known export has these columns" in wizard.page(wizard.SOURCE).found.text()
    wizard.next()
    mapping = wizard.page(wizard.MAPPING)
    assert not wizard.button(NEXT).isEnabled()
    assert mapping.status.text() == "Choose the column of the customer code or name."
    for field, label in (("customer_code", "khách"), ("document_no", "số hđ"),
                         ("document_date", "ngày hđ"), ("amount", "còn nợ")):
        combo = mapping.columns[field]
        combo.setCurrentIndex(combo.findText(label))
    mapping.dates.setCurrentIndex(mapping.dates.findData("dmy"))
    mapping.numbers.setCurrentIndex(mapping.numbers.findData("comma"))
    mapping.currency.setCurrentText("VND")
    assert wizard.button(NEXT).isEnabled()
    def name_it():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Kế toán Hà Nội")
        dialog.accept()

    QTimer.singleShot(0, name_it)  # the name dialog is modal: answer it once it is up
    qtbot.mouseClick(mapping.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved as “Kế toán Hà Nội”" in mapping.status.text())
    preview = to_preview(qtbot, wizard)
    assert preview.problems.rowCount() == 0
    assert preview.rows.record(0).amount == Money(1_500_000, "VND")
    wizard.reject()

    again = open_wizard(qtbot, window, write(tmp_path, "next.csv", UNKNOWN))
    source = again.page(again.SOURCE)
    assert "Found: Kế toán Hà Nội (saved)." in source.found.text()
    assert source.choice.findData("saved:Kế toán Hà Nội") > 0
    again.next()
    assert again.page(again.MAPPING).columns["amount"].currentText() == "còn nợ"
    assert again.page(again.MAPPING).currency.currentText() == "VND"
    preview = to_preview(qtbot, again)
    assert preview.rows.record(1).document_no == "HD10"
    import_now(qtbot, again)
    assert set(invoices_of(office, "KH9")) == {"HD9", "HD10"}


def test_a_summary_only_report_offers_opening_balances(qtbot, window, office, tmp_path):
    wizard = open_wizard(qtbot, window, write(tmp_path, "aged.csv", ODOO.encode("utf-8-sig")))
    preview = to_preview(qtbot, wizard)
    assert "The report is dated May 31, 2025." in wizard.page(wizard.SOURCE).found.text()
    assert "one line per customer and no invoices" in preview.summary.text()
    assert preview.opening.isVisibleTo(wizard) and not preview.skip_bad.isVisibleTo(wizard)
    assert preview.opening_on.date().toPython() == date(2025, 5, 31)  # the report's own date
    assert not wizard.button(COMMIT).isEnabled()
    preview.opening.setChecked(True)
    assert wizard.button(COMMIT).isEnabled() and preview.refusal.text() == ""
    preview.opening_on.setDate(QDate(2025, 4, 30))  # the day the balances are loaded on
    run = import_now(qtbot, wizard)
    assert "The receivables were imported." in run.outcome.text()
    assert office.customers.count_customers() == 2
    opening = invoices_of(office, "Công ty Đông Á")
    assert [(i.issued_on, i.amount, i.open_balance) for i in opening.values()] == [
        (date(2025, 4, 30), Money(150000, "USD"), Money(150000, "USD"))]


def test_choosing_another_source_rereads_the_header(qtbot, window, tmp_path):
    wizard = open_wizard(qtbot, window, write(tmp_path, "plain.csv", PLAIN.encode()))
    source = wizard.page(wizard.SOURCE)
    assert "Plain invoice list" in source.found.text()
    source.choice.setCurrentIndex(source.choice.findData("digiwin"))
    source.choice.activated.emit(source.choice.currentIndex())
    qtbot.waitUntil(lambda: not source._reading and "were not found" in source.found.text())
    assert "Digiwin – receivables statement" in source.found.text()
    wizard.next()
    mapping = wizard.page(wizard.MAPPING)
    assert mapping.dates.currentData() == "roc" and mapping.currency.currentText() == "TWD"
    assert mapping.columns["customer_code"].currentIndex() == 0  # to be chosen by hand


def test_the_keyboard_alone_goes_from_the_file_to_the_preview(qtbot, window, tmp_path):
    file = write(tmp_path, "plain.csv", PLAIN.encode())
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.isActiveWindow)
    path = wizard.page(wizard.FILE).path
    qtbot.waitUntil(path.hasFocus)
    qtbot.keyClicks(path, str(file))
    qtbot.keyClick(path, Qt.Key.Key_Return)  # the default button: Next
    source = wizard.page(wizard.SOURCE)
    assert wizard.currentId() == wizard.SOURCE and source.choice.hasFocus()
    qtbot.waitUntil(source.isComplete, timeout=10000)
    qtbot.keyClick(source.choice, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.MAPPING)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.PREVIEW)
    preview = wizard.page(wizard.PREVIEW)
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10000)
    assert preview.problems.rowCount() == 3
    preview.skip_bad.setFocus()
    qtbot.keyClick(preview.skip_bad, Qt.Key.Key_Space)
    assert preview.skip_bad.isChecked() and wizard.button(COMMIT).isEnabled()


def test_a_file_dropped_on_the_first_page_is_taken(qtbot, window, tmp_path):
    file = write(tmp_path, "dropped.csv", PLAIN.encode())
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page(wizard.FILE)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(file))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    assert page.path.text() == str(file) and wizard.button(NEXT).isEnabled()
    assert wizard.settings.value("import/last_folder") == str(tmp_path)


def test_a_misa_workbook_shows_its_examples_and_its_bad_date(qtbot, window, office, tmp_path):
    wizard = open_wizard(qtbot, window, write(tmp_path, "congno.xlsx", workbook(ROWS)))
    source = wizard.page(wizard.SOURCE)
    assert "MISA – customer ledger (S31-DN)" in source.found.text()
    assert "An Excel workbook with 7 columns." in source.found.text()
    wizard.next()
    mapping = wizard.page(wizard.MAPPING)
    row = list(mapping.columns).index("customer_code")
    assert mapping.table.item(row, 2).text() == "KH001"
    preview = to_preview(qtbot, wizard)
    assert [(p.line, p.column) for p in preview.problems.records()] == [(8, "ngày chứng từ")]
    preview.skip_bad.setChecked(True)
    import_now(qtbot, wizard)
    assert set(invoices_of(office, "KH002")) == {"HD0002"}


def test_a_zip_bomb_named_like_a_workbook_is_refused_with_its_reason(qtbot, window, office,
                                                                    tmp_path):
    bomb = workbook(ROWS[:5], extra=[("xl/media/image1.png", b"\0" * (50 << 20))])
    wizard = open_wizard(qtbot, window, write(tmp_path, "ar.xlsx", bomb))
    assert "The workbook was refused as unsafe" in wizard.page(wizard.SOURCE).found.text()
    assert not wizard.button(NEXT).isEnabled()


def test_an_unreadable_file_is_refused_on_the_source_page_with_its_reason(qtbot, window,
                                                                           tmp_path):
    wizard = open_wizard(qtbot, window, write(tmp_path, "old.xls",
                                              b"\xd0\xcf\x11\xe0" + b"\0" * 600))
    assert "old Excel .xls file" in wizard.page(wizard.SOURCE).found.text()
    assert not wizard.button(NEXT).isEnabled()


def test_the_wizard_size_is_remembered(qtbot, window):
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.resize(701, 555)
    wizard.reject()
    again = ImportWizard(window)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (701, 555)


def placeholders_of(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)", text))


def test_every_row_problem_has_words_with_only_its_own_arguments():
    assert set(PROBLEM_WORDS) >= set(PROBLEMS)
    for code, words in PROBLEM_WORDS.items():
        assert set(placeholders_of(words)) <= set(placeholders_of(PROBLEMS.get(code, ""))), code


def test_every_page_speaks_the_ui_language(qtbot, qapp, window, tmp_path):
    """Switched live to a pseudo-translation, no English is left bare on any page (Qt's own
    wizard buttons come from Qt's translations) and no label is clipped."""
    wizard = open_wizard(qtbot, window, write(tmp_path, "s31.csv", cp1258(S31)))
    translator = PseudoTranslator(qapp)
    qapp.installTranslator(translator)
    try:
        walk_pages(qtbot, wizard)
    finally:
        qapp.removeTranslator(translator)


def walk_pages(qtbot, wizard):
    wizard.resize(1200, 800)
    qt_own = {wizard.button(b).text() for b in (QWizard.WizardButton.BackButton, NEXT, FINISH,
                                               QWizard.WizardButton.CancelButton)}

    def settled():
        """Layouts catch up with new texts on later turns of the event loop."""
        try:
            qtbot.waitUntil(lambda: bare() == [], timeout=1000)
        except qtbot.TimeoutError:
            pass
        assert bare() == []

    def bare():
        return [p for p in on_screen_problems(wizard) if not any(
            p.endswith(f": {t!r}") for t in qt_own)]

    settled()
    wizard.next()
    settled()
    preview = to_preview(qtbot, wizard)
    assert preview.problems.rowCount() == 2
    settled()
    preview.skip_bad.setChecked(True)
    import_now(qtbot, wizard)
    settled()


def test_file_import_receivables_opens_the_wizard_on_its_first_page(qtbot, window):
    window.import_action.trigger()
    wizard = window.findChild(ImportWizard)
    qtbot.waitUntil(lambda: wizard is not None and wizard.isVisible())
    assert wizard.currentId() == wizard.FILE and not wizard.button(NEXT).isEnabled()
    assert wizard.windowTitle() == "Import receivables"
    wizard.reject()
    qtbot.waitUntil(lambda: window.findChild(ImportWizard) is None)  # not kept after closing
