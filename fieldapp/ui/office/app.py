"""Start the supervisor's window over the office services and run until it is closed."""

from __future__ import annotations

from ...services import settings as cfg
from ..app import make_app
from .preferences import OfficePreferences
from .window import OfficeWindow


def ui_language(services, profile) -> str | None:
    """The supervisor's choice in this profile (View › Language), else the office's UI
    language setting where the services carry settings, else None (the system's)."""
    chosen = OfficePreferences(profile.settings_file).language
    if chosen:
        return chosen
    settings = getattr(services, "settings", None)
    return (settings.get(cfg.UI_LANGUAGE) or None) if settings is not None else None


def run_office_gui(services, profile, argv: list[str] | None = None) -> int:
    app = make_app(argv, ui_language(services, profile))
    window = OfficeWindow(services, profile)
    window.show()
    return app.exec()
