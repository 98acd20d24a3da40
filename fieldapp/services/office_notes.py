"""Notes from the office on the laptop: the list the collector reads (newest first, unread
marked), the unread count, read marks kept in the store, and each record's review for the
customer's visit history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ..domain.instants import to_text
from ..domain.office_notes import LIST_LIMIT, Note, VisitReview, latest_reviews
from ..store import office_notes_repo
from . import settings as cfg
from .changes import Changes


class OfficeNotes:
    def __init__(self, store, settings: cfg.Settings, now: Callable[[], datetime]):
        self._store, self._settings, self._now = store, settings, now

    def newest(self, limit: int = LIST_LIMIT) -> list[Note]:
        """The newest notes first, times in the collector's zone."""
        with self._store.sessions() as session:
            return office_notes_repo.newest(session, self._settings.zone(), limit)

    def unread_count(self) -> int:
        with self._store.sessions() as session:
            return office_notes_repo.unread_count(session)

    def mark_read(self, keys) -> Changes:
        """Mark the notes named by (kind, id) as read; marking one twice changes nothing."""
        with self._store.sessions.begin() as session:
            done = office_notes_repo.mark_read(session, list(keys), to_text(self._now()))
        return Changes(office_notes=bool(done))

    def mark_all_read(self) -> Changes:
        with self._store.sessions.begin() as session:
            keys = office_notes_repo.unread_keys(session)
            done = office_notes_repo.mark_read(session, keys, to_text(self._now()))
        return Changes(office_notes=bool(done))

    def reviews_of(self, customer_id: int) -> dict[str, VisitReview]:
        """Per visit uuid of the customer: its latest review state and every note on it."""
        with self._store.sessions() as session:
            notes = office_notes_repo.of_customer(session, customer_id, self._settings.zone())
        return latest_reviews(notes)
