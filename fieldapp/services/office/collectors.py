"""Collectors: add, change, deactivate (or delete one nobody ever relied on), and list with loads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ...domain.collectors import (Collector, CollectorLoad, check_language, clean_name,
                                  clean_phone)
from ...domain.commitments import LiveOutcome
from ...domain.errors import InvalidValue
from ...domain.ids import new_id
from ...domain.instants import UTC, to_text
from ...store import assignment_repo, office_repo
from ..changes import Changes

_CHANGED = Changes(collectors=True)


class Collectors:
    """The office's collectors. Writes take the write lock up front (``sessions.begin``)."""

    def __init__(self, store, now: Callable[[], datetime]):
        self._store = store
        self.now = now

    def list(self, include_inactive: bool = True) -> list[Collector]:
        with self._store.sessions() as session:
            return office_repo.all_collectors(session, include_inactive)

    def loads(self, include_inactive: bool = True) -> list[CollectorLoad]:
        """Each collector with their customer count and overdue total per currency."""
        with self._store.sessions() as session:
            return office_repo.loads(session, self.now().date(), include_inactive)

    def get(self, key: str) -> Collector:
        """By id or exact name."""
        with self._store.sessions() as session:
            return office_repo.find(session, key)

    def add(self, name: str, phone: str = "", language: str = "vi") -> tuple[Collector, Changes]:
        collector = Collector(new_id(), clean_name(name), clean_phone(phone),
                              check_language(language), True, self.now().astimezone(UTC))
        with self._store.sessions.begin() as session:
            added = office_repo.add(session, collector, to_text(self.now()))
        return added, _CHANGED

    def edit(self, key: str, *, name: str | None = None, phone: str | None = None,
             language: str | None = None, active: bool | None = None
             ) -> tuple[Collector, Changes]:
        """Change the fields given; the others stay. Customers keep their collector."""
        values = {}
        if name is not None:
            values["name"] = clean_name(name)
        if phone is not None:
            values["phone"] = clean_phone(phone)
        if language is not None:
            values["language"] = check_language(language)
        if active is not None:
            values["active"] = bool(active)
        with self._store.sessions.begin() as session:
            found = office_repo.find(session, key)
            changed = office_repo.update(session, found.id, **values)
        return changed, _CHANGED

    def deactivate(self, key: str) -> tuple[Collector, Changes]:
        """No new customers go to an inactive collector; the ones they have stay until moved."""
        return self.edit(key, active=False)

    def delete(self, key: str) -> Changes:
        """Only a collector nobody relied on: one with customers, or named in the assignment
        log or on a route, is refused (deactivate them instead), so no history loses a name."""
        with self._store.sessions.begin() as session:
            found = office_repo.find(session, key)
            count = office_repo.customer_count(session, found.id)
            if count:
                raise InvalidValue("collector.has_customers", name=found.name, count=count)
            if office_repo.has_history(session, found.id):
                raise InvalidValue("collector.has_history", name=found.name)
            office_repo.delete(session, found.id)
        return _CHANGED

    def open_follow_ups(self, key: str) -> list[LiveOutcome]:
        """Open promises, installment lines, disputes and revisits of this collector's
        customers now: they move with the customer when it is reassigned."""
        with self._store.sessions() as session:
            found = office_repo.find(session, key)
            return assignment_repo.open_follow_ups(session, found.id)
