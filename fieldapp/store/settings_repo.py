"""Profile settings kept in the database as text, next to the data they govern."""

from __future__ import annotations

from sqlalchemy import select, text

from .tables import SettingRow


def read_all(session) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(SettingRow.key, SettingRow.value))}


# One statement on both engines: two supervisors writing a new key at once on PostgreSQL would
# both find it missing and both insert it, and one of them would fail.
_UPSERT = text('INSERT INTO setting ("key", value) VALUES (:key, :value) '
               'ON CONFLICT ("key") DO UPDATE SET value = excluded.value')


def write(session, values: dict[str, str]) -> None:
    session.flush()  # the session's own pending rows first, as the ORM writes did
    for key, value in values.items():
        session.execute(_UPSERT, {"key": key, "value": value})
