"""The supervisor's queue of master-data conflicts: fields a laptop and the office both changed
since the laptop's base. Listed oldest first; each is resolved by keeping the office's value,
taking the laptop's, or typing another; the resolution is kept with the conflict."""

from __future__ import annotations

from ...domain import master_data as md
from ...domain.errors import InvalidValue, NotFound
from ...domain.instants import to_text
from ...domain.master_data import Conflict
from ...store import master_edits
from ..changes import Changes


class Conflicts:
    def __init__(self, store, now, actor: str):
        self._store, self._now, self._actor = store, now, actor

    def open(self) -> list[Conflict]:
        with self._store.sessions.begin() as session:
            return master_edits.conflicts(session, open_only=True)

    def all(self) -> list[Conflict]:
        with self._store.sessions.begin() as session:
            return master_edits.conflicts(session, open_only=False)

    def resolve(self, conflict_id: str, take: str, value: str | None = None) -> Changes:
        """``take`` office, laptop or value (then ``value`` is written, checked like the
        laptop checks it). A resolved conflict is not resolved again."""
        if take not in md.TAKES:
            raise InvalidValue("master.bad_take", take=take, takes=", ".join(md.TAKES))
        with self._store.sessions.begin() as session:
            row = _find(session, conflict_id)
            if row.resolved_at is not None:
                raise InvalidValue("master.conflict_closed", id=row.id)
            chosen = {md.TAKE_OFFICE: row.office_value, md.TAKE_LAPTOP: row.laptop_value}.get(
                take) if take != md.TAKE_VALUE else _checked(row.field, value)
            if not master_edits.settle(session, row, take, chosen, to_text(self._now()),
                                       self._actor):
                raise NotFound("master.customer_gone", customer=row.customer_code)
            customer = master_edits.customer_id(session, row.customer_code)
        return Changes(customers=frozenset({customer}) if customer else frozenset(),
                       details=True)


def _find(session, conflict_id: str):
    """By id or its first characters (as typed from `office conflicts`), one match only."""
    rows = master_edits.conflict_rows_like(session, conflict_id.strip())
    if len(rows) != 1:
        raise NotFound("master.no_conflict", id=conflict_id)
    return rows[0]


def _checked(field: str, value: str | None) -> str:
    if value is None:
        raise InvalidValue("master.value_required")
    if field in ("phone", "added"):
        return md.clean_phone(value)
    return md.clean_address_part(field, value)
