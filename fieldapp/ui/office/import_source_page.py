"""The import wizard's second page: which accounting program wrote the file, found or chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWizardPage

from ...importers.presets import PRESETS
from .. import formats
from ..error_text import describe
from .import_job import read_layout
from .import_words import problem_text, source_name

DETECT = ""  # the combo's entry that lets the columns say which source wrote the file
SAVED = "saved:"  # before a saved source's name in the combo's data (built-ins: their name)
ENCODINGS = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1258": "Windows-1258",
             "cp950": "Big5 (cp950)", "big5hkscs": "Big5-HKSCS", "gb18030": "GB18030"}


class SourcePage(QWizardPage):
    """Reads the file's header in the background with the chosen source (or each one) and says
    what it found; complete once the header could be read."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self.choice = QComboBox(self)
        self.choice.activated.connect(self._reread)
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.found.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice_label = QLabel(self)
        self.choice_label.setBuddy(self.choice)
        form = QFormLayout()
        form.addRow(self.choice_label, self.choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.found)
        layout.addStretch(1)
        self.saved: dict = {}
        self._generation, self._reading = 0, False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Source"))
        self.setSubTitle(self.tr("The accounting program and report the file comes from."))
        self.choice_label.setText(self.tr("&Source:"))
        self._fill_choices()
        self._show()

    def _fill_choices(self) -> None:
        current = self.choice.currentData()
        self.choice.clear()
        self.choice.addItem(self.tr("Find it from the columns"), DETECT)
        for name in sorted(self.saved):
            self.choice.addItem(self.tr("{name} (saved)").format(name=name), SAVED + name)
        for preset in PRESETS:
            if preset.name not in self.saved:
                self.choice.addItem(source_name(preset.name), preset.name)
        index = self.choice.findData(current)
        self.choice.setCurrentIndex(max(index, 0))

    # -- reading ------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        sources = wizard.services.sources
        self._start()
        self.choice.setFocus()  # the one thing to change here, from the keyboard too
        wizard.taskman.run(lambda: {n: sources.get(n) for n in sources.saved_names()},
                           self._saved_read, self._failed)

    def _saved_read(self, saved: dict) -> None:
        self.saved = {name: preset for name, preset in saved.items() if preset is not None}
        self._fill_choices()
        self._reread()

    def _reread(self, *_) -> None:
        data, wizard = self.choice.currentData(), self.wizard()
        source = self.saved.get(data[len(SAVED):]) if data.startswith(SAVED) else (data or None)
        file, saved, generation = wizard.job.file, dict(self.saved), self._start()
        wizard.taskman.run_in_pool(lambda: read_layout(file, source, saved),
                                   lambda layout: self._read(generation, layout),
                                   self._failed)

    def _start(self) -> int:
        self._generation += 1
        self._reading = True
        self.wizard().job.layout = None
        self._show()
        return self._generation

    def _read(self, generation: int, layout) -> None:
        if generation != self._generation:  # the supervisor chose again meanwhile
            return
        self._reading = False
        self.wizard().job.take_layout(layout)
        self._show()

    def _failed(self, error: BaseException) -> None:
        self._reading = False
        self.found.setText(describe(error))
        self.completeChanged.emit()

    def _show(self) -> None:
        layout = self.wizard().job.layout if self.wizard() else None
        if self._reading or layout is None:
            self.found.setText(self.tr("Reading the file…") if self._reading else "")
        else:
            self.found.setText(self._describe(layout))
        self.completeChanged.emit()

    def _describe(self, layout) -> str:
        problems = [problem_text(p.code, p.params) for p in layout.problems]
        if not layout.readable:
            return "\n".join(problems)
        if layout.guessed and self.choice.currentData() == DETECT:
            head = self.tr("No known export has these columns: say on the next page which "
                           "column holds what.")
        elif layout.guessed:
            head = self.tr("The columns of {source} were not found: say on the next page which "
                           "column holds what.").format(source=self._name(layout))
        elif self.choice.currentData() == DETECT:
            head = self.tr("Found: {source}.").format(source=self._name(layout))
        else:
            head = self.tr("Read as {source}.").format(source=self._name(layout))
        if layout.encoding == "xlsx":
            read = self.tr("An Excel workbook with {count} columns.").format(
                count=len(layout.labels))
        else:
            read = self.tr("Text encoding: {encoding}. Columns: {count}.").format(
                encoding=ENCODINGS.get(layout.encoding, layout.encoding),
                count=len(layout.labels))
        lines = [head, read]
        if layout.as_of is not None:
            lines.append(self.tr("The report is dated {day}.").format(
                day=formats.day(layout.as_of)))
        return "\n".join(lines + problems)

    def _name(self, layout) -> str:
        if layout.saved:
            return self.tr("{name} (saved)").format(name=layout.preset.name)
        return source_name(layout.preset.name)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        layout = self.wizard().job.layout if self.wizard() else None
        return not self._reading and layout is not None and layout.readable
