"""Keeps the KPI dashboard's sums: what the triggers marked stale is made again by the rules
the dashboard once applied to every row (balances by aging bucket from each day they change
on, daily sums, what each commitment took: commitments.allocate). A bundle import makes its
collector's again before it commits (a fraction of a second). A receivables export touches
every collector (seconds to a minute for a million invoices, too long for the import's own
transaction): the wizard and the command line make them right after it; whatever any other
writer left stale is made on the dashboard's next read."""

from __future__ import annotations

from ...store import kpi_cache, settings_repo
from .. import followups
from .. import settings as cfg


def refresh(session, grace_days: int | None = None) -> set[str]:
    """Make the stale collectors' sums again inside ``session``'s transaction; returns who
    was made again ('*': everyone). Nothing stale: one small read."""
    who = kpi_cache.stale(session)
    if not who:
        return who
    if grace_days is None:
        grace_days = _grace(session)
    kpi_cache.remake_sums(session, who)
    commitments, owners = kpi_cache.live_commitments(session, who)
    taken = followups.taken_by(session, commitments, grace_days) if commitments else {}
    kpi_cache.replace_commitments(session, who, commitments, owners, taken)
    kpi_cache.done(session, who)
    return who


def refresh_store(store) -> set[str]:
    """``refresh`` in its own transaction (the dashboard's, before it reads); nothing stale,
    no write transaction (on SQLite a dashboard never waits for an import's write lock)."""
    with store.sessions() as session:
        if not kpi_cache.any_stale(session):
            return set()
    with store.sessions.begin() as session:
        return refresh(session)


def rebuild_store(store) -> None:
    """Every sum made from scratch (a check that the kept ones were kept right)."""
    with store.sessions.begin() as session:
        kpi_cache.mark_all(session)
        refresh(session)


def _grace(session) -> int:
    """The grace days the sums are made with, read in the same transaction."""
    raw = settings_repo.read_all(session).get(cfg.PROMISE_GRACE_DAYS.key)
    return cfg.PROMISE_GRACE_DAYS.default if raw is None else int(raw)
