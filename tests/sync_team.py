"""Test helpers shared by the sync tests: an office and a laptop made through the command line
(`fieldapp office demo-data` + `init`, `fieldapp demo-data`), the laptop enrolled with it, and the
office's packs and acks put into a sync folder as the office does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.integration.test_enroll_cli import Office, run

TODAY = "2026-11-27"
COLLECTOR = "Phạm Đức Thắng"  # a collector of the office's demo team
COMPANY = "Công ty Thu hồi nợ ACME"


def make_office(home: Path, db: str | None = None, customers: int = 30) -> Office:
    """An office of demo customers with its CA (the same seed as the demo laptop's)."""
    office = Office(home, db)
    for step in (("demo-data", "--customers", str(customers), "--today", TODAY),
                 ("init", "--company", COMPANY)):
        out = office.run(*step)
        assert out.returncode == 0, out.stderr
    return office


def make_laptop(home: Path, customers: int = 30) -> Path:
    """A demo laptop with past visits, documents and payments (records to send)."""
    made = run("demo-data", "--customers", str(customers), "--today", TODAY, "--home", str(home))
    assert made.returncode == 0, made.stderr
    return home


def enroll(office: Office, laptop: Path, tmp_path: Path, collector: str = COLLECTOR) -> str:
    """Request, answer and install through the command line; the laptop's device id."""
    request, answer = tmp_path / f"{laptop.name}.csr", tmp_path / f"{laptop.name}-answer.zip"
    out = run("enroll", "request", "--out", str(request), "--home", str(laptop))
    assert out.returncode == 0, out.stderr
    out = office.run("enroll", str(request), "--collector", collector, "--out", str(answer))
    assert out.returncode == 0, out.stderr
    out = run("enroll", "install", str(answer), "--home", str(laptop))
    assert out.returncode == 0, out.stderr
    return json.loads((laptop / "keys" / "enrollment.json").read_text("utf-8"))["device_id"]


class Team:
    """One sqlite office and one enrolled demo laptop, copied from a template made once."""

    def __init__(self, template: Path, where: Path):
        shutil.copytree(template, where)
        self.root = where
        self.office = Office(where / "office", None)
        self.laptop = where / "laptop"
        self.device = json.loads((self.laptop / "keys" / "enrollment.json").read_text(
            "utf-8"))["device_id"]

    @staticmethod
    def template(where: Path) -> Path:
        """Build the office and the enrolled laptop once under ``where``."""
        office = make_office(where / "office")
        make_laptop(where / "laptop")
        enroll(office, where / "laptop", where)
        return where

    def inbox(self, folder: Path) -> Path:
        """The laptop's own folder under the sync folder ``folder`` (to-laptops/<device>)."""
        return Path(folder) / "to-laptops" / self.device

    def pack(self, folder: Path, *extra, today: str = TODAY) -> Path:
        """An assignment pack written by the office into the laptop's folder; its path."""
        out = self.inbox(folder)
        before = set(out.glob("pack-*.zip")) if out.exists() else set()
        made = self.office.run("pack", "--collector", COLLECTOR, "--out", str(out),
                               "--today", today, *extra)
        assert made.returncode == 0, made.stderr
        (new,) = set(out.glob("pack-*.zip")) - before
        return new

    def import_and_ack(self, folder: Path) -> list[dict]:
        """The office imports what is in to-office and puts its acks in the laptop's folder."""
        out = self.office.run("import-bundles", str(Path(folder) / "to-office"), "--json",
                              "--acks", str(self.inbox(folder)))
        assert out.returncode in (0, 1), out.stderr
        return json.loads(out.stdout)
