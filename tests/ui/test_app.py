"""Program start: fonts for Vietnamese and Chinese, and the startup probe of the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from fieldapp.ui.fonts import choose_families

PROBE = """
import sys
from pathlib import Path
from fieldapp.paths import Profile
from fieldapp.services import app_services
from fieldapp.store.engine import open_store
from fieldapp.ui.app import run_gui
from datetime import date
store = open_store(Path(sys.argv[1]))
sys.exit(run_gui(app_services.build(store, date(2025, 6, 30)), Profile(Path(sys.argv[2]))))
"""


def test_a_cjk_family_leads_and_the_region_decides_which():
    installed = ["DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC",
                 "WenQuanYi Micro Hei"]
    assert choose_families("zh_CN", installed)[0] == "Noto Sans CJK SC"
    assert choose_families("zh_TW", installed)[0] == "Noto Sans CJK TC"
    assert choose_families("en", ["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans"]) == \
        ["WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans"]
    assert choose_families("vi", []) == []


def test_startup_probe_prints_one_line_and_exits_zero(demo_db, tmp_path):
    env = dict(os.environ, FIELDAPP_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", PROBE, str(demo_db), str(tmp_path / "home")],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldapp-shown ")
    fields = lines[0].split()
    assert started < float(fields[1]) < time.time()
    if sys.platform != "win32":  # peak RSS in MB: Python, Qt and the window take tens of MB
        assert len(fields) == 3 and 20 < float(fields[2]) < 2000


ONE_DELIVERY_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DeliveriesTab</name>
    <message numerus="yes">
        <source>%n deliveries don&apos;t match the contract — check them before talking about money</source>
        <translation>
            <numerusform>%n delivery doesn&apos;t match the contract — check it first</numerusform>
            <numerusform>%n deliveries don&apos;t match the contract — check them first</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


def test_a_built_translation_gives_english_its_plural_forms(qapp, qtbot, tmp_path):
    from fieldapp.ui import language
    from fieldapp.ui.views.file_tabs import DeliveriesTab

    names = [t.filePath() for t in language.switch(qapp, "en", tmp_path)]
    assert not any("fieldapp_en" in n for n in names)  # nothing built: sources show
    (tmp_path / "fieldapp_en.ts").write_text(ONE_DELIVERY_TS, encoding="utf-8")
    lrelease = os.path.join(os.path.dirname(sys.executable), "pyside6-lrelease")
    subprocess.run([lrelease, str(tmp_path / "fieldapp_en.ts"), "-qm",
                    str(tmp_path / "fieldapp_en.qm")], check=True, capture_output=True)
    names = [t.filePath() for t in language.switch(qapp, "en", tmp_path)]
    assert any("fieldapp_en" in n for n in names)
    try:
        tab = DeliveriesTab()
        qtbot.addWidget(tab)
        assert tab.tr("%n deliveries don't match the contract — check them before talking "
                      "about money", "", 1).startswith("1 delivery doesn't match")
    finally:
        language.uninstall(qapp)
