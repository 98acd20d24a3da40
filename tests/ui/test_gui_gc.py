"""Cyclic garbage made in the worker thread is collected on the GUI thread."""

from __future__ import annotations

import gc
import threading

from fieldapp.ui import gui_gc


class Cycle:
    """Refers to itself, so only the cyclic collector can free it; says where it died."""

    died_in: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.died_in.append(threading.current_thread().name)


def test_garbage_from_the_worker_dies_on_the_gui_thread(qtbot, qapp, taskman):
    collector = gui_gc.install(qapp)
    assert gui_gc.install(qapp) is collector and not gc.isenabled()

    def make_garbage():
        for _ in range(5000):  # far past the first generation's threshold
            Cycle()
        return threading.current_thread().name

    Cycle.died_in.clear()
    with qtbot.waitCallback(timeout=5000) as made:
        taskman.run(make_garbage, made)
    assert made.args[0].startswith("fieldapp-db")
    qtbot.waitUntil(lambda: len(Cycle.died_in) == 5000, timeout=5000)
    assert set(Cycle.died_in) == {threading.main_thread().name}
