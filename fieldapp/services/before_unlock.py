"""What the encrypted profile keeps in the clear for the time before the unlock: the chosen UI
language, and how many records were not yet sent at the last lock or close (a count and when,
never a customer)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from ..files import write_atomically
from ..paths import Profile

FILE = "before-unlock.json"


@dataclass(frozen=True)
class BeforeUnlock:
    language: str | None = None  # the UI language setting ("" or None: the system's)
    unsent: int | None = None  # records not sent at the last lock or close; None: not known
    unsent_at: datetime | None = None  # when that was counted (aware, UTC)


def read(profile: Profile) -> BeforeUnlock:
    """What was noted; nothing known when the file is missing or unreadable (never fatal)."""
    held = _held(profile)
    unsent = held.get("unsent")
    try:
        at = datetime.fromisoformat(held["unsent_at"]) if held.get("unsent_at") else None
    except (TypeError, ValueError):
        at = None
    language = held.get("language")
    return BeforeUnlock(language if isinstance(language, str) else None,
                        unsent if isinstance(unsent, int) and unsent >= 0 else None, at)


def note_language(profile: Profile, language: str | None) -> None:
    """Written when the language setting changes (and at each start, for older profiles)."""
    _update(profile, language=language or "")


def note_unsent(profile: Profile, count: int, now: datetime | None = None) -> None:
    """Written when the window locks or closes: only the number, which says nothing about any
    customer, so the forgotten-PIN explanation can say how much would be lost."""
    at = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    _update(profile, unsent=int(count), unsent_at=at.isoformat(timespec="seconds"))


def _held(profile: Profile) -> dict:
    try:
        held = json.loads((profile.home / FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return held if isinstance(held, dict) else {}


def _update(profile: Profile, **values) -> None:
    held = _held(profile)
    if all(held.get(k) == v for k, v in values.items()):
        return  # unchanged: no write at every start
    held.update(values)
    try:
        write_atomically(profile.home / FILE, json.dumps(held, sort_keys=True).encode("utf-8"),
                         private=True)
    except OSError:
        pass  # a convenience for the next start; the data itself is in the database
