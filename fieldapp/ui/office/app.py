"""Start the supervisor's window over the office services and run until it is closed."""

from __future__ import annotations

from ..app import make_app
from .preferences import OfficePreferences
from .window import OfficeWindow


def run_office_gui(services, profile, argv: list[str] | None = None) -> int:
    """The UI language is the supervisor's choice in this profile (View › Language), else the
    system's."""
    app = make_app(argv, OfficePreferences(profile.settings_file).language or None)
    window = OfficeWindow(services, profile)
    window.show()
    return app.exec()
