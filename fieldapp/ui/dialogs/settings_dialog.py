"""File › Settings: typed editors for language, collector, promises, letterhead and sync."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ...i18n.languages import LANGUAGES, NATIVE_NAMES
from ...services import settings as cfg
from ..views.common import Retranslating

EDITABLE = (cfg.UI_LANGUAGE, cfg.COLLECTOR_NAME, *cfg.COLLECTOR_TITLES.values(),
            cfg.PROMISE_HORIZON_DAYS, cfg.PROMISE_GRACE_DAYS, cfg.PROMISE_KEPT_PCT,
            cfg.REMINDER_DAYS, cfg.DISPUTE_NEAR_HOURS, cfg.MIN_INK, cfg.IDLE_LOCK_MINUTES,
            cfg.COMPANY_NAME, cfg.COMPANY_ADDRESS, cfg.COMPANY_TAX_CODE, cfg.COMPANY_PHONE,
            cfg.SYNC_FOLDER, cfg.SYNC_AT_START, cfg.SYNC_AT_CLOSE)
# Printed at the top of every document; shown under their own heading.
LETTERHEAD = (cfg.COMPANY_NAME, cfg.COMPANY_ADDRESS, cfg.COMPANY_TAX_CODE, cfg.COMPANY_PHONE)
# Longest letterhead texts: one line each on an A4 letterhead.
MAX_LENGTH = {cfg.COMPANY_NAME: 120, cfg.COMPANY_ADDRESS: 160, cfg.COMPANY_TAX_CODE: 20,
              cfg.COMPANY_PHONE: 40}
# How this laptop syncs with the office; shown under their own heading.
SYNC = (cfg.SYNC_FOLDER, cfg.SYNC_AT_START, cfg.SYNC_AT_CLOSE)
# The services declare English labels; marked here so lupdate collects them (a test compares).
LABELS = (
    QT_TRANSLATE_NOOP("Settings", "Language"),
    QT_TRANSLATE_NOOP("Settings", "Collector name"),
    QT_TRANSLATE_NOOP("Settings", "Your title on Vietnamese documents"),
    QT_TRANSLATE_NOOP("Settings", "Your title on Traditional Chinese documents"),
    QT_TRANSLATE_NOOP("Settings", "Your title on Simplified Chinese documents"),
    QT_TRANSLATE_NOOP("Settings", "Your title on English documents"),
    QT_TRANSLATE_NOOP("Settings", "Latest promise date (days ahead)"),
    QT_TRANSLATE_NOOP("Settings", "Grace days before a promise is broken"),
    QT_TRANSLATE_NOOP("Settings", "Share paid that keeps a promise (%)"),
    QT_TRANSLATE_NOOP("Settings", "Remind this many days before a promise"),
    QT_TRANSLATE_NOOP("Settings", "Warn when a dispute deadline is this close (hours)"),
    QT_TRANSLATE_NOOP("Settings", "Least ink for a signature (pixels)"),
    QT_TRANSLATE_NOOP("Settings", "Lock the window after this many idle minutes"),
    QT_TRANSLATE_NOOP("Settings", "Company name"),
    QT_TRANSLATE_NOOP("Settings", "Company address"),
    QT_TRANSLATE_NOOP("Settings", "Company tax code"),
    QT_TRANSLATE_NOOP("Settings", "Company phone"),
    QT_TRANSLATE_NOOP("Settings", "Sync folder"),
    QT_TRANSLATE_NOOP("Settings", "Sync when the program starts"),
    QT_TRANSLATE_NOOP("Settings", "Sync when the program closes"),
)
RANGES = {cfg.PROMISE_HORIZON_DAYS: (1, 365), cfg.PROMISE_GRACE_DAYS: (0, 60),
          cfg.PROMISE_KEPT_PCT: (50.0, 100.0), cfg.REMINDER_DAYS: (0, 30),
          cfg.DISPUTE_NEAR_HOURS: (1, 24), cfg.MIN_INK: (0.0, 2000.0),
          cfg.IDLE_LOCK_MINUTES: (1, 240)}


class LanguageBox(QComboBox):
    """The UI language: "as the system" first, then each language named in itself, so the
    collector finds his own whatever language the window is in now."""

    def __init__(self):
        super().__init__()
        self.setObjectName("languageBox")
        self.addItem("", "")
        for code in LANGUAGES:
            self.addItem(NATIVE_NAMES[code], code)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setItemText(0, QCoreApplication.translate("Settings", "As the system"))


class FolderEdit(QWidget):
    """A folder: typed, or chosen with the button (a shared drive, a cloud folder, a USB stick)."""

    def __init__(self):
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setObjectName("syncFolder")
        self.choose = QPushButton()
        self.choose.clicked.connect(self.pick)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.choose.setText(QCoreApplication.translate("Settings", "Choose…"))
        self.edit.setPlaceholderText(QCoreApplication.translate(
            "Settings", "None: choose the folder shared with the office"))

    def pick(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("Settings", "Choose the sync folder"),
            self.edit.text())
        if chosen:
            self.edit.setText(chosen)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (as QLineEdit's)
        self.edit.setText(text)


def editor_for(setting: cfg.Setting) -> QWidget:
    """A QLineEdit, QSpinBox, QDoubleSpinBox or QCheckBox after the setting's declared type."""
    if setting is cfg.UI_LANGUAGE:
        return LanguageBox()
    if setting is cfg.SYNC_FOLDER:
        return FolderEdit()
    if setting.kind is bool:
        return QCheckBox()
    if setting.kind is int:
        editor = QSpinBox()
        editor.setRange(*RANGES.get(setting, (0, 10_000)))
        return editor
    if setting.kind is float:
        editor = QDoubleSpinBox()
        editor.setRange(*RANGES.get(setting, (0.0, 10_000.0)))
        editor.setDecimals(1)
        return editor
    editor = QLineEdit()
    if setting in MAX_LENGTH:
        editor.setMaxLength(MAX_LENGTH[setting])
    return editor


def value_of(editor: QWidget):
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, (QLineEdit, FolderEdit)):
        return editor.text().strip()
    return editor.value()


def set_value(editor: QWidget, value) -> None:
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(editor.findData(value), 0))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, (QLineEdit, FolderEdit)):
        editor.setText(str(value))
    else:
        editor.setValue(value)


class SettingsDialog(Retranslating, QDialog):
    """Values come in as {Setting: value}; OK hands the edited ones to ``on_save``."""

    def __init__(self, parent: QWidget, values: dict, on_save: Callable[[dict], None],
                 first_run: bool = False, change_pin: Callable[[], None] | None = None):
        """``change_pin``: opens the PIN change (an encrypted profile only)."""
        super().__init__(parent)
        self._on_save = on_save
        self._first_run = first_run
        self.editors = {setting: editor_for(setting) for setting in EDITABLE}
        self.captions = {setting: QLabel() for setting in EDITABLE}
        for setting, editor in self.editors.items():
            set_value(editor, values.get(setting, setting.default))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.letterhead_title = QLabel()
        self.letterhead_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.sync_title = QLabel()
        self.sync_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        for setting in EDITABLE:
            if setting is LETTERHEAD[0]:
                form.addRow(self.letterhead_title)
            if setting is SYNC[0]:
                form.addRow(self.sync_title)
            form.addRow(self.captions[setting], self.editors[setting])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.accepted.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        self.change_pin = QPushButton()
        self.change_pin.setVisible(change_pin is not None)
        if change_pin is not None:
            self.change_pin.clicked.connect(change_pin)
        layout.addWidget(self.change_pin)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.editors[cfg.COMPANY_NAME].textChanged.connect(self._check)
        self.retranslate_ui()
        if first_run:
            self.editors[cfg.COLLECTOR_NAME].setFocus()

    def _check(self) -> None:
        """Every document starts with the company's name: it cannot be left empty."""
        blank = not self.editors[cfg.COMPANY_NAME].text().strip()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blank)
        self.problem.setText(self.tr("Enter the company's name: it heads every document.")
                             if blank else "")
        self.problem.setVisible(blank)

    def _save(self) -> None:
        self._on_save({setting: value_of(editor) for setting, editor in self.editors.items()})

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.intro.setText(self.tr("Your name and title go on every record you sign. Please "
                                   "enter them before the first visit.") if self._first_run
                           else self.tr("These settings apply to this laptop."))
        self.intro.setVisible(True)
        self.letterhead_title.setText(self.tr("Letterhead on every document"))
        self.sync_title.setText(self.tr("Sync with the office"))
        self.editors[cfg.SYNC_FOLDER].retranslate_ui()
        self.change_pin.setText(self.tr("Change PIN or passphrase…"))
        self._check()
        for setting, caption in self.captions.items():
            caption.setText(QCoreApplication.translate("Settings", setting.label))
        self.editors[cfg.UI_LANGUAGE].retranslate_ui()
