"""`fieldapp bench`: startup, search, customer open, follow-ups, documents, memory on a large
cached profile with a long visit history."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, time as clock
from pathlib import Path

import platformdirs

from .bench_queries import QUERIES
from .paths import Profile

STARTUP_RUNS = 3
FOLLOWUP_RUNS = 15


ONLY = ("kpi", "inbox")  # the figures `--only` can run alone


def main(args) -> int:
    if getattr(args, "only", None):
        return _only(args)
    from . import bench_crypt  # the profile is encrypted; its plain copy is the baseline
    profile = Profile(Path(args.cache) if args.cache else _default_cache(args.customers))
    today = ensure_profile(profile, args.customers, args.history)
    plain = bench_crypt.plain_copy(profile)
    result = {"customers": args.customers, "queries": len(QUERIES), "today": today.isoformat()}
    result.update(measure_startup(profile, today))  # includes the unlock
    result.update(measure_demo())
    result.update(measure_in_process(plain, today, args.rounds))
    result.update(bench_crypt.measure(profile, result, today, args.rounds))
    result.update(measure_followups(plain, today))
    result.update(measure_documents(profile))
    # The laptop's peak before the office's figures (an import of a million lines is not the
    # laptop's memory; it has its own import_ar_peak_mb).
    result["rss_mb"] = round(_peak_rss_mb(), 1)
    if args.ar_lines:  # receivables import: ours against csv + bare executemany
        from .bench_import import measure as measure_import
        result.update(measure_import(profile.home, args.ar_lines, args.pg_url))
    from . import bench_office  # the office's search on PostgreSQL
    result.update(bench_office.measure(args, profile.home, today))
    from . import bench_kpi  # the KPI dashboard of a quarter on PostgreSQL
    result.update(bench_kpi.measure(args, profile.home, today))
    from . import bench_packs  # assignment packs: build at the office, apply on a laptop
    result.update(bench_packs.measure(profile.home, args.customers, today))
    from .bench_bundles import measure as measure_bundles  # day bundles at the office
    result.update(measure_bundles(profile.home, args.pg_url))
    from .bench_review import measure as measure_review  # the review inbox on PostgreSQL
    # 100,000 records at 100,000 customers; as many as customers for a smaller --customers.
    result.update(measure_review(args, profile.home, args.customers or 100_000))
    result["office_rss_mb"] = round(_peak_rss_mb(), 1)
    print(json.dumps(result) if args.json else _table(result))
    return 0


def _only(args) -> int:
    """The office figures named in ``--only``: their offices are built (once) and measured
    without the laptop's profile, e.g. after a change to the dashboard or the inbox."""
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in ONLY]
    if unknown:
        print(f"fieldapp bench: --only knows {', '.join(ONLY)}, not {', '.join(unknown)}",
              file=sys.stderr)
        return 2
    cache = Path(args.cache) if args.cache else _default_cache(args.customers)
    cache.mkdir(parents=True, exist_ok=True)
    result = {"customers": args.customers}
    if "kpi" in parts:
        from . import bench_kpi
        result.update(bench_kpi.measure(args, cache, date.today()))
    if "inbox" in parts:
        from .bench_review import measure as measure_review
        result.update(measure_review(args, cache, args.customers or 100_000))
    print(json.dumps(result) if args.json else _table(result))
    return 0


def _default_cache(customers: int) -> Path:
    return Path(platformdirs.user_cache_dir("fieldapp", appauthor=False)) / f"bench-{customers}"


def ensure_profile(profile: Profile, customers: int, history: int) -> date:
    """Build the benchmark profile once (in a child process, so its memory isn't ours)."""
    from . import bench_crypt
    marker = profile.home / "bench.json"
    if marker.exists():
        info = json.loads(marker.read_text())
        if (info.get("customers") == customers and info.get("history", 0) == history
                and profile.database.exists()):
            if bench_crypt.is_plain(profile.database):  # an older version's cache: encrypted
                bench_crypt.unlock(profile).close()
            return date.fromisoformat(info["today"])
    if profile.home.exists():
        for name in ("fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm", "fieldapp.db.key"):
            (profile.home / name).unlink(missing_ok=True)
    today = date.today()
    print(f"building a {customers}-customer benchmark profile with {history} past visits in "
          f"{profile.home} …", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "fieldapp", "demo-data", "--home", str(profile.home),
                    "--customers", str(customers), "--today", today.isoformat(),
                    "--history", str(history)], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, **bench_crypt.startup_env()))
    marker.write_text(json.dumps({"customers": customers, "history": history,
                                  "today": today.isoformat()}))
    return today


def measure_startup(profile: Profile, today: date) -> dict:
    """Process start to main window shown (offscreen), median of a few runs."""
    runs = [_time_to_window(["--home", str(profile.home), "--today", today.isoformat()])
            for _ in range(STARTUP_RUNS)]
    result = {"startup_ms": round(statistics.median(ms for ms, _ in runs), 1)}
    gui_rss = [rss for _, rss in runs if rss is not None]
    if gui_rss:
        result["gui_rss_mb"] = round(max(gui_rss), 1)
    return result


def measure_demo() -> dict:
    """``fieldapp --demo`` to its window shown, as a person starts it a second time that day
    (the first start of a day prepares the demo in the cache; it is timed apart)."""
    first, _ = _time_to_window(["--demo"])
    runs = [_time_to_window(["--demo"])[0] for _ in range(STARTUP_RUNS)]
    return {"demo_to_window_ms": round(statistics.median(runs), 1),
            "demo_first_start_ms": round(first, 1)}


def _time_to_window(argv: list[str]) -> tuple[float, float | None]:
    """Milliseconds from process start to the window reporting itself shown; its peak RSS."""
    from . import bench_crypt
    env = dict(os.environ, FIELDAPP_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen",
               **bench_crypt.startup_env())
    started = time.time()
    out = subprocess.run([sys.executable, "-m", "fieldapp", *argv], env=env,
                         capture_output=True, text=True, timeout=300)
    line = next((l for l in out.stdout.splitlines() if l.startswith("fieldapp-shown ")), None)
    if line is None:
        raise RuntimeError(f"the window did not report being shown:\n{out.stderr[-2000:]}")
    fields = line.split()
    return (float(fields[1]) - started) * 1000, float(fields[2]) if len(fields) > 2 else None


def measure_in_process(profile: Profile, today: date, rounds: int) -> dict:
    from .services.portfolio import Portfolio
    from .store.engine import open_store

    store = open_store(profile.database, profile.backups)
    try:
        portfolio = Portfolio(store, lambda: today)
        ours = _time_queries(lambda q: portfolio.search(q), rounds)
        raw = _time_queries(_raw_runner(profile.database, today), rounds)
        busiest = _busiest_customer(profile.database)
        portfolio.open_customer(busiest)  # warm, as a second look at a customer would be
        opens = [_ms(portfolio.open_customer, busiest) for _ in range(5)]
    finally:
        store.close()
    return {"search_p50_ms": _pct(ours, 50), "search_p95_ms": _pct(ours, 95),
            "search_raw_p50_ms": _pct(raw, 50), "search_raw_p95_ms": _pct(raw, 95),
            "search_ratio_p95": round(_pct(ours, 95) / max(_pct(raw, 95), 0.001), 2),
            "customer_open_ms": round(statistics.median(opens), 1),
            "customer_open_max_ms": round(max(opens), 1), "customer_open_id": busiest}


def measure_followups(profile: Profile, today: date) -> dict:
    """The follow-up list of all customers, and of the customer with the most live outcomes,
    as the window rebuilds them after every change (warm, median of a few runs)."""
    from .services import settings as cfg
    from .services.followups import FollowUps
    from .store.engine import open_store

    store = open_store(profile.database, profile.backups)
    try:
        settings = cfg.Settings(store)
        ten = datetime.combine(today, clock(10), tzinfo=settings.zone())  # mid-morning, locally
        follow = FollowUps(store, settings, lambda: ten)
        items = follow.list()
        everyone = [_ms(follow.list) for _ in range(FOLLOWUP_RUNS)]
        busiest = _busiest_history(profile.database)
        follow.list(busiest)
        one = [_ms(follow.list, busiest) for _ in range(FOLLOWUP_RUNS)]
        promises = [_ms(follow.promise_statuses, busiest) for _ in range(FOLLOWUP_RUNS)]
    finally:
        store.close()
    return {"followups_ms": round(statistics.median(everyone), 1),
            "followups_max_ms": round(max(everyone), 1), "followups_items": len(items),
            "customer_followups_ms": round(statistics.median(one), 2),
            "customer_promises_ms": round(statistics.median(promises), 2),
            "customer_followups_id": busiest, **_history_counts(profile.database)}


def _busiest_history(path: Path) -> int:
    """The customer with the most live outcomes (the longest history to judge)."""
    with sqlite3.connect(path) as con:
        row = con.execute("SELECT customer_id FROM outcome WHERE superseded_by IS NULL "
                          "GROUP BY customer_id ORDER BY COUNT(*) DESC, customer_id LIMIT 1").fetchone()
    return row[0] if row else 1


def _history_counts(path: Path) -> dict:
    with sqlite3.connect(path) as con:
        visits, = con.execute("SELECT COUNT(*) FROM visit WHERE status = 'final'").fetchone()
        kinds = dict(con.execute("SELECT kind, COUNT(*) FROM outcome GROUP BY kind").fetchall())
    return {"history_visits": visits, "history_promises": kinds.get("promise", 0),
            "history_plans": kinds.get("installment_plan", 0)}


def measure_documents(profile: Profile) -> dict:
    """A signed visit record against the same text on a bare canvas (keys kept in the cache)."""
    from .documents import bench as documents_bench
    return documents_bench.measure(profile.home / "bench-documents")


def _raw_runner(path: Path, today: date):
    """The same statements the search path issues, on a bare sqlite3 connection."""
    from .domain.search import Sorting
    from .services.portfolio import PAGE_SIZE
    from .store import queries, search_sql

    con = sqlite3.connect(path)

    def execute(sql: str, params: dict):
        return con.execute(sql, params).fetchall()

    def run(query: str):
        # The count, the ranked tiers (as many as the page needs) and the two summary
        # statements: what Portfolio.search runs, on a bare connection.
        found, *_rest = search_sql.find(execute, query, Sorting(), None, PAGE_SIZE, today)
        customers_sql, overdue_sql = queries.summary_sql([cid for cid, _ in found], today)
        con.execute(customers_sql).fetchall()
        con.execute(overdue_sql).fetchall()
    return run


def _busiest_customer(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT customer_id FROM (SELECT customer_id, COUNT(*) n FROM invoice "
                           "GROUP BY customer_id UNION ALL SELECT customer_id, COUNT(*) FROM payment "
                           "GROUP BY customer_id) GROUP BY customer_id ORDER BY SUM(n) DESC, "
                           "customer_id LIMIT 1").fetchone()[0]


def _time_queries(run, rounds: int) -> list[float]:
    for query in QUERIES:  # one untimed pass: page cache and statement cache are warm in the app
        run(query)
    return [_ms(run, q) for _ in range(rounds) for q in QUERIES]


def _ms(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def _pct(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))], 2)


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows: no getrusage
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _table(result: dict) -> str:
    return "\n".join(f"{k:>22}  {v}" for k, v in result.items())
