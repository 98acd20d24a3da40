"""The follow-ups list (Ctrl+3), the customer's follow-up strip, settings and the first start."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.services import settings as cfg
from fieldapp.store.engine import open_store
from fieldapp.services import app_services

from conftest import copy_db, settle, show_main_window
from ui_expect import TODAY
from visit_helpers import CTRL, press, wait_active

KEY = Qt.Key


def test_ctrl_3_lists_the_follow_ups_and_enter_opens_the_customer(qtbot, live_window, live_services):
    expected = live_services.follow_ups.list()
    assert expected, "the demo history leaves follow-ups for today"
    view = live_window.follow_up_view
    qtbot.waitUntil(lambda: view.model.rowCount() == len(expected), timeout=5000)
    wait_active(qtbot, live_window)
    press(qtbot, KEY.Key_3, CTRL)
    assert live_window.customer_list.mode == "follow_ups" and view.table.hasFocus()
    assert live_window.follow_ups_action.isChecked()
    model = view.model
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    labels = {"due_today": "Due today", "broken": "Broken", "partially_kept": "Partially kept",
              "reminder": "Reminder", "revisit": "Revisit", "overdue": "Overdue",
              "dispute_near": "Dispute deadline near", "dispute_late": "Dispute deadline passed",
              "dispute_open": "Dispute open"}
    assert shown == [(labels[f.kind.value], f.customer_name) for f in expected]
    row = next(r for r, f in enumerate(expected) if f.kind.value == "partially_kept")
    view.table.setCurrentIndex(model.index(row, 0))
    with qtbot.waitSignal(live_window.customer_view.file_shown, timeout=5000):
        press(qtbot, KEY.Key_Return)
    assert live_window.customer_view.file.customer.id == expected[row].customer_id
    strip = live_window.customer_view.follow_up_strip
    qtbot.waitUntil(strip.isVisible, timeout=5000)
    assert "Partially kept" in strip.text()


def test_settings_are_typed_and_saved(qtbot, live_window, live_services):
    live_window.settings_action.trigger()
    qtbot.waitUntil(lambda: live_window.commands.settings_dialog is not None, timeout=5000)
    dialog = live_window.commands.settings_dialog
    wait_active(qtbot, dialog)
    editors = dialog.editors
    assert editors[cfg.COLLECTOR_NAME].text() == "Trần Minh Khoa"
    assert editors[cfg.PROMISE_HORIZON_DAYS].value() == 60
    assert type(editors[cfg.MIN_INK]).__name__ == "QDoubleSpinBox"
    assert dialog.captions[cfg.DISPUTE_NEAR_HOURS].text() == \
        "Warn when a dispute deadline is this close (hours)"
    editors[cfg.PROMISE_HORIZON_DAYS].setValue(30)
    assert editors[cfg.COLLECTOR_TITLES["vi"]].text() == "Nhân viên thu hồi nợ"  # the default
    editors[cfg.COLLECTOR_TITLES["vi"]].setText("Trưởng nhóm thu hồi nợ")
    with qtbot.waitSignal(live_window.signals.data_changed, timeout=5000):
        press(qtbot, KEY.Key_Return)
    settings = live_services.settings
    assert settings.get(cfg.PROMISE_HORIZON_DAYS) == 30
    assert settings.collector_title("vi") == "Trưởng nhóm thu hồi nợ"
    assert settings.collector_title("en") == "Collector"


def test_the_first_start_asks_for_the_collector(qtbot, demo_db, tmp_path, profile):
    from fieldapp.ui.main_window import MainWindow

    store = open_store(copy_db(demo_db, tmp_path / "first"))
    try:
        services = app_services.build(store, TODAY)
        services.settings.set(cfg.COLLECTOR_NAME, "")
        window = MainWindow(services, profile)  # the real start-up: ask_collector defaults on
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.commands.settings_dialog is not None, timeout=5000)
        dialog = window.commands.settings_dialog
        assert "Your name and title go on every record" in dialog.intro.text()
        dialog.editors[cfg.COLLECTOR_NAME].setText("Lê Thị Mai")
        dialog.accept()
        qtbot.waitUntil(lambda: services.settings.get(cfg.COLLECTOR_NAME) == "Lê Thị Mai",
                        timeout=5000)
        window.close()
        silent = show_main_window(qtbot, services, profile)
        # The start-up check was queued when the window was made: once the lane is drained it
        # has answered, and whatever it asked for in turn has answered too.
        settle(qtbot, silent.taskman)
        assert silent.commands.settings_dialog is None  # known collector: no question
    finally:
        store.close()
