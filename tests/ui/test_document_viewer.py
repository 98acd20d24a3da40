"""Documents on screen and on paper: the viewer, printing to a PDF file, the Documents tab,
a statement made on demand, an agreement for ink, and a day's agreements in one print job."""

from __future__ import annotations

import hashlib
import subprocess
import threading
import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog

from fieldapp.domain.visit import InstallmentPlan
from fieldapp.services.documents import DocumentKind
from fieldapp.ui.documents import printing
from fieldapp.ui.documents.pdf import load_pdf, render_page
from fieldapp.ui.documents.viewer import DocumentViewer

from conftest import settle
from ui_expect import TODAY
from visit_helpers import CTRL, wait_active

KEY = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def documents_of(services, kind, language="vi"):
    """The first customer in ``language`` with a ``kind`` document: (file, that document)."""
    for cid in range(1, 81):
        file = services.portfolio.open_customer(cid)
        if file.customer.language.value != language:
            continue
        found = [d for d in services.documents.of_customer(cid) if d.kind is kind]
        if found:
            return file, found[0]
    raise AssertionError(f"the demo history has a {kind} document in {language}")


def pdf_printer(path, doc) -> QPrinter:
    """The printer the program sets up for ``doc``, as if "Print to file (PDF)" was chosen."""
    printer = printing.make_printer(doc, "test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def poppler(tool, path, *args) -> str:
    return subprocess.run([tool, *args, str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def pages_in(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(next(l for l in info.stdout.splitlines() if l.startswith("Pages:")).split()[1])


def grey(image: QImage) -> list[bytes]:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(image.constBits()), image.bytesPerLine()
    return [data[y * stride:y * stride + image.width()] for y in range(image.height())]


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute grey difference (0–255) of two images of the same size."""
    rows = zip(grey(a), grey(b))
    total = sum(abs(x - y) for ra, rb in rows for x, y in zip(ra, rb))
    return total / (a.width() * a.height())


def printed_page(path, tmp_path, page: int = 1) -> QImage:
    """A page of a printed PDF as poppler draws it at 40 dpi."""
    stem = tmp_path / f"printed-{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(path), str(stem)], check=True)
    return QImage(str(stem) + ".png")


def ink_box(image: QImage, level: int = 200) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of everything darker than ``level``."""
    rows = grey(image)
    ys = [y for y, row in enumerate(rows) if min(row) < level]
    xs = [x for x in range(image.width()) if any(row[x] < level for row in rows)]
    return xs[0], ys[0], xs[-1], ys[-1]


def same_page(printed: QImage, doc, page: int) -> bool:
    """The printed page looks like ``page`` of ``doc``: same place, size and shape of the ink
    (within 2 px at 40 dpi), and little difference overall (renderers differ a little)."""
    screen = render_page(doc, page, printed.size())
    boxes = zip(ink_box(printed), ink_box(screen))
    return all(abs(a - b) <= 2 for a, b in boxes) and difference(printed, screen) < 7


def dark_share(image: QImage) -> float:
    dark = sum(v < 128 for row in grey(image) for v in row)
    return dark / (image.width() * image.height())


@pytest.fixture
def viewer(qtbot, live_services, profile):
    """The viewer over a real signed visit record of a Vietnamese customer."""
    file, info = documents_of(live_services, DocumentKind.VISIT_RECORD)
    win = DocumentViewer(info, live_services.documents.pdf(info.id), profile.settings_file,
                         file.customer.name)
    win.show()
    wait_active(qtbot, win)
    win.file = file
    yield win
    if shiboken6.isValid(win):  # closing deletes it (WA_DeleteOnClose)
        win.close()


def load_bytes(services, info) -> bytes:
    return services.documents.pdf(info.id)


def test_the_viewer_shows_a_signed_record_and_says_what_it_is(qtbot, viewer, profile,
                                                              live_services):
    info, doc = viewer.info, viewer.document
    assert doc.pageCount() > 0
    page = render_page(doc, 0, QSize(420, 594))
    assert 0.005 < dark_share(page) < 0.5  # text on white: neither blank nor a black box
    assert viewer.page_label.text() == f"Page 1 of {doc.pageCount()}"
    panel = viewer.panel
    assert panel.values["number"].text() == info.number
    assert panel.values["kind"].text() == "Visit record"
    assert panel.values["language"].text() == "Vietnamese"
    assert panel.values["sha256"].text().replace("\n", "") == info.sha256
    assert panel.customer.text() == viewer.file.customer.name
    assert info.development and panel.banner.isVisible()
    assert "DEVELOPMENT certificate — not valid as evidence" in panel.banner.text()

    fit = viewer.effective_zoom()
    qtbot.keyClick(viewer.view, KEY.Key_Plus, CTRL)
    assert viewer.view.zoomFactor() == pytest.approx(fit * 1.25)
    qtbot.keyClick(viewer.view, KEY.Key_Minus, CTRL)
    qtbot.keyClick(viewer.view, KEY.Key_Minus, CTRL)
    assert viewer.view.zoomFactor() == pytest.approx(fit / 1.25)
    qtbot.keyClick(viewer.view, KEY.Key_0, CTRL)
    assert viewer.zoom_label.text() == "Fit width"

    viewer.resize(700, 500)  # within the offscreen screen (800×600)
    closed = []
    viewer.closed.connect(closed.append)
    qtbot.keyClick(viewer.view, KEY.Key_Escape)
    assert closed == [info.id]
    again = DocumentViewer(info, load_bytes(live_services, info), profile.settings_file)
    assert (again.width(), again.height()) == (700, 500)  # the size was remembered
    again.close()


def another_record(services, info):
    """A visit record of another customer."""
    return next(d for cid in range(1, 81) if cid != info.customer_id
                for d in services.documents.of_customer(cid) if d.kind is DocumentKind.VISIT_RECORD)


def test_printing_puts_each_page_on_paper_as_the_screen_shows_it(viewer, tmp_path,
                                                                 live_services):
    """The print is a 300 dpi picture of each page (stack notes §7), so the printed file has
    no text layer: the source's text names the customer, and the printed pages match it."""
    source = tmp_path / "source.pdf"
    source.write_bytes(viewer.data)
    assert viewer.file.customer.name in " ".join(poppler("pdftotext", source).split())
    out = tmp_path / "printed.pdf"
    doc = viewer.document
    viewer.print_to(pdf_printer(out, doc))
    assert pages_in(out) == doc.pageCount()
    assert "A4" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    for page in range(doc.pageCount()):
        assert same_page(printed_page(out, tmp_path, page + 1), doc, page)
    # … and not merely like any page: another customer's record differs clearly.
    other = another_record(live_services, viewer.info)
    other_doc = load_pdf(live_services.documents.pdf(other.id))
    printed = printed_page(out, tmp_path)
    assert difference(printed, render_page(other_doc, 0, printed.size())) > 8
    assert viewer.statusBar().currentMessage().startswith("Sent ")


def test_printing_honours_the_page_range(qtbot, live_services, profile, tmp_path):
    file, info = documents_of(live_services, DocumentKind.AGREEMENT)
    win = DocumentViewer(info, live_services.documents.pdf(info.id), profile.settings_file)
    assert win.document.pageCount() >= 2
    printer = pdf_printer(tmp_path / "page2.pdf", win.document)
    printer.setFromTo(2, 2)
    pages = printing.chosen(printer, printing.pages_of([win.document]))
    win.print_to(printer, pages)
    assert pages_in(tmp_path / "page2.pdf") == 1
    printed = printed_page(tmp_path / "page2.pdf", tmp_path)
    assert same_page(printed, win.document, 1) and not same_page(printed, win.document, 0)
    win.close()


def test_save_a_copy_writes_the_signed_bytes_unchanged(viewer, tmp_path, monkeypatch):
    target = tmp_path / "copies"
    target.mkdir()
    chosen = str(target / "bien-ban")  # typed without .pdf
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen, ""))
    QApplication.instance().processEvents()
    viewer.save_action.trigger()
    saved = target / "bien-ban.pdf"
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == viewer.info.sha256
    assert [p.name for p in target.iterdir()] == ["bien-ban.pdf"]  # no temp file left over
    assert str(saved) in viewer.statusBar().currentMessage()


def open_customer(qtbot, window, cid):
    view = window.customer_view
    with qtbot.waitSignal(view.documents.loaded, timeout=5000):
        view.open(cid)
    return view


def test_the_documents_tab_lists_them_and_enter_opens_one(qtbot, live_window, live_services):
    file, _info = documents_of(live_services, DocumentKind.RECEIPT)
    expected = live_services.documents.of_customer(file.customer.id)
    view = open_customer(qtbot, live_window, file.customer.id)
    tab = view.documents
    view.tabs.setCurrentWidget(tab)
    assert view.tabs.tabText(view.tabs.indexOf(tab)) == f"Documents ({len(expected)})"
    rows = [tab.model.document(r) for r in range(tab.model.rowCount())]
    assert rows == expected  # newest first, as the service says
    kinds = {tab.model.index(r, tab.model.KIND).data() for r in range(len(rows))}
    assert {"Visit record", "Receipt"} <= kinds
    signer = tab.model.index(0, tab.model.SIGNER).data()
    assert signer.endswith("(development)")
    assert "not valid as evidence" in tab.model.index(0, tab.model.SIGNER).data(
        Qt.ItemDataRole.ToolTipRole)
    wait_active(qtbot, live_window)
    tab.table.setFocus()
    tab.table.selectRow(1)
    with qtbot.waitSignal(live_window.documents.opened, timeout=5000) as opened:
        qtbot.keyClick(tab.table, KEY.Key_Return)
    viewer = opened.args[0]
    assert viewer.info == rows[1] and viewer.panel.customer.text() == file.customer.name
    with qtbot.assertNotEmitted(live_window.documents.opened):  # the same one is raised
        tab.open_requested.emit(rows[1])
    assert live_window.documents.viewers == {rows[1].id: viewer}


def test_ctrl_shift_s_makes_a_statement_and_opens_it(qtbot, live_window, live_services):
    file, _info = documents_of(live_services, DocumentKind.VISIT_RECORD)
    view = open_customer(qtbot, live_window, file.customer.id)
    before = view.documents.model.rowCount()
    wait_active(qtbot, live_window)
    with qtbot.waitSignal(live_window.documents.opened, timeout=10000) as opened:
        qtbot.keyClick(live_window, KEY.Key_S, CTRL | SHIFT)
    viewer = opened.args[0]
    info = viewer.info
    assert info.kind is DocumentKind.STATEMENT and info.customer_id == file.customer.id
    assert viewer.document.pageCount() >= 1 and info.language == "vi"
    assert info.number.endswith(TODAY.strftime("%Y%m%d"))
    qtbot.waitUntil(lambda: view.documents.model.rowCount() == before + 1, timeout=5000)
    assert view.documents.model.document(0) == info  # the newest, on top


def test_searching_goes_on_while_a_statement_is_being_signed(qtbot, live_window, live_services,
                                                             monkeypatch):
    """The signature is made beside the database lane: a search does not wait for it."""
    documents = live_services.documents
    signing, signed = threading.Event(), threading.Event()
    make = documents.make

    def slow_make(planned):  # the real drawing and signing, held until the search is back
        signing.set()
        signed.wait(10)
        return make(planned)

    monkeypatch.setattr(documents, "make", slow_make)
    file, _info = documents_of(live_services, DocumentKind.VISIT_RECORD)
    live_window.documents.statement(file.customer.id, file.customer.name)
    qtbot.waitUntil(signing.is_set, timeout=5000)
    model = live_window.customer_list.model
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        live_window.customer_list.search_box.setText("dang")
    assert model.rowCount() > 0 and not signed.is_set()  # found while the signature waits
    with qtbot.waitSignal(live_window.documents.opened, timeout=10000) as opened:
        signed.set()
    assert opened.args[0].info.kind is DocumentKind.STATEMENT


def test_a_visit_offers_its_documents_and_an_agreement_for_ink(qtbot, live_window, live_services):
    file, agreement = documents_of(live_services, DocumentKind.AGREEMENT)
    view = open_customer(qtbot, live_window, file.customer.id)
    tabs = view.visits
    view.tabs.setCurrentWidget(tabs)
    qtbot.waitUntil(lambda: tabs.model.rowCount() > 0, timeout=5000)
    tabs.select_uuid(agreement.visit_uuid)
    bar = tabs.documents_bar
    qtbot.waitUntil(lambda: bar.docs != [], timeout=5000)
    assert bar.agreement_button.isVisible() and bar.ink_button.isVisible()
    assert any(isinstance(o, InstallmentPlan) for o in bar.visit.outcomes)
    with qtbot.waitSignal(live_window.documents.opened, timeout=5000) as opened:
        bar.record_button.click()
    assert opened.args[0].info.kind is DocumentKind.VISIT_RECORD
    with qtbot.waitSignal(live_window.documents.opened, timeout=10000) as opened:
        bar.ink_button.click()
    ink = opened.args[0].info
    assert ink.kind is DocumentKind.AGREEMENT_PRINT and ink.visit_uuid == agreement.visit_uuid
    assert ink.number == agreement.number
    # Now two agreements: the button asks which, by a menu.
    qtbot.waitUntil(lambda: len(bar.agreements()) == 2, timeout=5000)
    assert len(bar.agreement_button.menu().actions()) == 2


def test_print_the_agreements_of_a_day_in_one_job(qtbot, live_window, live_services, tmp_path):
    documents = live_services.documents
    _file, signed = documents_of(live_services, DocumentKind.AGREEMENT)
    assert signed in [n.info for n in documents.agreements_made_on(signed.created_at.date())]
    for _ in range(2):  # today: two copies printed for ink
        documents.agreement_for_print(signed.visit_uuid)
    day = TODAY
    expected = documents.agreements_made_on(day)
    assert len(expected) >= 2
    live_window.print_day_action.trigger()
    dialog = live_window.commands.day_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=2000)
    assert dialog.chosen_day() == TODAY and dialog.day.calendarPopup()
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show_day(day)
    assert [n.info for n in dialog.ticked()] == [n.info for n in expected]
    assert [dialog.item(i).text(1) for i in range(dialog.count())] == [
        n.customer_name for n in expected]
    out = tmp_path / "day.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=20000) as printed:
        dialog.print_to(pdf_printer(out, load_pdf(documents.pdf(expected[0].info.id))))
    pages = sum(load_pdf(documents.pdf(n.info.id)).pageCount() for n in expected)
    assert printed.args == [pages] and pages_in(out) == pages
    # The last page printed is the last page of the last agreement.
    last = load_pdf(documents.pdf(expected[-1].info.id))
    assert same_page(printed_page(out, tmp_path, pages), last, last.pageCount() - 1)

    # Unticked agreements stay off the paper.
    dialog.list.setFocus()
    dialog.list.setCurrentItem(dialog.item(0), 0)
    qtbot.keyClick(dialog.list, KEY.Key_Space)  # Space unticks the selected one
    assert len(dialog.ticked()) == len(expected) - 1
    # A day without agreements says so, and there is nothing to print.
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.day.setDate(dialog.day.date().addDays(-400))
    assert dialog.count() == 0 and not dialog.print_button.isEnabled()
    assert dialog.empty.text().startswith("No agreements were made on ")


def test_a_damaged_pdf_is_reported_not_shown(qtbot, live_window, live_services, monkeypatch):
    _file, info = documents_of(live_services, DocumentKind.VISIT_RECORD)
    monkeypatch.setattr(live_services.documents, "pdf", lambda _id: b"%PDF-1.7 torn off")
    opened = []
    live_window.documents.opened.connect(opened.append)
    live_window.documents.open(info)
    # The message comes from the same step that would have opened a viewer.
    qtbot.waitUntil(lambda: "could not be read" in live_window.statusBar().currentMessage(),
                    timeout=5000)
    assert opened == [] and live_window.documents.viewers == {}


def test_reading_a_days_agreements_shows_progress_and_can_be_cancelled(
        qtbot, live_window, live_services, tmp_path):
    documents = live_services.documents
    _file, signed = documents_of(live_services, DocumentKind.AGREEMENT)
    documents.agreement_for_print(signed.visit_uuid)
    live_window.print_day_action.trigger()
    dialog = live_window.commands.day_dialog
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show_day(TODAY)
    assert dialog.ticked()
    held = threading.Event()
    live_window.taskman.run(held.wait, lambda _: None)  # the reading waits behind this
    printed = []
    dialog.printed.connect(printed.append)
    dialog.print_to(pdf_printer(tmp_path / "none.pdf", load_pdf(documents.pdf(signed.id))))
    task = dialog.loading_task
    # Busy: a second batch or the settings would race this one.
    assert not live_window.print_day_action.isEnabled()
    assert not live_window.settings_action.isEnabled()
    assert not dialog.print_button.isEnabled()
    task.cancel()
    held.set()
    qtbot.waitUntil(lambda: live_window.print_day_action.isEnabled(), timeout=5000)
    settle(qtbot, live_window.taskman)
    assert printed == [] and task.cancelled and task.last == (0, 0, "")  # stopped at once
    assert dialog.print_button.isEnabled() and live_window.settings_action.isEnabled()
