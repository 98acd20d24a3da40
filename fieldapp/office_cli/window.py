"""`fieldapp office` without a tool: the supervisor's window (a throwaway one with --demo)."""

from __future__ import annotations

from .. import display
from ..paths import Profile


def main(profile: Profile, args) -> int:
    display.check()  # before anything is built: without a display Qt would only abort
    from ..services.office.app import build  # noqa: PLC0415
    from ..ui.office.app import run_office_gui  # noqa: PLC0415
    from .main import open_office  # noqa: PLC0415
    store = open_office(profile, args.db)
    try:
        return run_office_gui(build(store, args.today), profile)
    finally:
        store.close()
