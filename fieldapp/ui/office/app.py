"""Start the supervisor's window over the office services and run until it is closed."""

from __future__ import annotations

from ..app import make_app
from .window import OfficeWindow


def run_office_gui(services, profile, argv: list[str] | None = None) -> int:
    app = make_app(argv)
    window = OfficeWindow(services, profile)
    window.show()
    return app.exec()
