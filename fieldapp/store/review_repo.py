"""The review inbox in SQL: rows for imported visits, one page at a time, counts per state,
states set one by one or for everything a filter matches, and the append-only event log."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import tzinfo

from sqlalchemy import (String, any_, bindparam, exists, func, insert, literal, select, tuple_,
                        union_all, update)
from sqlalchemy.dialects.postgresql import ARRAY

from ..domain.ids import new_id
from ..domain.instants import UTC, from_text
from ..domain.review import (OUTCOME_KINDS, RECEIVED, STATE, History, InboxFilter, InboxItem, Page,
                             ReviewEvent, Revision)
from .tables import (CollectorRow, CustomerRow, DeviceRow, DocumentRow, OutcomeRow,
                     ReviewEventRow, ReviewRow, VisitRow)

_CHUNK = 500
_COLUMNS = (ReviewRow.visit_uuid, ReviewRow.customer_id, ReviewRow.collector_id,
            ReviewRow.device, ReviewRow.started_at, ReviewRow.day, ReviewRow.state,
            ReviewRow.state_at, ReviewRow.state_by, ReviewRow.reason)


def receive(session, visits: list[dict], device: str, at: str, zone: tzinfo) -> int:
    """A review row for each final visit of a bundle the inbox does not hold yet ("received");
    the collector is the one the laptop is enrolled for."""
    final = [v for v in visits if v.get("status") == "final"]
    if not final:
        return 0
    collector = session.execute(select(DeviceRow.collector_id).where(
        DeviceRow.id == device)).scalar()
    held = set()
    ids = [v["uuid"] for v in final]
    for start in range(0, len(ids), _CHUNK):
        held.update(session.execute(select(ReviewRow.visit_uuid).where(
            ReviewRow.visit_uuid.in_(ids[start:start + _CHUNK]))).scalars())
    rows = []
    for v in final:
        if v["uuid"] in held:
            continue
        held.add(v["uuid"])
        rows.append({"visit_uuid": v["uuid"], "device": device, "collector_id": collector,
                     "customer_id": v["customer_id"], "started_at": v["started_at"],
                     "day": from_text(v["started_at"], UTC).astimezone(zone).date(),
                     "received_at": at, "state": RECEIVED, "state_at": None, "state_by": "",
                     "reason": ""})
    if rows:
        session.execute(insert(ReviewRow.__table__), rows)
    return len(rows)


def _where(f: InboxFilter) -> list:
    out = []
    if f.collector_id is not None:
        out.append(ReviewRow.collector_id == f.collector_id)
    if f.day is not None:
        out.append(ReviewRow.day == f.day)
    if f.state is not None:
        out.append(ReviewRow.state == f.state)
    if f.outcome is not None:
        out.append(exists().where(OutcomeRow.visit_uuid == ReviewRow.visit_uuid,
                                  OutcomeRow.kind == f.outcome))
    return out


def page(session, f: InboxFilter, after: tuple[str, str] | None, size: int,
         zone: tzinfo) -> Page:
    """Oldest first by (started_at, visit id): a page reads ``size`` rows along an index
    whatever the inbox holds, and the next page starts right after the last one shown."""
    where = _where(f)
    if after is not None:
        # A row value: both engines read it as a range of the (started_at, visit id) index; the
        # same condition spelt with OR is a filter over every row before the cursor.
        where.append(tuple_(ReviewRow.started_at, ReviewRow.visit_uuid)
                     > tuple_(literal(after[0]), literal(after[1])))
    items, more, last = _rows(session, where, size, zone)
    return Page(items, last if more else None)


def _rows(session, where: list, size: int, zone: tzinfo):
    """(items, whether more follow, the stored order key of the last one)."""
    stmt = (select(*_COLUMNS, CustomerRow.code, CustomerRow.name.label("customer_name"),
                   CollectorRow.name.label("collector"), VisitRow.kind.label("visit_kind"),
                   VisitRow.amends)
            .join(VisitRow, VisitRow.uuid == ReviewRow.visit_uuid)
            .outerjoin(CustomerRow, CustomerRow.id == ReviewRow.customer_id)
            .outerjoin(CollectorRow, CollectorRow.id == ReviewRow.collector_id)
            .where(*where).order_by(ReviewRow.started_at, ReviewRow.visit_uuid).limit(size + 1))
    rows = session.execute(stmt).all()
    more = len(rows) > size
    rows = rows[:size]
    extras = _extras(session, [r.visit_uuid for r in rows])
    last = (rows[-1].started_at, rows[-1].visit_uuid) if rows else None
    return tuple(_item(r, zone, *extras) for r in rows), more, last


def _extras(session, ids: list[str]):
    """Per page (never per inbox), in one round trip: outcome kinds, comments, documents, and
    which records a later visit amends (an EXISTS per row would make PostgreSQL hash every
    amendment of the inbox)."""
    kinds: dict[str, list[str]] = defaultdict(list)
    comments, documents, amended = Counter(), Counter(), set()
    for start in range(0, len(ids), _CHUNK):
        _extras_of(session, ids[start:start + _CHUNK], kinds, comments, documents, amended)
    for visit in kinds:
        kinds[visit].sort()
    return kinds, comments, documents, amended


def _among(column, ids: list[str], session):
    """``column`` is one of ``ids``. On PostgreSQL one array parameter: a list of a hundred
    parameters, four times, cost more to render and parse than the page's reads."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam("ids", ids, type_=ARRAY(String)))
    return column.in_(ids)


def _extras_of(session, ids: list[str], kinds, comments, documents, amended) -> None:
    parts = union_all(
        select(OutcomeRow.visit_uuid.label("v"), literal("o").label("t"),
               OutcomeRow.kind.label("k")).where(_among(OutcomeRow.visit_uuid, ids, session),
                                                 OutcomeRow.kind.in_(OUTCOME_KINDS)),
        select(ReviewEventRow.visit_uuid, literal("c"), literal("")).where(
            _among(ReviewEventRow.visit_uuid, ids, session), ReviewEventRow.kind == "comment"),
        select(DocumentRow.visit_uuid, literal("d"), literal("")).where(
            _among(DocumentRow.visit_uuid, ids, session)),
        select(VisitRow.amends, literal("a"), literal("")).where(
            _among(VisitRow.amends, ids, session)))
    for visit, tag, kind in session.execute(parts):
        if tag == "o":
            if kind not in kinds[visit]:
                kinds[visit].append(kind)
        elif tag == "c":
            comments[visit] += 1
        elif tag == "d":
            documents[visit] += 1
        else:
            amended.add(visit)


def _item(r, zone, kinds, comments, documents, amended) -> InboxItem:
    uuid = r.visit_uuid
    return InboxItem(
        uuid, r.customer_id, r.code or "", r.customer_name or "", r.collector_id,
        r.collector or "", r.device, r.visit_kind, from_text(r.started_at, zone), r.day, tuple(kinds.get(uuid, ())),
        r.state, from_text(r.state_at, zone) if r.state_at else None, r.state_by, r.reason,
        r.amends, uuid in amended, comments.get(uuid, 0), documents.get(uuid, 0))


def item(session, visit_uuid: str, zone: tzinfo) -> InboxItem | None:
    """One record read the way the list reads it."""
    items = _rows(session, [ReviewRow.visit_uuid == visit_uuid], 1, zone)[0]
    return items[0] if items else None


def counts(session, f: InboxFilter) -> dict[str, int]:
    """How many records each state has under ``f`` (its own state left out)."""
    stmt = select(ReviewRow.state, func.count()).where(*_where(f.without_state())) \
        .group_by(ReviewRow.state)
    return dict(session.execute(stmt).all())


def matching(session, f: InboxFilter) -> list[str]:
    stmt = select(ReviewRow.visit_uuid).where(*_where(f)).order_by(ReviewRow.started_at,
                                                                   ReviewRow.visit_uuid)
    return list(session.execute(stmt).scalars())


def count(session, f: InboxFilter) -> int:
    return session.execute(select(func.count()).select_from(ReviewRow).where(*_where(f))).scalar()


def ids_like(session, prefix: str, limit: int = 2) -> list[str]:
    """Visit ids of the inbox starting with ``prefix`` (people type the first characters)."""
    return list(session.execute(select(ReviewRow.visit_uuid).where(
        ReviewRow.visit_uuid.like(prefix.replace("%", "").replace("_", "\\_") + "%",
                                  escape="\\")).order_by(ReviewRow.visit_uuid).limit(limit)).scalars())


def set_state(session, ids: list[str], state: str, reason: str, actor: str, at: str) -> int:
    """The state of every record in ``ids`` and an event for each (who, when, why)."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        session.execute(update(ReviewRow).where(ReviewRow.visit_uuid.in_(chunk)).values(
            state=state, state_at=at, state_by=actor, reason=reason))
        session.execute(insert(ReviewEventRow.__table__), [
            {"id": new_id(), "visit_uuid": v, "at": at, "actor": actor, "kind": STATE,
             "state": state, "text": reason, "corrects": None} for v in chunk])
    return len(ids)


def add_comment(session, visit_uuid: str, text: str, actor: str, at: str,
                corrects: str | None) -> str:
    event_id = new_id()
    session.execute(insert(ReviewEventRow.__table__).values(
        id=event_id, visit_uuid=visit_uuid, at=at, actor=actor, kind="comment", state=None,
        text=text, corrects=corrects))
    return event_id


def event(session, event_id: str) -> ReviewEvent | None:
    row = session.get(ReviewEventRow, event_id)
    return _event(row, UTC) if row is not None else None


def _event(row, zone: tzinfo) -> ReviewEvent:
    return ReviewEvent(row.id, row.visit_uuid, from_text(row.at, zone), row.actor, row.kind,
                       row.state, row.text, row.corrects)


def events(session, visit_uuids: list[str], zone: tzinfo) -> list[ReviewEvent]:
    rows = session.execute(select(ReviewEventRow).where(
        ReviewEventRow.visit_uuid.in_(visit_uuids)).order_by(
        ReviewEventRow.at, ReviewEventRow.id)).scalars()
    return [_event(r, zone) for r in rows]


def revisions(session, visit_uuid: str, zone: tzinfo) -> list[Revision]:
    """The amendment chain through ``visit_uuid``: back to the original, then forward through
    every visit that amends one of the chain (the laptop links them by ``visit.amends``)."""
    chain, seen, current = [], set(), visit_uuid
    while current and current not in seen and len(seen) < 1000:  # a cycle: a damaged file
        seen.add(current)
        row = session.get(VisitRow, current)
        if row is None:
            break
        chain.insert(0, row)
        current = row.amends
    frontier = [visit_uuid]
    while frontier and len(seen) < 1000:
        later = session.execute(select(VisitRow).where(VisitRow.amends.in_(frontier)).order_by(
            VisitRow.started_at)).scalars().all()
        later = [r for r in later if r.uuid not in seen]
        seen.update(r.uuid for r in later)
        chain.extend(later)
        frontier = [r.uuid for r in later]
    return [_revision(r, zone) for r in chain]


def _revision(row, zone: tzinfo) -> Revision:
    import json  # noqa: PLC0415 (only the amendment's reason is read from the body)
    reason = json.loads(row.body).get("amend_reason", "") if row.amends else ""
    return Revision(row.uuid, from_text(row.started_at, zone),
                    from_text(row.finalized_at, zone) if row.finalized_at else None,
                    row.amends, reason)


def history(session, visit_uuid: str, zone: tzinfo) -> History | None:
    found = item(session, visit_uuid, zone)
    if found is None:
        return None
    revs = revisions(session, visit_uuid, zone)
    return History(found, tuple(events(session, [visit_uuid], zone)), tuple(revs))


def for_collector(session, collector_id: str, since: str) -> list[dict]:
    """The review events since ``since`` of the visits a collector made: what the collector's
    next pack carries (as JSON values)."""
    stmt = (select(ReviewEventRow).join(ReviewRow, ReviewRow.visit_uuid == ReviewEventRow.visit_uuid)
            .where(ReviewRow.collector_id == collector_id, ReviewEventRow.at >= since)
            .order_by(ReviewEventRow.at, ReviewEventRow.id))
    return [{"id": r.id, "visit_uuid": r.visit_uuid, "at": r.at, "actor": r.actor,
             "kind": r.kind, "state": r.state, "text": r.text, "corrects": r.corrects}
            for r in session.execute(stmt).scalars()]


def take_events(session, values: list[dict]) -> int:
    """The laptop keeps the events a pack carries that it does not hold yet (append-only on
    both sides: an event is never replaced)."""
    ids = [v["id"] for v in values]
    held = set()
    for start in range(0, len(ids), _CHUNK):
        held.update(session.execute(select(ReviewEventRow.id).where(
            ReviewEventRow.id.in_(ids[start:start + _CHUNK]))).scalars())
    new = [v for v in values if v["id"] not in held]
    if new:
        session.execute(insert(ReviewEventRow.__table__), new)
    return len(new)
