"""`fieldapp office` without a tool: the supervisor's window (a throwaway one with --demo)."""

from __future__ import annotations

import os

from .. import display
from ..paths import Profile


def main(profile: Profile, args) -> int:
    display.check()  # before anything is built: without a display Qt would only abort
    from ..services.office.app import build  # noqa: PLC0415
    from ..ui.office.app import run_office_gui  # noqa: PLC0415
    store = open_for_window(profile, args)
    if store is None:  # the passphrase dialog was closed
        return 1
    try:
        return run_office_gui(build(store, args.today), profile)
    finally:
        store.close()


def open_for_window(profile: Profile, args):
    """The office store; an encrypted office file's passphrase asked in a dialog (chosen there
    for a new one with --encrypt), or FIELDAPP_PASSPHRASE's (automation). None: given up."""
    from ..services import profile_lock  # noqa: PLC0415
    from ..services.office import encryption  # noqa: PLC0415
    from .main import database_url, office_file, open_office  # noqa: PLC0415
    where = office_file(profile, database_url(args.db))
    if where is None or os.environ.get(profile_lock.PASSPHRASE_ENV):
        return open_office(profile, args.db, args.encrypt)
    path, backups = where
    how = encryption.opening(path, args.encrypt)
    if how == encryption.PLAIN:
        return encryption.open_plain(path, backups)
    from ..ui.office.preferences import OfficePreferences  # noqa: PLC0415
    from ..ui.unlock_dialog import ask_office_passphrase  # noqa: PLC0415
    return ask_office_passphrase(str(path), how == encryption.CHOOSE,
                                 lambda secret: encryption.unlock(path, backups, secret),
                                 OfficePreferences(profile.settings_file).language)
