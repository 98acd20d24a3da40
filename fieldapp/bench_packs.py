"""`fieldapp bench`: assignment packs. ``pack_build_ms`` (best of three) writes the signed full
pack of a 300-customer collector from an office of ``--customers`` (SQLite, bench cache);
``pack_apply_ms`` verifies and applies it on an empty laptop database (what `fieldapp sync
receive` does). ``pack_delta_build_ms`` / ``pack_delta_apply_ms``: the same once the laptop
confirmed the full pack and the office changed ``DELTA_CHANGED`` of its customers."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date, datetime, time as clock_time, timezone
from pathlib import Path

COLLECTOR, DEVICE = "Bench Collector", "bbbbbbbb-0000-4000-8000-000000000300"
ASSIGNED = 300
DELTA_CHANGED = 10
_PASSPHRASE = "bench passphrase"


def measure(cache: Path, customers: int, today: date) -> dict:
    from .services.office.app import build  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    folder = cache / "pack-office"
    store = open_store(folder / "office.db")
    try:
        _prepare(store, folder, customers, today)
        packs = build(store, today).packs
        keys = folder / "keys"
        build_ms, written = _best(lambda: packs.build(keys, _PASSPHRASE, COLLECTOR, full=True))
        packs.confirm(DEVICE, written.version)
        _change(store)
        delta_ms, delta = _best(lambda: _first_delta(store, packs, keys, written.version))
        assert not delta.full, "the bench measured a full pack as the delta"
    finally:
        store.close()
    apply_ms, delta_apply_ms = _apply_ms((written.data, delta.data), keys, today)
    return {"pack_build_ms": round(build_ms, 1), "pack_apply_ms": round(apply_ms, 1),
            "pack_customers": written.customers, "pack_bytes": len(written.data),
            "pack_office_customers": customers, "pack_delta_build_ms": round(delta_ms, 1),
            "pack_delta_apply_ms": round(delta_apply_ms, 1),
            "pack_delta_customers": delta.customers, "pack_delta_bytes": len(delta.data)}


def _first_delta(store, packs, keys, confirmed: int) -> list:
    """The delta on ``confirmed``, as the first pack written after it: the deltas of earlier
    rounds are forgotten (a pack written and not confirmed makes the next one full)."""
    from sqlalchemy import text  # noqa: PLC0415
    with store.engine.begin() as conn:
        for table in ("pack_customer", "pack_out"):
            conn.execute(text(f"DELETE FROM {table} WHERE device_id = :d AND version > :v"),
                         {"d": DEVICE, "v": confirmed})
    return packs.build(keys, _PASSPHRASE, COLLECTOR)


def _best(build, rounds: int = 3):
    """(the fastest of ``rounds`` builds in ms, the last pack): the machine may be busy."""
    took = []
    for _ in range(rounds):
        start = time.perf_counter()
        (written,) = build()
        took.append((time.perf_counter() - start) * 1000)
    return min(took), written


def _change(store) -> None:
    """A note changed on ``DELTA_CHANGED`` of the collector's customers (new text each run)."""
    from sqlalchemy import text  # noqa: PLC0415
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE customer SET business_notes = :n WHERE id IN (SELECT id FROM "
                          "customer WHERE collector_id = :k ORDER BY id LIMIT :m)"),
                     {"n": f"bench {time.time_ns()}", "k": DEVICE, "m": DELTA_CHANGED})


def _prepare(store, folder: Path, customers: int, today: date) -> None:
    """An office of ``customers`` with one collector of 300 and an enrolled device (once)."""
    from sqlalchemy import text  # noqa: PLC0415

    from .services.office import demo  # noqa: PLC0415
    from .sync import office_keys  # noqa: PLC0415
    if demo.held(store) != customers:
        print(f"building a {customers}-customer office for the pack bench (once) …",
              file=sys.stderr, flush=True)
        if demo.held(store):
            demo.clear(store)
        demo.fill(store, customers, seed=2026, today=today)
    if not office_keys.has_ca(folder / "keys"):
        office_keys.create(folder / "keys", _PASSPHRASE, "bench company",
                           datetime.now(timezone.utc))
    with store.engine.begin() as conn:
        if conn.execute(text("SELECT COUNT(*) FROM collector WHERE name = :n"),
                        {"n": COLLECTOR}).scalar():
            return
        conn.execute(text("INSERT INTO collector (id, name, phone, language, active, created_at)"
                          " VALUES (:id, :n, '', 'vi', TRUE, '2026-01-01T00:00:00+00:00')"),
                     {"id": DEVICE, "n": COLLECTOR})
        conn.execute(text("UPDATE customer SET collector_id = :id WHERE id IN (SELECT id FROM "
                          "customer ORDER BY id LIMIT :k)"), {"id": DEVICE, "k": ASSIGNED})
        conn.execute(text("INSERT INTO device (id, collector_id, certificate, enrolled_at) "
                          "VALUES (:id, :id, '', '2026-01-01T00:00:00+00:00')"), {"id": DEVICE})


def _apply_ms(packs: tuple[bytes, ...], keys: Path, today: date) -> list[float]:
    """Milliseconds to verify, check and apply each pack in turn on one new laptop."""
    from .store import pack_apply  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    from .sync import bundle, office_keys  # noqa: PLC0415
    from .sync.pack import MEMBER, check, parse  # noqa: PLC0415
    ca, _office = office_keys.certificates(keys)
    scratch = Path(tempfile.mkdtemp(prefix="fieldapp-pack-bench-"))
    store = open_store(scratch / "fieldapp.db")
    took, held = [], 0
    try:
        for data in packs:
            start = time.perf_counter()
            found = bundle.read(data, bundle.Trust((ca,), frozenset()))
            pack = parse(found.members[MEMBER])
            check(pack, DEVICE, held, datetime.combine(today, clock_time(), timezone.utc))
            with store.sessions.begin() as session:
                pack_apply.apply(session.connection(), pack.customers, pack.route_stops,
                                 pack.outcomes, date.fromisoformat(pack.header["route_from"]),
                                 None if pack.full else pack.removed)
            took.append((time.perf_counter() - start) * 1000)
            held = pack.version
        return took
    finally:
        store.close()
        shutil.rmtree(scratch, ignore_errors=True)
