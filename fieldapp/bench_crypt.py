"""The encrypted profile's cost: search p95 and customer open on the SQLCipher profile against a
plain copy of it, measured in the same run, and the unlock alone."""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path

from .paths import Profile

# The benchmark's own profile is encrypted under this (never a person's PIN).
BENCH_PASSPHRASE = "fieldapp bench passphrase"
PLAIN = "plain"


def plain_copy(profile: Profile) -> Profile:
    """A plain copy of the encrypted benchmark profile (made once, again when it is older)."""
    from .store import cipher, keyfile  # noqa: PLC0415
    plain = Profile(profile.home / PLAIN).ensure()
    source = profile.database
    if plain.database.exists() and plain.database.stat().st_mtime >= source.stat().st_mtime:
        return plain
    key = keyfile.unlock(keyfile.key_file(source), BENCH_PASSPHRASE).database
    tmp = plain.home / "fieldapp.db.copying"
    cipher.export(source, key, tmp, None)
    tmp.replace(plain.database)
    return plain


def unlock(profile: Profile):
    from .services import profile_lock  # noqa: PLC0415
    return profile_lock.unlock(profile, BENCH_PASSPHRASE)


def measure(profile: Profile, plain_figures: dict, today: date, rounds: int) -> dict:
    """Figures of the encrypted profile, and their ratios to the plain ones in ``plain_figures``
    (measure_in_process on the plain copy)."""
    from . import bench  # noqa: PLC0415
    from .services.portfolio import Portfolio  # noqa: PLC0415
    started = time.perf_counter()
    store = unlock(profile)
    unlock_ms = (time.perf_counter() - started) * 1000
    try:
        portfolio = Portfolio(store, lambda: today)
        ours = bench._time_queries(lambda q: portfolio.search(q), rounds)
        busiest = plain_figures["customer_open_id"]
        portfolio.open_customer(busiest)
        opens = [bench._ms(portfolio.open_customer, busiest) for _ in range(5)]
    finally:
        store.close()
    p95, open_ms = bench._pct(ours, 95), round(statistics.median(opens), 1)
    return {"encrypted_unlock_ms": round(unlock_ms, 1),
            "encrypted_search_p50_ms": bench._pct(ours, 50), "encrypted_search_p95_ms": p95,
            "encrypted_customer_open_ms": open_ms,
            "encrypted_search_p95_ratio": round(p95 / max(plain_figures["search_p95_ms"],
                                                          0.001), 2),
            "encrypted_customer_open_ratio": round(
                open_ms / max(plain_figures["customer_open_ms"], 0.001), 2)}


def startup_env() -> dict:
    """What the benchmark's windows are started with: the bench profile's passphrase."""
    return {"FIELDAPP_PASSPHRASE": BENCH_PASSPHRASE}


def is_plain(path: Path) -> bool:
    from .store import cipher  # noqa: PLC0415
    return cipher.is_plain(path)
