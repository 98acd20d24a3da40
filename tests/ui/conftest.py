"""Fixtures of the window tests: offscreen Qt, one demo store per session, a window per test."""

from __future__ import annotations

import os

# Before anything imports Qt: no display on CI (notes/platform.md §3).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from fieldapp.paths import Profile  # noqa: E402
from fieldapp.services.portfolio import Portfolio  # noqa: E402
from fieldapp.store.engine import open_store  # noqa: E402
from ui_expect import CUSTOMERS, TODAY  # noqa: E402


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """A real SQLite file with demo customers, built once; tests only read it."""
    from fieldapp.services.demo import generate

    path = tmp_path_factory.mktemp("ui-store") / "fieldapp.db"
    store = open_store(path)
    try:
        generate(store, customers=CUSTOMERS, seed=20250630, today=TODAY)
    finally:
        store.close()
    return path


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


@pytest.fixture
def taskman(qtbot):
    from fieldapp.ui.taskman import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def window(qtbot, portfolio, profile):
    """The main window, shown, with today's route on screen."""
    from fieldapp.ui.main_window import MainWindow

    win = MainWindow(portfolio, profile)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.route_view.loaded, timeout=5000):
        win.show()
    return win


@pytest.fixture(scope="session")
def all_files(demo_db):
    """Every customer's file, straight from the service: the independent source of truth."""
    store = open_store(demo_db)
    try:
        portfolio = Portfolio(store, today=lambda: TODAY)
        ids, after = [], 0
        while True:
            page = portfolio.search("", after_id=after)
            ids += [row.id for row in page.rows]
            if not page.has_more:
                break
            after = page.last_id
        return {cid: portfolio.open_customer(cid) for cid in ids}
    finally:
        store.close()
