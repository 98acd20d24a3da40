"""The laptop's enrolled-or-not question is cheap: the window asks it while starting."""

from __future__ import annotations

import subprocess
import sys


def test_asking_whether_the_laptop_is_enrolled_loads_no_cryptography(tmp_path):
    """The window asks it while starting; cryptography and pyHanko wait for the first document."""
    code = ("import sys; from fieldapp.services import documents; "
            "from fieldapp.sync import laptop_keys; "
            f"assert not laptop_keys.is_enrolled({str(tmp_path)!r}); "
            "print(sorted(m for m in ('pyhanko', 'cryptography', 'asn1crypto') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
