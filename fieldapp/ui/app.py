"""Start the window: QApplication, fonts for Vietnamese and Chinese, main window, event loop."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..services import before_unlock
from ..services import settings as cfg
from . import formats, gui_gc, language
from .error_text import describe
from .main_window import MainWindow

APP_NAME = "fieldapp"
PROBE_ENV = "FIELDAPP_STARTUP_PROBE"


def make_app(argv: list[str] | None = None, ui_language: str | None = None) -> QApplication:
    """The one QApplication, named, translated into ``ui_language`` (default: the system's)
    and with a font that covers Vietnamese and Chinese."""
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    gui_gc.install(app)  # before the first worker thread starts
    language.switch(app, language.resolve(ui_language))
    return app


def run_gui(services, profile, argv: list[str] | None = None) -> int:
    """Show the collector's window over ``services`` (AppServices) and run until it is closed."""
    chosen = services.settings.get(cfg.UI_LANGUAGE)
    app = make_app(argv, chosen)
    before_unlock.note_language(profile, chosen)  # a profile of an earlier version: noted now
    window = MainWindow(services, profile)
    if os.environ.get(PROBE_ENV) == "1":
        _arm_startup_probe(app, window)
    window.show()
    return app.exec()


def show_startup_error(error: BaseException, argv: list[str] | None = None) -> None:
    """A refusal before the window can open (a newer database, a failed upgrade), said in a box:
    whoever started fieldapp from a menu never sees the terminal."""
    make_app(argv)
    box = startup_error_box(error)
    if not _probed(box):
        box.exec()


def startup_error_box(error: BaseException) -> QMessageBox:
    return QMessageBox(QMessageBox.Icon.Critical, APP_NAME, describe(error),
                       QMessageBox.StandardButton.Ok)


def offer_restore(error: BaseException, written, argv: list[str] | None = None) -> bool:
    """A damaged database with a backup at hand: ask whether to restore the backup ``written``
    at that time (the damaged file is moved aside, never deleted). True when asked to."""
    make_app(argv)
    box = restore_box(error, written)
    if _probed(box):
        return False  # nobody to answer: nothing is changed
    return box.exec() == QMessageBox.StandardButton.Yes


def _probed(box: QMessageBox) -> bool:
    """Under the startup probe (benchmark, tests of the start in a child process) a box is
    printed instead of waiting for a person who is not there."""
    if os.environ.get(PROBE_ENV) != "1":
        return False
    print("fieldapp-box " + " ".join(box.text().split()), flush=True)
    return True


def restore_box(error: BaseException, written) -> QMessageBox:
    question = QCoreApplication.translate("Startup", "Restore the backup of %1?").replace(
        "%1", formats.moment(written))
    detail = QCoreApplication.translate(
        "Startup", "The damaged file is kept in the backups folder; what was recorded after the "
                   "backup is not in it.") + "\n\n" + QCoreApplication.translate(
        "Startup", "What will be lost: visits, calls, payments and documents recorded on this "
                   "laptop after %1. Those among them already sent are kept by the office; the "
                   "others are lost.").replace("%1", formats.moment(written))
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, f"{describe(error)}\n\n{question}",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setInformativeText(detail)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("Startup", "&Restore the backup"))
    box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("Startup", "&Quit"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB, for the benchmark; None on Windows."""
    try:
        import resource  # noqa: PLC0415 (POSIX only)
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts kilobytes, macOS bytes.
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def _arm_startup_probe(app: QApplication, window: MainWindow) -> None:
    """For the benchmark: report once the window is up with today's route, then quit with 0."""

    reported = []

    def report() -> None:
        # A flag rather than disconnect(): the signal may fire again after a refresh.
        if reported:
            return
        reported.append(True)
        window.repaint()  # the route is painted, not merely loaded, when we say "shown"
        rss = peak_rss_mb()
        print(f"fieldapp-shown {time.time()!r}" + (f" {rss:.1f}" if rss else ""), flush=True)
        # Exit after the current event finishes, so the window closes (and saves) normally.
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, lambda: app.exit(0))

    window.route_view.loaded.connect(report)
