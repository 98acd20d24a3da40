"""Translation sources are current, and the English .qm (built with lrelease) gives plurals."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent
LANGUAGES = ("en", "vi", "zh_TW", "zh_CN")


def test_every_language_has_a_source_file_with_all_window_strings(tmp_path):
    for lang in LANGUAGES:
        assert (ROOT / "translations" / f"fieldapp_{lang}.ts").is_file(), lang
    copy = tmp_path / "fieldapp_en.ts"
    shutil.copy(ROOT / "translations" / "fieldapp_en.ts", copy)
    out = subprocess.run([str(TOOLS / "pyside6-lupdate"), "-extensions", "py",
                          str(ROOT / "fieldapp" / "ui"), "-ts", str(copy)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # lupdate says "(N new and M already existing)": no new string means the .ts is current.
    assert " (0 new and " in out.stdout, out.stdout + "\nrun pyside6-lupdate (see README)"


def test_english_plural_forms(qapp, tmp_path):
    qm = tmp_path / "fieldapp_en.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent",
                    str(ROOT / "translations" / "fieldapp_en.ts"), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        source = "%n deliveries don't match the contract — check them before talking about money"
        one = QCoreApplication.translate("DeliveriesTab", source, None, 1)
        three = QCoreApplication.translate("DeliveriesTab", source, None, 3)
        assert one.startswith("1 delivery doesn't match") and three.startswith("3 deliveries don't")
    finally:
        qapp.removeTranslator(translator)
