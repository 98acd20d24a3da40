"""The collector's window start loads only what it needs before the route is on screen (it is
timed: start with the unlock within 1.5 s): no office tools, certificates or visit pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Loaded later, when asked for: a visit, a dialog, a document, a sync, the office's tools.
NOT_AT_START = ("fieldapp.office_cli.parser", "fieldapp.importers", "cryptography.x509",
                "fieldapp.documents.identity", "fieldapp.ui.visit.window",
                "fieldapp.ui.documents.day_dialog", "fieldapp.ui.dialogs.settings_dialog",
                "fieldapp.ui.dialogs.recovery", "reportlab", "pyhanko")


def loaded_by(code: str) -> dict:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                         check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_what_the_window_start_imports_leaves_the_heavy_parts_for_later():
    loaded = loaded_by(
        "from fieldapp import cli\n"
        "cli.build_parser(['--home', 'x']).parse_args(['--home', 'x'])\n"
        "import fieldapp.services.profile_lock, fieldapp.services.app_services\n"
        "import fieldapp.ui.app, fieldapp.ui.unlock_dialog")
    assert "fieldapp.ui.main_window" in loaded  # the scan sees the window's modules
    assert [name for name in NOT_AT_START if name in loaded] == []


def test_the_office_is_listed_alike_whether_or_not_its_tools_are_described():
    from fieldapp import cli
    short = cli.build_parser(["--home", "x"]).format_help()
    full = cli.build_parser().format_help()
    assert short == full and "office" in short and cli.OFFICE_HELP in " ".join(short.split())
    args = cli.build_parser(["office", "collectors", "list"]).parse_args(
        ["office", "collectors", "list"])
    assert args.command == "office" and args.office_command == "collectors"
