"""The machine's clock and time zone: the only place that asks the system what time it is."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path

from .domain.instants import UTC, zone_named


def utc_now() -> datetime:
    """Now as an aware UTC instant, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def machine_zone() -> tzinfo:
    """This machine's zone: $TZ or /etc/localtime's IANA name when there is one (DST rules and
    all), else the fixed offset the system reports now (Windows; right for VN, TW, CN)."""
    for name in (os.environ.get("TZ", "").lstrip(":"), _localtime_link()):
        if name:
            try:
                return zone_named(name)
            except ValueError:
                pass
    return datetime.now().astimezone().tzinfo or UTC


def _localtime_link() -> str:
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return ""
    return target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else ""
