"""The collector's window: the only package that imports PySide6; talks to services and records."""

# First, before any other Qt call: PySide6 6.12.0 on Python 3.11 loses references (see qtfix).
from . import qtfix  # noqa: F401
