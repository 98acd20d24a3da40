"""Assignment packs through the command line: the office writes a collector's pack for the
enrolled laptop, the laptop applies it (`fieldapp sync receive`); newer packs update, older,
equal, expired and tampered ones are refused; work made on the laptop is never touched; the
revocation list travels; the manifest's signature checks with openssl. Office on SQLite and
PostgreSQL."""

from __future__ import annotations

import subprocess
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp.services.portfolio import Portfolio
from fieldapp.store.engine import open_store, open_url
from tests import laptop_db
from tests.integration.sync_kit import Office, run

TODAY = date(2026, 11, 30)


class Team:
    """An office filled by `office demo-data --customers 30` and one laptop enrolled for the
    collector with the most customers."""

    def __init__(self, tmp_path: Path, db: str | None):
        self.tmp, self.office = tmp_path, Office(tmp_path / "office", db)
        self.laptop = tmp_path / "laptop"
        assert self.office.run("init").returncode == 0
        filled = self.office.run("demo-data", "--customers", "30", "--today", TODAY.isoformat())
        assert filled.returncode == 0, filled.stderr
        self.collector = self.office_rows(
            "SELECT k.name FROM collector k JOIN customer c ON c.collector_id = k.id "
            "GROUP BY k.name ORDER BY COUNT(*) DESC, k.name")[0][0]
        self.enroll(self.laptop, "laptop")

    def enroll(self, laptop: Path, name: str) -> str:
        request, answer = self.tmp / f"{name}.csr", self.tmp / f"{name}.zip"
        assert run("enroll", "request", "--out", str(request), "--home", str(laptop)
                   ).returncode == 0
        signed = self.office.run("enroll", str(request), "--collector", self.collector,
                                 "--out", str(answer))
        assert signed.returncode == 0, signed.stderr
        installed = run("enroll", "install", str(answer), "--home", str(laptop))
        assert installed.returncode == 0, installed.stderr
        return installed.stdout.split("(device ")[1].split(")")[0]

    def office_rows(self, sql: str, **params):
        store = open_url(self.office.db) if self.office.db else \
            open_store(self.office.home / "office.db")
        try:
            with store.engine.begin() as conn:
                return [tuple(r) for r in conn.exec_driver_sql(sql, params or ())]
        finally:
            store.close()

    def _exec(self, sql: str) -> None:
        store = open_url(self.office.db) if self.office.db else \
            open_store(self.office.home / "office.db")
        try:
            with store.engine.begin() as conn:
                conn.exec_driver_sql(sql)
        finally:
            store.close()

    def pack(self, *extra, today=TODAY) -> Path:
        out = self.tmp / "packs"
        before = set(out.glob("*.zip")) if out.exists() else set()
        made = self.office.run("pack", "--collector", self.collector, "--out", str(out),
                               "--today", today.isoformat(), *extra)
        assert made.returncode == 0, made.stderr
        (new,) = set(out.glob("*.zip")) - before
        return new

    def receive(self, pack: Path, today=TODAY, laptop=None):
        return run("sync", "receive", str(pack), "--home", str(laptop or self.laptop),
                   "--today", today.isoformat())

    def laptop_rows(self, sql: str, laptop=None):
        with laptop_db.connect((laptop or self.laptop) / "fieldapp.db") as con:
            return con.execute(sql).fetchall()

    def assigned(self, what: str) -> set:
        sql = {"customers": "SELECT c.code FROM customer c",
               "invoices": "SELECT c.code, i.number, i.open_minor FROM invoice i "
                           "JOIN customer c ON c.id = i.customer_id"}[what]
        where = (" JOIN collector k ON k.id = c.collector_id WHERE k.name = "
                 f"'{self.collector}'")
        return set(self.office_rows(sql + where)), set(self.laptop_rows(sql))


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request, tmp_path):
    db = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    return Team(tmp_path, db)


@pytest.fixture
def sqlite_team(tmp_path):
    return Team(tmp_path, None)


def test_a_pack_gives_the_laptop_exactly_its_collectors_customers_and_newer_ones_update(team):
    first = team.pack()
    got = team.receive(first)
    assert got.returncode == 0, got.stderr
    office_customers, laptop_customers = team.assigned("customers")
    assert laptop_customers == office_customers and len(office_customers) >= 5
    office_invoices, laptop_invoices = team.assigned("invoices")
    assert laptop_invoices == office_invoices and office_invoices
    # Search finds them (the index was kept up to date), and nobody else.
    (code,) = sorted(office_customers)[:1]
    name = team.laptop_rows(f"SELECT name FROM customer WHERE code = '{code[0]}'")[0][0]
    store = laptop_db.open_laptop_store(team.laptop / "fieldapp.db")
    try:
        found = Portfolio(store, lambda: TODAY).search(name.split()[-1])
        assert code[0] in {row.code for row in found.rows}
    finally:
        store.close()

    # The accounting lowered a balance: the next pack carries it.
    cust, number, _open = sorted(office_invoices)[0]
    team._exec(f"UPDATE invoice SET open_minor = 1234 WHERE number = '{number}' AND customer_id "
               f"= (SELECT id FROM customer WHERE code = '{cust}')")
    second = team.pack()
    assert "v2" in second.name
    assert team.receive(second).returncode == 0
    office_invoices, laptop_invoices = team.assigned("invoices")
    assert (cust, number, 1234) in laptop_invoices and laptop_invoices == office_invoices
    # Applied over the first, nothing is doubled.
    for table in ("contact", "delivery", "payment", "allocation"):
        assert team.laptop_rows(f"SELECT COUNT(*) FROM {table}")[0][0] == team.office_rows(
            f"SELECT COUNT(*) FROM {table} t JOIN customer c ON c.id = "
            + ("(SELECT customer_id FROM payment WHERE id = t.payment_id)"
               if table == "allocation" else "t.customer_id")
            + f" JOIN collector k ON k.id = c.collector_id WHERE k.name = '{team.collector}'"
        )[0][0]
    # Older and equal versions are refused, and change nothing.
    for old in (first, second):
        refused = team.receive(old)
        assert refused.returncode == 2 and "already applied" in refused.stderr
    assert team.laptop_rows("SELECT value FROM setting WHERE key = 'pack.version'") == [("2",)]
    assert team.office_rows("SELECT version, customers FROM pack_out ORDER BY version") == [
        (1, len(office_customers)), (2, len(office_customers))]


def test_openssl_accepts_the_packs_manifest_signature(sqlite_team, tmp_path):
    pack = sqlite_team.pack()
    with zipfile.ZipFile(pack) as archive:
        (tmp_path / "manifest.json").write_bytes(archive.read("manifest.json"))
        (tmp_path / "manifest.sig").write_bytes(archive.read("manifest.sig"))
    ca = sqlite_team.office.home / "keys" / "company-ca.pem"
    checked = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                              str(tmp_path / "manifest.sig"), "-content",
                              str(tmp_path / "manifest.json"), "-CAfile", str(ca),
                              "-purpose", "any", "-out", "/dev/null"],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert '"kind":"pack"' in (tmp_path / "manifest.json").read_text()


def test_expired_tampered_and_foreign_packs_are_refused(sqlite_team, tmp_path):
    team = sqlite_team
    short = team.pack("--valid-days", "2")
    late = team.receive(short, today=TODAY + timedelta(days=3))
    assert late.returncode == 2 and "expired" in late.stderr
    stranger = team.receive(short, laptop=tmp_path / "stranger")
    assert stranger.returncode == 2 and "not enrolled" in stranger.stderr
    # A byte of the pack changed after signing.
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(short) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "pack.json":
                data = data.replace(b'"open_minor":', b'"open_minor":9', 1)
            dst.writestr(info, data)
    bad = team.receive(tampered)
    assert bad.returncode == 2 and "SHA-256" in bad.stderr
    assert team.laptop_rows("SELECT COUNT(*) FROM customer") == [(0,)]
    # A pack made for another laptop of the same collector.
    other = team.tmp / "other"
    team.enroll(other, "other")
    packs = team.office.run("pack", "--collector", team.collector, "--out",
                            str(tmp_path / "both"))
    assert packs.returncode == 0 and packs.stdout.count("written to") == 2
    mine = team.laptop_rows("SELECT value FROM setting WHERE key = 'device.id'")[0][0]
    foreign = next(p for p in (tmp_path / "both").glob("*.zip") if mine[:8] not in p.name)
    wrong = team.receive(foreign)
    assert wrong.returncode == 2 and "another" not in wrong.stdout and "for device" in wrong.stderr
    # A collector without an enrolled laptop gets no pack.
    lonely = team.office_rows("SELECT k.name FROM collector k WHERE k.name <> "
                              f"'{team.collector}' ORDER BY k.name")[0][0]
    none = team.office.run("pack", "--collector", lonely, "--out", str(tmp_path / "none"))
    assert none.returncode == 2 and "no enrolled laptop" in none.stderr


def test_work_made_on_the_laptop_survives_a_pack_and_revocations_travel(sqlite_team):
    team = sqlite_team
    assert team.receive(team.pack()).returncode == 0
    codes = sorted(c for (c,) in team.assigned("customers")[1])
    busy, idle = codes[0], codes[1]
    cid = team.laptop_rows(f"SELECT id FROM customer WHERE code = '{busy}'")[0][0]
    inv_id, number, open_minor = team.laptop_rows(
        f"SELECT id, number, open_minor FROM invoice WHERE customer_id = {cid} "
        "ORDER BY number")[0]
    payer, pay_inv, pay_open = team.laptop_rows(
        "SELECT i.customer_id, i.id, i.open_minor FROM invoice i JOIN customer c ON "
        f"c.id = i.customer_id WHERE c.code NOT IN ('{busy}', '{idle}') AND i.open_minor > 700 "
        "AND i.disputed = 0 ORDER BY c.code, i.number")[0]
    with laptop_db.connect(team.laptop / "fieldapp.db") as con:  # a draft and money taken on site
        _take_money(con, payer, pay_inv, "4", 700)
        con.execute("INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at,"
                    " body, sha256) VALUES ('11111111-1111-4111-8111-111111111111', ?, 'visit', "
                    "'draft', '2026-11-30T02:00:00+00:00', '2026-11-30T02:00:00+00:00', '{}', '')",
                    (cid,))
        con.execute("INSERT INTO payment (id, customer_id, paid_on, amount_minor, currency, "
                    "method, reference, visit_uuid) VALUES ('22222222-2222-4222-8222-2222222222"
                    "22', ?, '2026-11-30', 500, 'VND', 'cash', '', "
                    "'11111111-1111-4111-8111-111111111111')", (cid,))
        con.execute("INSERT INTO allocation (id, payment_id, invoice_id, amount_minor) VALUES "
                    "('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-22222222"
                    "2222', ?, 500)", (inv_id,))
        con.execute("UPDATE invoice SET open_minor = open_minor - 500 WHERE id = ?", (inv_id,))
    # The office takes both customers away and revokes another laptop.
    other = team.tmp / "other"
    other_device = team.enroll(other, "other")
    assert team.office.run("revoke", other_device).returncode == 0
    team._exec("UPDATE customer SET collector_id = NULL WHERE code IN "
               f"('{busy}', '{idle}')")
    got = team.receive(team.pack())
    assert got.returncode == 0, got.stderr
    assert "kept 1 customers" in got.stdout and busy in got.stdout
    held = {c for (c,) in team.laptop_rows("SELECT code FROM customer")}
    assert busy in held and idle not in held
    assert sorted(team.laptop_rows("SELECT status FROM visit")) == [("draft",), ("final",)]
    assert team.laptop_rows("SELECT amount_minor, visit_uuid FROM payment WHERE id LIKE "
                            "'22222222%'") == [(500, "11111111-1111-4111-8111-111111111111")]
    assert team.laptop_rows(f"SELECT open_minor FROM invoice WHERE id = {inv_id}") == [
        (open_minor - 500,)]
    # Money taken on site for a customer still assigned keeps lowering the office's balance
    # until the office sends the payment back.
    # So does the dispute raised on that visit.
    assert team.laptop_rows(f"SELECT open_minor, disputed FROM invoice WHERE id = {pay_inv}"
                            ) == [(pay_open - 700, 1)]
    assert team.laptop_rows("SELECT COUNT(*) FROM payment WHERE id LIKE '44444444%'") == [(1,)]
    revoked = team.laptop_rows("SELECT value FROM setting WHERE key = 'pack.revoked'")[0][0]
    assert other_device in revoked


def _take_money(con, customer_id: int, invoice_id: int, digit: str, minor: int) -> None:
    visit, payment = (f"{digit * 8}-{digit * 4}-4{digit * 3}-8{digit * 3}-{digit * 12}",) * 2
    payment = visit[:-1] + "0"
    con.execute("INSERT INTO visit (uuid, customer_id, kind, status, started_at, updated_at, "
                "body, sha256) VALUES (?, ?, 'visit', 'final', '2026-11-30T02:00:00+00:00', "
                "'2026-11-30T03:00:00+00:00', '{}', '')", (visit, customer_id))
    con.execute("INSERT INTO payment (id, customer_id, paid_on, amount_minor, currency, method, "
                "reference, visit_uuid) VALUES (?, ?, '2026-11-30', ?, 'VND', 'cash', '', ?)",
                (payment, customer_id, minor, visit))
    con.execute("INSERT INTO allocation (id, payment_id, invoice_id, amount_minor) VALUES "
                "(?, ?, ?, ?)", (payment[:-1] + "1", payment, invoice_id, minor))
    con.execute("UPDATE invoice SET open_minor = open_minor - ?, disputed = 1 WHERE id = ?",
                (minor, invoice_id))
    con.execute("INSERT INTO outcome (uuid, visit_uuid, customer_id, kind, created_on, "
                "amount_minor, currency, receipt_no, resolved, body) VALUES (?, ?, ?, "
                "'dispute', '2026-11-30', 0, '', '', 0, '{}')",
                (visit[:-1] + "2", visit, customer_id))
