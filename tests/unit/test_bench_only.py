"""`fieldapp bench --only kpi,inbox`: the office's dashboard and inbox figures alone, on the
PostgreSQL server given (a small office: the figures' making, not their size, is checked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _bench(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "fieldapp", "bench", "--json", "--cache",
                           str(tmp_path / "cache"), *args], capture_output=True, text=True,
                          env=env, timeout=600)


def test_only_the_dashboard_and_the_inbox(tmp_path, pg_server):
    out = _bench(tmp_path, "--only", "kpi,inbox", "--customers", "300", "--pg-url",
                 pg_server.url())
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["kpi_ms"] > 0 and result["kpi_invoices"] == 3000
    assert result["kpi_refresh_s"] >= 0  # the kept sums made once, timed apart
    assert result["inbox_page_ms"] > 0 and result["inbox_records"] == 300
    assert "startup_ms" not in result and "search_p50_ms" not in result


def test_an_unknown_part_is_refused(tmp_path):
    out = _bench(tmp_path, "--only", "kpi,startup")
    assert out.returncode == 2 and "not startup" in out.stderr
