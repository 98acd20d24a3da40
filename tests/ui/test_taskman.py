"""Database work runs on one worker thread; callbacks come back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication

from fieldapp.ui.taskman import TaskCancelled, TaskManager


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
    future = manager.run(lambda: 1, delivered.append)
    manager.shutdown()  # joins the worker: the result is posted to the GUI thread by now
    assert future.done()
    QCoreApplication.sendPostedEvents()
    assert not manager.busy  # the result did arrive on the GUI thread ...
    assert delivered == []  # ... and was dropped
    assert manager.run(lambda: 2, delivered.append) is None


def test_the_pool_works_while_the_database_lane_is_held(qtbot, taskman):
    """A signature being drawn does not hold up searches, nor a search the signature."""
    held, order = threading.Event(), []
    taskman.run(held.wait, lambda _: order.append("db"))
    names = []
    taskman.run_in_pool(lambda: threading.current_thread().name, names.append)
    qtbot.waitUntil(lambda: bool(names), timeout=2000)
    assert names[0].startswith("fieldapp-work") and order == []
    held.set()
    qtbot.waitUntil(lambda: order == ["db"], timeout=2000)


def test_split_work_reads_and_writes_on_the_database_lane_and_works_in_the_pool(qtbot, taskman):
    def lane():
        return threading.current_thread().name.split("_")[0]

    results = []
    taskman.run_split(lambda: [lane()], lambda got: got + [lane()],
                      lambda made: made + [lane()], results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=2000)
    assert results == [["fieldapp-db", "fieldapp-work", "fieldapp-db"]]


def test_long_work_reports_progress_and_stops_when_cancelled(qtbot, taskman):
    listening, go_on = threading.Event(), threading.Event()
    busy, progress, done = [], [], []
    taskman.busy_changed.connect(busy.append)

    def work(report, cancelled):
        listening.wait(5)
        for n in range(1, 101):
            if cancelled():
                raise TaskCancelled
            report(n, 100, f"item {n}")
            if n == 3:
                go_on.wait(5)
        return "all"

    task = taskman.run_long(work, done.append)
    task.progressed.connect(lambda n, total, text: progress.append((n, total, text)))
    assert busy == [True] and taskman.long_running
    listening.set()
    qtbot.waitUntil(lambda: progress[-1:] == [(3, 100, "item 3")], timeout=2000)
    assert progress == [(n, 100, f"item {n}") for n in (1, 2, 3)]
    with qtbot.waitSignal(task.finished, timeout=2000):
        task.cancel()
        go_on.set()
    assert done == [] and task.cancelled
    assert progress[-1][0] == 3  # it stopped at the next look
    assert busy == [True, False] and not taskman.long_running
    finished = []
    taskman.run_long(lambda report, cancelled: "whole", finished.append)
    qtbot.waitUntil(lambda: finished == ["whole"], timeout=2000)


def test_progress_dialog_cancels_the_task(qtbot, taskman):
    from PySide6.QtWidgets import QPushButton, QWidget

    from fieldapp.ui.progress import follow

    parent = QWidget()
    qtbot.addWidget(parent)
    go_on = threading.Event()

    def work(report, cancelled):
        report(1, 2)
        go_on.wait(5)
        if cancelled():
            raise TaskCancelled
        return "not cancelled"

    task = taskman.run_long(work, lambda _r: None)
    dialog = follow(task, parent, "Reading")
    qtbot.waitUntil(lambda: dialog.value() == 1 and dialog.maximum() == 2, timeout=2000)
    with qtbot.waitSignal(task.finished, timeout=2000):
        dialog.findChild(QPushButton).click()  # the Cancel button
        go_on.set()
    assert task.cancelled
