"""Settings for people: the least ink for a signature and the company's letterhead, edited in the
dialog and printed on the next document."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from fieldapp.services import settings as cfg

from visit_helpers import press, wait_active

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def open_dialog(qtbot, window):
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: window.commands.settings_dialog is not None, timeout=5000)
    dialog = window.commands.settings_dialog
    wait_active(qtbot, dialog)
    return dialog


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


def test_least_ink_and_letterhead_are_shown_with_their_labels(qtbot, live_window, live_services):
    dialog = open_dialog(qtbot, live_window)
    ink = dialog.editors[cfg.MIN_INK]
    assert ink.isVisible() and ink.value() == live_services.settings.get(cfg.MIN_INK)
    assert dialog.captions[cfg.MIN_INK].text() == "Least ink for a signature (pixels)"
    labels = {cfg.COMPANY_NAME: "Company name", cfg.COMPANY_ADDRESS: "Company address",
              cfg.COMPANY_TAX_CODE: "Company tax code", cfg.COMPANY_PHONE: "Company phone"}
    for setting, label in labels.items():
        editor = dialog.editors[setting]
        assert isinstance(editor, QLineEdit) and editor.isVisible()
        assert editor.text() == live_services.settings.get(setting)
        assert dialog.captions[setting].text() == label
    assert dialog.letterhead_title.text() == "Letterhead on every document"


def test_an_empty_company_name_cannot_be_saved(qtbot, live_window, live_services):
    dialog = open_dialog(qtbot, live_window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.editors[cfg.COMPANY_NAME].setText("   ")
    assert not ok.isEnabled() and dialog.problem.isVisible()
    assert "company's name" in dialog.problem.text()
    dialog.editors[cfg.COMPANY_NAME].setText("Công ty Mới")
    assert ok.isEnabled() and not dialog.problem.isVisible()
    dialog.reject()
    assert live_services.settings.get(cfg.COMPANY_NAME) == cfg.COMPANY_NAME.default


@needs_poppler
def test_ink_and_letterhead_are_saved_and_the_letterhead_is_printed(qtbot, live_window,
                                                                    live_services, tmp_path):
    dialog = open_dialog(qtbot, live_window)
    dialog.editors[cfg.MIN_INK].setValue(250.0)
    typed = {cfg.COMPANY_NAME: "Công ty Cổ phần Phân phối Sao Việt",
             cfg.COMPANY_ADDRESS: "45 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
             cfg.COMPANY_TAX_CODE: "0309876543", cfg.COMPANY_PHONE: "028 3822 5566"}
    for setting, value in typed.items():
        dialog.editors[setting].setText(value)
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    settings = live_services.settings
    assert settings.get(cfg.MIN_INK) == 250.0
    assert {s: settings.get(s) for s in typed} == typed
    customer = live_services.portfolio.search("").rows[0]
    info, _changes = live_services.documents.statement(customer.id)
    printed = pdf_text(live_services.documents.pdf(info.id), tmp_path)
    for value in typed.values():
        assert value in printed
    assert cfg.COMPANY_NAME.default not in printed
