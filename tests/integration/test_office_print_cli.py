"""`fieldapp office print` as a supervisor scripts it, over the demo office whose laptops' day
bundles were imported (so the laptops numbered customers and invoices their own way): the day's
agreements read as the laptops' own, statements in Vietnamese and Chinese, clear refusals."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import date

import pytest

from fieldapp.paths import Profile
from fieldapp.services.office import demo, demo_laptops
from fieldapp.services.office.app import build
from fieldapp.store.engine import open_store
from tests.integration.sync_kit import Office
from tests.integration.sync_kit import run as run_plain

TODAY = date(2026, 11, 27)
DAY = "2026-11-26"  # yesterday: the demo laptops' visits
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler missing")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    home = tmp_path_factory.mktemp("print-office") / "office"
    made = Profile(home).ensure()
    store = open_store(made.office_database, made.backups)
    try:
        demo.fill(store, 120, seed=2026, today=TODAY)
        demo_laptops.fill(build(store, TODAY, demo.ACTOR), home, TODAY, 2026)
    finally:
        store.close()
    return home


@pytest.fixture
def office(template, tmp_path):
    shutil.copytree(template, tmp_path / "office")
    return Office(tmp_path / "office", None)


def run(office, *args, passphrase=demo_laptops.PASSPHRASE):
    return office.run("print", *args, "--today", TODAY.isoformat(), passphrase=passphrase)


def query(office, sql: str) -> list[tuple]:
    with sqlite3.connect(office.home / "office.db") as con:
        return con.execute(sql).fetchall()


def pdftext(path, first=None, last=None) -> str:
    pages = ["-f", str(first), "-l", str(last or first)] if first else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdfinfo_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return int(next(x for x in out.splitlines() if x.startswith("Pages:")).split()[1])


def test_the_days_agreements_say_what_the_laptops_printed(office, tmp_path):
    out_file = tmp_path / "agreements.pdf"
    made = run(office, "agreements", "--day", DAY, "--out", str(out_file), "--json")
    assert made.returncode == 0, made.stderr
    report = json.loads(made.stdout)
    laptops = query(office, "SELECT d.number, d.data, c.name FROM document d JOIN visit v ON "
                            "v.uuid = d.visit_uuid JOIN review r ON r.visit_uuid = v.uuid JOIN "
                            "customer c ON c.id = r.customer_id WHERE d.kind = 'agreement' AND "
                            f"r.day = '{DAY}'")
    assert laptops and report["documents"] == len(laptops)
    assert report["pages"] == pdfinfo_pages(out_file)
    assert sorted(i["customer"] for i in report["items"]) == sorted(n for *_x, n in laptops)
    starts = [i["first_page"] for i in report["items"]] + [report["pages"] + 1]
    for n, item in enumerate(report["items"]):
        ours = pdftext(out_file, starts[n], starts[n + 1] - 1)
        number, data, name = next(x for x in laptops if x[2] == item["customer"])
        theirs_file = tmp_path / f"{number}.pdf"
        theirs_file.write_bytes(data)
        theirs = pdftext(theirs_file)
        assert name in ours and number in ours
        # Line for line the laptop's text, but for the ink boxes and who signs the file: the
        # same parties, debt, invoices (the office's, found again) and schedule.
        differ = set(theirs.splitlines()) ^ set(ours.splitlines())
        assert all("PAdES" in line or "Ký, ghi rõ" in line or not line.strip()
                   for line in differ), sorted(differ)
        assert any("PAdES" in line and "Công ty" in line for line in differ)
        assert any(line.startswith("1C") for line in ours.splitlines())  # the invoice list
    sig = subprocess.run(["pdfsig", str(out_file)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in sig and "office documents" in sig
    # Anyone holding the company CA's certificate can check the batch.
    checked = run_plain("verify", "--ca", str(office.home / "keys" / "company-ca.pem"),
                        str(out_file))
    assert checked.returncode == 0 and "chains to the company CA" in checked.stdout


def test_statements_in_vietnamese_and_chinese(office, tmp_path):
    codes = [c for (c,) in query(office, "SELECT code FROM customer WHERE language != 'vi' "
                                         "ORDER BY code LIMIT 4")]
    codes.insert(1, query(office, "SELECT code FROM customer WHERE language = 'vi' "
                                  "ORDER BY code LIMIT 1")[0][0])
    out_file = tmp_path / "statements.pdf"
    made = run(office, "statements", "--customers", ",".join(codes), "--as-of", "2026-11-27",
               "--out", str(out_file))
    assert made.returncode == 0, made.stderr
    assert f"{pdfinfo_pages(out_file)} pages, 5 statements for 5 customers" in made.stdout
    text = pdftext(out_file)
    assert "BẢNG ĐỐI CHIẾU CÔNG NỢ" in text
    assert ("對帳單" in text) and ("对账单" in text)
    for code in codes:
        assert code in text


def test_bad_requests_are_refused_with_a_clear_message(office, tmp_path):
    out_file = tmp_path / "x.pdf"
    cases = [(("agreements", "--day", "2026-11-20"), "no installment agreement was recorded on "
                                                      "2026-11-20"),
             (("agreements", "--day", DAY, "--route", "Nobody"), "there is no collector"),
             (("statements", "--customers", "KH000001,NOPE-1"), "no customer with the code "
                                                                 "'NOPE-1'"),
             (("statements", "--customers", ","), "choose the customers"),
             (("statements", "--route", "Phạm Đức Thắng", "--day", "2026-12-25"),
              "has no route on 2026-12-25")]
    for args, said in cases:
        made = run(office, *args, "--out", str(out_file))
        assert made.returncode == 1 and said in made.stderr, (args, made.stderr)
    wrong = run(office, "statements", "--customers", "KH000001", "--out", str(out_file),
                passphrase="not the passphrase")
    assert wrong.returncode == 1 and "passphrase does not open" in wrong.stderr
    assert not out_file.exists()
