"""The import wizard's first page: the export file, typed, browsed for, or dropped on the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWizardPage)

LAST_FOLDER = "import/last_folder"


class FilePage(QWizardPage):
    """Complete once the path names an existing file; the folder is remembered for next time."""

    def __init__(self, wizard):
        super().__init__(wizard)
        self.setAcceptDrops(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.choose)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.file_label = QLabel(self)
        self.file_label.setBuddy(self.path)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.file_label)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.path.textChanged.connect(self._changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the export"))
        self.setSubTitle(self.tr("The receivables as the accounting program exports them."))
        self.intro.setText(self.tr(
            "Choose a CSV or Excel file exported from the accounting program: an open-items "
            "list, an aging report or a customer ledger. You can also drop the file on this "
            "page. Nothing is written before the preview."))
        self.file_label.setText(self.tr("&File:"))
        self.browse.setText(self.tr("&Browse…"))
        self._changed()

    # -- the file ---------------------------------------------------------------------------
    def file(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        file = self.file()
        return file is not None and file.is_file()

    def _changed(self) -> None:
        file = self.file()
        if file is None:
            self.hint.setText("")
        elif file.is_dir():
            self.hint.setText(self.tr("This is a folder: choose a file in it."))
        elif not file.exists():
            self.hint.setText(self.tr("There is no such file."))
        else:
            self.hint.setText("")
        self.completeChanged.emit()

    def choose(self) -> None:
        settings = self.wizard().settings
        folder = str(settings.value(LAST_FOLDER, "") or Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the export"), folder,
            self.tr("Exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)"))
        if chosen:
            self.take(Path(chosen))

    def take(self, file: Path) -> None:
        self.path.setText(str(file))
        self.wizard().settings.setValue(LAST_FOLDER, str(file.parent))

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        file = self.file()
        self.wizard().job.file = file
        self.wizard().settings.setValue(LAST_FOLDER, str(file.parent))
        return True

    # -- dropping a file ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        file = _dropped_file(event.mimeData())
        if file is not None:
            self.take(file)
            event.acceptProposedAction()


def _dropped_file(mime) -> Path | None:
    """The one local file dropped (any name: a renamed export is told by its content)."""
    urls = [u for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
    if len(urls) != 1:
        return None
    file = Path(urls[0].toLocalFile())
    return file if file.is_file() else None
