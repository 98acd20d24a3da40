"""Instants (aware datetimes) and their stored text: UTC with offset, shown in the user's zone."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import InvalidValue

UTC = timezone.utc
# Where the IANA database is missing (Windows without the tzdata package), the zones our users
# live in still work: none of them has had daylight saving time since 1991.
_FIXED = {"Asia/Ho_Chi_Minh": 7, "Asia/Saigon": 7, "Asia/Bangkok": 7, "Asia/Taipei": 8,
          "Asia/Shanghai": 8, "Asia/Chongqing": 8, "Asia/Hong_Kong": 8, "UTC": 0, "Etc/UTC": 0}
_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{2}):?(\d{2})$")


def to_text(instant: datetime) -> str:
    """The stored form: '2026-11-29T03:30:00+00:00'. One width and one zone (UTC), so text
    order is time order on SQLite and PostgreSQL alike."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant!r} has no time zone; only aware instants are stored")
    return instant.astimezone(UTC).replace(microsecond=0).isoformat()


def from_text(text: str, zone: tzinfo, legacy_zone: tzinfo | None = None) -> datetime:
    """A stored instant, expressed in ``zone`` (the user's) so .date() is the user's day.

    Text without an offset was written before instants were stored in UTC (schema < 5): it is
    local time of ``legacy_zone`` (default ``zone``)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=legacy_zone or zone)
    return value.astimezone(zone)


def local_day(instant: datetime, zone: tzinfo) -> date:
    """The calendar day ``instant`` falls on in ``zone``: 23:30 in Taipei is that Taipei day."""
    return instant.astimezone(zone).date()


def day_bounds(day: date, zone: tzinfo) -> tuple[str, str]:
    """Stored-text bounds [start, end) of ``day`` in ``zone``, for range queries on instants."""
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    return to_text(start), to_text(start + timedelta(days=1))


def zone_named(name: str) -> tzinfo:
    """An IANA zone ('Asia/Taipei') or a fixed offset ('+07:00'); raises ValueError."""
    name = name.strip()
    match = _OFFSET.match(name)
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name in _FIXED:
            return timezone(timedelta(hours=_FIXED[name]), name)
        raise InvalidValue("time.zone_unknown", zone=name) from None


def zone_name(zone: tzinfo) -> str:
    """A name zone_named() reads back: the IANA key, else the current offset ('+07:00')."""
    key = getattr(zone, "key", None)
    if key:
        return key
    offset = zone.utcoffset(datetime(2026, 1, 1)) or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def in_zone(instant: datetime, zone: tzinfo) -> datetime:
    """``instant`` expressed in ``zone``, to the second; a naive value is a bug, not a guess."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant!r} has no time zone; the clock gives aware instants")
    return instant.astimezone(zone).replace(microsecond=0)
