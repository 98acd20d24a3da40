"""Add a collector or change one: name, phone, language, active."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout)

from ...domain.collectors import COLLECTOR_LANGUAGES, NAME_MAX, PHONE_MAX
from ...i18n.languages import NATIVE_NAMES
from ..error_text import describe
from ..views.common import Retranslating


class CollectorDialog(Retranslating, QDialog):
    """``collector`` None adds one. The service checks the values; its refusal (a name already
    taken, say) shows under the fields and the dialog stays open with what was typed."""

    def __init__(self, window, collector=None):
        super().__init__(window)
        self.setObjectName("CollectorDialog")
        self.window_, self.collector = window, collector
        self.saved = None  # the Collector written
        self.name = QLineEdit(self)
        self.name.setMaxLength(NAME_MAX)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(PHONE_MAX)
        self.language = QComboBox(self)
        self.language.setObjectName("languageBox")  # native names, as the settings show them
        for code in COLLECTOR_LANGUAGES:  # each language in its own name: no translation
            self.language.addItem(NATIVE_NAMES[code], code)
        self.active = QCheckBox(self)
        self.active.setVisible(collector is not None)
        self.problem = QLabel(self)
        self.problem.setObjectName("collectorProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(
            lambda text: self.save_button.setEnabled(bool(text.strip())))
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.name, self.phone, self.language)):
            form.addRow(label, field)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._fill()
        self.retranslate_ui()

    def _fill(self) -> None:
        c = self.collector
        self.name.setText(c.name if c else "")
        self.phone.setText(c.phone if c else "")
        self.language.setCurrentIndex(max(0, self.language.findData(c.language if c else "vi")))
        self.active.setChecked(c.active if c else True)
        self.save_button.setEnabled(bool(self.name.text().strip()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add a collector") if self.collector is None
                            else self.tr("Change a collector"))
        for label, text in zip(self._labels, (self.tr("Name:"), self.tr("Phone:"),
                                              self.tr("Language:"))):
            label.setText(text)
        self.active.setText(self.tr("Active: customers can be assigned"))

    def _save(self) -> None:
        self.save_button.setEnabled(False)
        collectors = self.window_.services.collectors
        name, phone = self.name.text(), self.phone.text()
        language, active = self.language.currentData(), self.active.isChecked()
        if self.collector is None:
            work = lambda: collectors.add(name, phone=phone, language=language)  # noqa: E731
        else:
            key = self.collector.id
            work = lambda: collectors.edit(key, name=name, phone=phone,  # noqa: E731
                                           language=language, active=active)
        self.window_.taskman.run(work, self._saved, self._refused)

    def _saved(self, result) -> None:
        self.saved, changes = result
        self.window_.publish(changes.from_source(self))
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.problem.setText(describe(error))
        self.problem.show()
        self.save_button.setEnabled(True)
