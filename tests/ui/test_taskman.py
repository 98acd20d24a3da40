"""Database work runs on one worker thread; callbacks come back on the GUI thread."""

from __future__ import annotations

import threading

from fieldapp.ui.taskman import TaskManager


def test_work_runs_off_the_gui_thread_and_results_come_back_on_it(qtbot, taskman):
    gui = threading.get_ident()
    seen = {}
    taskman.run(lambda: threading.get_ident(),
                lambda worker: seen.update(worker=worker, callback=threading.get_ident()))
    qtbot.waitUntil(lambda: "callback" in seen, timeout=2000)
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    assert not taskman.busy


def test_tasks_run_one_at_a_time_in_order(qtbot, taskman):
    order = []
    for i in range(5):
        taskman.run(lambda i=i: i, order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=2000)
    assert order == [0, 1, 2, 3, 4]


def test_errors_go_to_on_error_on_the_gui_thread(qtbot, taskman):
    errors = []

    def fail():
        raise ValueError("Đặng: broken")

    taskman.run(fail, lambda _: errors.append("done?"),
                lambda e: errors.append((e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors), timeout=2000)
    error, thread = errors[0]
    assert isinstance(error, ValueError) and thread == threading.get_ident()


def test_default_error_handler_is_used_without_on_error(qtbot):
    errors = []
    manager = TaskManager(on_error=errors.append)
    try:
        manager.run(lambda: 1 / 0, lambda _: None)
        qtbot.waitUntil(lambda: bool(errors), timeout=2000)
        assert isinstance(errors[0], ZeroDivisionError)
    finally:
        manager.shutdown()


def test_nothing_is_delivered_after_shutdown(qtbot):
    manager = TaskManager()
    delivered = []
    manager.run(lambda: 1, delivered.append)
    manager.shutdown()
    qtbot.wait(50)
    assert delivered == []
    assert manager.run(lambda: 2, delivered.append) is None
