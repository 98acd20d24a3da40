"""The unlock dialog: a profile's PIN or passphrase (or an encrypted office file's passphrase)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout)

from ..domain.errors import FieldappError
from . import formats
from .error_text import describe

# What another PIN may change; any other failure (a damaged database, a missing key file) ends
# the dialog and is said, or offered a remedy, by the caller.
RETRY = ("unlock.wrong_secret", "unlock.wait", "unlock.secret_too_short", "unlock.not_the_same",
         "office.wrong_passphrase")


class UnlockDialog(QDialog):
    """``attempt(secret)`` opens the profile (returns what it opened, or raises a coded error);
    ``wait_left()`` says how many seconds the next try must wait. ``setting``: the PIN is
    chosen now (a new profile, or an older version's being encrypted), typed twice.
    ``office_file``: the office database file this passphrase opens (not the laptop's
    profile). ``before``: what the profile noted in the clear (services.before_unlock), for the
    unsent count the forgotten-PIN explanation gives."""

    def __init__(self, setting: bool, attempt: Callable[[str], object],
                 wait_left: Callable[[], int], converting: bool = False, parent=None,
                 office_file: str | None = None, before=None):
        super().__init__(parent)
        self.office_file = office_file
        self.setWindowTitle(self.tr("Open the office database") if office_file else
                            self.tr("Unlock the profile"))
        self._attempt, self._wait_left, self.setting = attempt, wait_left, setting
        self._before = before
        self.opened = None
        self.failure: FieldappError | None = None  # what ended the dialog without opening
        self.forgotten_text = ""  # the explanation shown last (tests read it)
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.forgot = QPushButton(self.tr("Forgotten PIN…"))
        self.buttons.addButton(self.forgot, QDialogButtonBox.ButtonRole.HelpRole)
        self._lay_out(converting)
        self.buttons.accepted.connect(self.try_secret)
        self.buttons.rejected.connect(self.reject)
        self.forgot.clicked.connect(self.explain_forgotten)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._show_wait)
        self._show_wait()

    def _lay_out(self, converting: bool) -> None:
        layout, form = QVBoxLayout(self), QFormLayout()
        if self.office_file:
            self._lay_out_office(layout, form)
        elif self.setting:
            intro = (self.tr("This version keeps the profile encrypted. Choose a PIN or "
                             "passphrase: it is asked every time the program starts.")
                     if converting else
                     self.tr("Choose a PIN or passphrase for this profile: it is asked every "
                             "time the program starts, and nobody can open the profile "
                             "without it."))
            layout.addWidget(QLabel(intro, wordWrap=True))
            form.addRow(self.tr("New PIN or passphrase:"), self.secret)
            form.addRow(self.tr("The same again:"), self.again)
            self.forgot.hide()
        else:
            form.addRow(self.tr("PIN or passphrase:"), self.secret)
            self.again.hide()
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _lay_out_office(self, layout, form) -> None:
        self.forgot.hide()
        if self.setting:
            intro = self.tr("The new office database %1 is to be encrypted. Choose its "
                            "passphrase: it is asked every time the database is opened, and "
                            "nobody can open the database or its backups without it.")
            form.addRow(self.tr("New passphrase:"), self.secret)
            form.addRow(self.tr("The same again:"), self.again)
        else:
            intro = self.tr("The office database %1 is encrypted. Type its passphrase to open "
                            "it.")
            form.addRow(self.tr("Passphrase:"), self.secret)
            self.again.hide()
        layout.addWidget(QLabel(intro.replace("%1", self.office_file), wordWrap=True))

    def _show_wait(self) -> None:
        left = self._wait_left()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(left == 0)
        if left:
            self.problem.setText(self.tr("Too many wrong tries. Wait {seconds} seconds before "
                                         "trying again.").format(seconds=left))
            self._timer.start()
        else:
            self._timer.stop()

    def try_secret(self) -> None:
        if self.setting and self.secret.text() != self.again.text():
            self.problem.setText(self.tr("The two entries are not the same."))
            return
        try:
            self.opened = self._attempt(self.secret.text())
        except FieldappError as exc:
            self.secret.clear()
            self.again.clear()
            if exc.code not in RETRY:
                self.failure = exc
                self.reject()
                return
            self.problem.setText(describe(exc))
            self._show_wait()
            return
        self.accept()

    def explain_forgotten(self) -> None:
        self.forgotten_text = "\n\n".join((self.tr(
            "Without its PIN this profile cannot be opened by anyone, not even by the office: "
            "that is what protects the customers' data on a lost laptop."), self.tr(
            "Ask your supervisor to enroll this laptop again; the office then sends a fresh "
            "assignment pack and you start on a new profile."), self._unsent_text()))
        QMessageBox.information(self, self.tr("Forgotten PIN"), self.forgotten_text)

    def _unsent_text(self) -> str:
        """Only a count noted at the last lock or close: no customer is named before the
        unlock."""
        count = getattr(self._before, "unsent", None)
        at = getattr(self._before, "unsent_at", None)
        if count is None or at is None:
            return self.tr(
                "Work the office has already received is safe. Visits, documents and payments "
                "recorded here and not yet sent are lost. How many there are cannot be shown "
                "without the PIN either: if you remember the last time you sent your day, "
                "everything after it is what would be lost.")
        when = formats.moment(at.astimezone())
        if count == 0:
            return self.tr(
                "When the window was last locked or closed (%1), everything recorded here had "
                "been sent to the office: that work is safe. Only what was recorded after that "
                "and not sent would be lost.").replace("%1", when)
        return formats.counted(self.tr(
            "When the window was last locked or closed (%1), %n records had not been sent to "
            "the office. They exist only on this laptop: with a forgotten PIN they are lost, "
            "unless they were sent since. Work the office has received is safe.", "", count),
            count).replace("%1", when)


def ask_unlock(state: str, attempt: Callable[[str], object], wait_left: Callable[[], int],
               before=None):
    """What ``attempt`` opened, or None when the dialog was closed; a failure no PIN can mend
    (a damaged database, a missing key file) is raised. ``before`` (services.before_unlock)
    gives the language the profile was set to: the dialog speaks it, not the system's."""
    from .app import make_app  # noqa: PLC0415 (app imports the main window)
    make_app(ui_language=getattr(before, "language", None))
    dialog = UnlockDialog(state in ("new", "plain"), attempt, wait_left,
                          converting=state == "plain", before=before)
    dialog.exec()
    if dialog.failure is not None:
        raise dialog.failure
    return dialog.opened


def ask_office_passphrase(path: str, setting: bool, attempt: Callable[[str], object],
                          ui_language: str | None = None):
    """What ``attempt`` opened with the passphrase typed for the office database file ``path``
    (chosen, twice, when ``setting``), or None when the dialog was closed."""
    from .app import make_app  # noqa: PLC0415 (app imports the main window)
    make_app(None, ui_language)
    dialog = UnlockDialog(setting, attempt, lambda: 0, office_file=path)
    dialog.exec()
    return dialog.opened
