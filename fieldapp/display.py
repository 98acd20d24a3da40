"""Is there a screen to show the window on? Asked before anything is built or opened."""

from __future__ import annotations

import os
import sys

from .domain.errors import FieldappError

# Platforms that need no display server (tests, remote rendering, the kiosk framebuffers).
_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def check() -> None:
    """Raise ``display.missing`` when Qt would abort for want of a display (on Linux: no
    DISPLAY or WAYLAND_DISPLAY and no window-less platform chosen)."""
    if not sys.platform.startswith("linux"):
        return  # Windows and macOS always have their own window system
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform in _HEADLESS:
        return
    x11, wayland = os.environ.get("DISPLAY"), os.environ.get("WAYLAND_DISPLAY")
    if (platform.startswith("wayland") and wayland) or (platform == "xcb" and x11) \
            or (not platform and (x11 or wayland)):
        return
    raise FieldappError("display.missing")
