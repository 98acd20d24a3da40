"""Fixtures of the window tests: offscreen Qt, one demo store per session, a window per test."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing

# Before anything imports Qt: no display on CI (notes/platform.md §3).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from fieldapp.paths import Profile  # noqa: E402
from fieldapp.services import app_services  # noqa: E402
from fieldapp.services import settings as cfg  # noqa: E402
from fieldapp.services.portfolio import Portfolio  # noqa: E402
from fieldapp.store.engine import open_store  # noqa: E402
from ui_expect import COLLECTOR, CUSTOMERS, TODAY  # noqa: E402


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """A real SQLite file with demo customers, built once; tests only read it."""
    from fieldapp.services.demo import generate

    path = tmp_path_factory.mktemp("ui-store") / "fieldapp.db"
    store = open_store(path)
    try:
        generate(store, customers=CUSTOMERS, seed=20250630, today=TODAY)
        # The collector is known (no first-run question) and the device id is made once.
        cfg.Settings(store).set(cfg.COLLECTOR_NAME, COLLECTOR)
    finally:
        store.close()
    return path


def copy_db(source, folder):
    """A private copy of a database for a test that writes.

    Through SQLite's backup API, not a file copy: the store runs in WAL mode, and what a
    connection still open somewhere committed may sit in the -wal file, not yet in the main one.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "fieldapp.db"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="session")
def history_db(demo_db, tmp_path_factory):
    """The demo plus past visits and calls with every outcome (made by the real services),
    each with its signed documents, as finalizing makes them."""
    from fieldapp.services.demo_history import generate_history
    from fieldapp.services.documents import device_keys

    path = copy_db(demo_db, tmp_path_factory.mktemp("ui-history"))
    store = open_store(path)
    try:
        generate_history(store, TODAY, 24, keys=device_keys(path.parent, cfg.Settings(store),
                                                                 lambda: TODAY))
    finally:
        store.close()
    return path


@pytest.fixture
def services(store):
    return app_services.build(store, TODAY)


@pytest.fixture
def live_store(history_db, tmp_path):
    """A writable copy of the history database, for tests that record visits."""
    opened = open_store(copy_db(history_db, tmp_path / "live"))
    yield opened
    opened.close()


@pytest.fixture
def live_services(live_store):
    return app_services.build(live_store, TODAY)


@pytest.fixture
def store(demo_db):
    opened = open_store(demo_db)
    yield opened
    opened.close()


@pytest.fixture
def portfolio(store):
    return Portfolio(store, today=lambda: TODAY)


@pytest.fixture
def profile(tmp_path):
    return Profile(tmp_path / "profile").ensure()


@pytest.fixture(scope="session", autouse=True)
def ui_font(qapp):
    """The fonts the real program uses, so glyph metrics match what collectors see."""
    from fieldapp.ui.fonts import font_for

    qapp.setFont(font_for("en"))


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the program: cyclic garbage (windows, QSettings) is collected on the GUI thread,
    never in a task manager's worker, where destroying Qt objects crashed the run at random."""
    from fieldapp.ui import gui_gc

    collector = gui_gc.install(qapp)
    yield collector
    collector.stop()


@pytest.fixture
def taskman(qtbot):
    from fieldapp.ui.taskman import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()


def show_main_window(qtbot, services, profile):
    from fieldapp.ui.main_window import MainWindow

    win = MainWindow(services, profile, ask_collector=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.route_view.loaded, timeout=5000):
        win.show()
    return win


@pytest.fixture
def window(qtbot, services, profile):
    """The main window over the read-only demo, shown, with today's route on screen."""
    return show_main_window(qtbot, services, profile)


@pytest.fixture
def live_window(qtbot, live_services, profile):
    """The main window over a private copy of the demo with history: visits may be recorded."""
    return show_main_window(qtbot, live_services, profile)


@pytest.fixture(scope="session")
def all_files(demo_db):
    """Every customer's file, straight from the service: the independent source of truth."""
    store = open_store(demo_db)
    try:
        portfolio = Portfolio(store, today=lambda: TODAY)
        ids, after = [], None
        while True:
            page = portfolio.search("", after=after)
            ids += [row.id for row in page.rows]
            if not page.has_more:
                break
            after = page.cursor
        return {cid: portfolio.open_customer(cid) for cid in ids}
    finally:
        store.close()


def settle(qtbot, taskman, timeout: int = 5000) -> None:
    """Wait until the task manager has delivered everything queued, including what the
    callbacks queued in turn: a marker task runs after all earlier work of the serialized
    database lane, and once it is back with nothing pending, nothing more can arrive.

    This is what a "nothing happened" check waits for instead of a fixed sleep."""
    for _ in range(100):
        marker: list = []
        taskman.run(lambda: None, marker.append)
        qtbot.waitUntil(lambda: bool(marker), timeout=timeout)
        if not taskman.busy:
            return
        qtbot.waitUntil(lambda: not taskman.busy, timeout=timeout)
        if not taskman.busy:
            return
    raise AssertionError("the task manager never became idle")
