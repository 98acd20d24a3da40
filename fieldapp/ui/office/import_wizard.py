"""File › Import receivables…: choose file, source, mapping, preview, import with progress."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QWizard

from ..views.common import Retranslating
from .import_file_page import FilePage
from .import_job import ImportJob
from .import_mapping_page import MappingPage
from .import_preview_page import PreviewPage
from .import_run_page import RunPage
from .import_source_page import SourcePage

DEFAULT_SIZE = (980, 680)
DISPOSE_RETRY_MS = 250
GEOMETRY = "import/geometry"


class ImportWizard(Retranslating, QWizard):
    """Built by the OfficeWindow ``window`` (services, taskman, publish). The pages share an
    ImportJob; every read runs off the GUI thread, the import on the database lane."""

    FILE, SOURCE, MAPPING, PREVIEW, RUN = range(5)

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("ImportWizard")
        self.window_ = window
        self.services, self.taskman = window.services, window.taskman
        self.settings = _settings(window)
        self.job = ImportJob()
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        for page_id, page in ((self.FILE, FilePage(self)), (self.SOURCE, SourcePage(self)),
                              (self.MAPPING, MappingPage(self)),
                              (self.PREVIEW, PreviewPage(self)), (self.RUN, RunPage(self))):
            self.setPage(page_id, page)
            if hasattr(page, "strip"):
                page.strip.ended.connect(self.task_ended)
        self.page(self.PREVIEW).setCommitPage(True)  # after the import there is no way back
        self._closing = False
        self.resize(*DEFAULT_SIZE)
        geometry = self.settings.value(GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import receivables"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        for page_id in self.pageIds():
            self.page(page_id).retranslate_ui()

    def _running(self):
        """The page whose background work is still going, if any."""
        for page_id in self.pageIds():
            strip = getattr(self.page(page_id), "strip", None)
            if strip is not None and strip.running:
                return strip
        return None

    def reject(self) -> None:
        """Cancel stops the reading or the import first; the wizard closes once it stopped,
        so nothing runs on after the window the supervisor closed."""
        strip = self._running()
        if strip is None:
            self._close(super().reject)
            return
        self._closing = True
        strip.stop()

    def task_ended(self) -> None:
        if self._closing and self._running() is None:
            self._close(super().reject)

    def accept(self) -> None:
        self._close(super().accept)

    def _close(self, close) -> None:
        self.settings.setValue(GEOMETRY, self.saveGeometry())
        self.settings.sync()
        close()
        self._dispose()

    def _dispose(self) -> None:
        """The window makes a wizard per import: let this one go once no queued work can
        still call back into its pages (a header read, a saved source)."""
        if self.taskman.busy:
            QTimer.singleShot(DISPOSE_RETRY_MS, self, self._dispose)
        else:
            self.deleteLater()


def _settings(window) -> QSettings:
    profile = getattr(window, "profile", None)
    if profile is None:
        return QSettings()
    return QSettings(str(profile.settings_file), QSettings.Format.IniFormat)
