"""Profile settings kept in the database as text, next to the data they govern."""

from __future__ import annotations

from sqlalchemy import select

from .tables import SettingRow


def read_all(session) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(SettingRow.key, SettingRow.value))}


def write(session, values: dict[str, str]) -> None:
    for key, value in values.items():
        row = session.get(SettingRow, key)
        if row is None:
            session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
