"""`fieldapp office kpi` as a script would run it, on SQLite and PostgreSQL, over the office of
tests/kpi_data.py (figures worked out by hand there)."""

import json
import os
import subprocess
import sys

import pytest

from tests import kpi_data
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES


@pytest.fixture
def kpi(store, request, tmp_path):
    kpi_data.fill(store)
    url = f"sqlite:///{store.path}" if store.path else request.getfixturevalue("pg_url")

    def run(*args):
        cmd = [sys.executable, "-m", "fieldapp", "office", "--home", str(tmp_path / "home"),
               "kpi", "--db", url, "--today", kpi_data.TODAY.isoformat(), *args]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    return run


def test_json_figures_with_formula_and_variant(kpi):
    out = kpi("--from", "2026-01-01", "--to", "2026-03-31", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert (report["from"], report["to"]) == ("2026-01-01", "2026-03-31")
    team = {(f["figure"], f["detail"]): f for f in report["figures"] if f["scope"] == "team"}
    cei = team["cei", ""]
    assert (cei["value"], cei["currency"], cei["unit"]) == ("38.64", "VND", "%")
    assert cei["formula"].startswith("(Beginning Receivables + Credit Sales / N")
    assert "N = months in the period" in cei["variant"]
    assert team["dso_countback", ""]["value"] == "99.30"
    assert team["ar_ending", ""]["value"] == 1400
    assert team["promises_broken", ""]["value"] == "25.00"
    assert team["right_party_contact", ""]["value"] == "60.00"
    assert {"scope": "team", "day": "2026-01-01", "visits": 1, "calls": 0} in \
        report["contacts_per_day"]
    scopes = {f["scope"] for f in report["figures"]}
    assert scopes == {"team", "An", "Bình"}


def test_one_collector_as_text_and_refusals(kpi):
    out = kpi("--from", "2026-01-01", "--to", "2026-03-31", "--collector", "An")
    assert out.returncode == 0, out.stderr
    assert "[An]" in out.stdout and "[team]" not in out.stdout and "[Bình]" not in out.stdout
    line = next(x for x in out.stdout.splitlines() if x.strip().startswith("dso_simple"))
    assert "VND 90.00 days" in line
    bad = kpi("--from", "2026-03-31", "--to", "2026-01-01")
    assert bad.returncode == 2 and "before it starts" in bad.stderr
    nobody = kpi("--from", "2026-01-01", "--to", "2026-03-31", "--collector", "Nobody")
    assert nobody.returncode == 2 and "no collector named 'Nobody'" in nobody.stderr
    missing = kpi("--to", "2026-03-31")
    assert missing.returncode == 2 and "--from" in missing.stderr
