"""Records of a day bundle that are not rows to insert: a laptop's master-data edits (judged
against the office's values) and later changes of an outcome's state already sent (an
amendment superseded it). Both are applied idempotently: the same record twice changes nothing."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import update

from ..domain import master_data as md
from ..domain.errors import InvalidValue
from ..domain.master_data import MasterEdit
from ..sync.errors import BundleRefused
from . import master_edits
from .tables import OutcomeRow, VisitRow

MASTER_EDIT, OUTCOME_STATE = "master_edit", "outcome_state"
KINDS = (MASTER_EDIT, OUTCOME_STATE)  # applied after the rows, in this order
_EDIT_FIELDS = {f.name: (int if f.name == "base_version" else str) for f in fields(MasterEdit)}


def edit_json(edit: MasterEdit) -> dict:
    return asdict(edit)


def state_json(outcome_uuid: str, superseded_by: str | None) -> dict:
    return {"uuid": outcome_uuid, "superseded_by": superseded_by}


def _edit(row: dict) -> MasterEdit:
    for name, kind in _EDIT_FIELDS.items():
        if type(row.get(name)) is not kind:
            raise BundleRefused("sync.bad_records", reason=f"a master_edit has no valid {name}")
    try:
        md.check_field(row["entity"], row["field"])
    except InvalidValue as exc:
        raise BundleRefused("sync.bad_records", reason=str(exc)) from None
    return MasterEdit(**{name: row[name] for name in _EDIT_FIELDS})


def _state(row: dict) -> tuple[str, str | None]:
    uuid, by = row.get("uuid"), row.get("superseded_by")
    if not isinstance(uuid, str) or not (by is None or isinstance(by, str)):
        raise BundleRefused("sync.bad_records", reason="an outcome_state has no valid uuid")
    return uuid, by


def check(kind: str, row: dict) -> None:
    """Refuse a malformed record before anything is written."""
    _edit(row) if kind == MASTER_EDIT else _state(row)


def apply(session, kind: str, rows: list[dict], now: str) -> int:
    if kind == MASTER_EDIT:
        return master_edits.take(session, [_edit(r) for r in rows], now)
    return _states(session, [_state(r) for r in rows])


def _states(session, states: list[tuple[str, str | None]]) -> int:
    """An outcome superseded by an amendment stays superseded (never the other way): a state
    already held is a no-op. An outcome or amendment the office does not hold is refused."""
    changed = 0
    for uuid, by in states:
        if session.get(OutcomeRow, uuid) is None:
            raise BundleRefused("sync.bad_records", reason=f"outcome {uuid} is not at the office")
        if by is None:
            continue
        if session.get(VisitRow, by) is None:
            raise BundleRefused("sync.bad_records", reason=f"visit {by} is not at the office")
        done = session.execute(update(OutcomeRow).where(
            OutcomeRow.uuid == uuid, OutcomeRow.superseded_by.is_(None))
            .values(superseded_by=by))
        changed += done.rowcount or 0
    return changed

