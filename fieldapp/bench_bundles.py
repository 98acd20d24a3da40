"""`fieldapp bench`: importing day bundles at the office: 50 laptops × 20 visits, each with its
document and one photo, through `office import-bundles`' service, beside a raw import (verify
each CMS signature, then the same rows with a bare executemany); on SQLite, and on PostgreSQL
when a server is given (--pg-url or FIELDAPP_BENCH_PG), each run in a fresh schema."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
import zipfile
from datetime import date, datetime, timezone
from io import BytesIO
from pathlib import Path

LAPTOPS, VISITS = 50, 20
DOC_BYTES, PHOTO_BYTES = 30_000, 60_000
_TODAY = date(2026, 11, 27)


def measure(cache: Path, pg_url: str | None = None) -> dict:
    """``import_bundles_s`` and ``import_bundles_raw_s`` (seconds, SQLite office); with a
    PostgreSQL server, ``import_bundles_pg_s`` and ``import_bundles_raw_pg_s`` too."""
    from .bench_office import PG_ENV  # noqa: PLC0415
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        folder = Path(tmp)
        store, trust, files, devices = _prepare(folder)
        store.close()
        shutil.copy(folder / "office.db", folder / "raw.db")
        ours = _timed(lambda: _ours(_sqlite(folder / "office.db"), trust, files))
        raw = _timed(lambda: _raw(_sqlite(folder / "raw.db"), trust, files))
        result = {"import_bundles_s": round(ours, 2), "import_bundles_raw_s": round(raw, 2)}
        url = pg_url or os.environ.get(PG_ENV) or None
        if url:
            result.update(_measure_pg(url, folder, trust, files, devices))
    return result


def _measure_pg(url: str, folder: Path, trust, files: list[Path], devices) -> dict:
    """The same bundles into two fresh PostgreSQL schemas holding the same office."""
    timings = {}
    for name, run in (("import_bundles_pg_s", _ours), ("import_bundles_raw_pg_s", _raw)):
        store, drop = _fresh_office(url, folder, devices)
        try:
            timings[name] = round(_timed(lambda: run(store, trust, files)), 2)
        finally:
            store.close()
            drop()
    return timings


def _sqlite(path: Path):
    from .store.engine import open_store  # noqa: PLC0415
    return open_store(path)


def _fresh_office(url: str, folder: Path, devices):
    from .bench_import import _fresh  # noqa: PLC0415 (a new schema on the server)
    from .store import device_repo  # noqa: PLC0415
    store, drop = _fresh(url, folder)
    collector = _office(store)
    with store.sessions.begin() as session:
        for device, pem, at in devices:
            device_repo.put(session, device, collector, pem, at)
    return store, drop


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _office(store) -> str:
    """The demo office of 300 customers; the collector the bench's laptops are enrolled for."""
    from sqlalchemy import select  # noqa: PLC0415

    from .services.office import demo  # noqa: PLC0415
    from .store.tables import CollectorRow  # noqa: PLC0415
    demo.fill(store, 300, seed=2026, today=_TODAY)
    with store.sessions.begin() as session:
        return session.execute(select(CollectorRow.id).order_by(CollectorRow.id).limit(1)).scalar()


def _prepare(folder: Path):
    from sqlalchemy import select  # noqa: PLC0415

    from .store import device_repo, migrations  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    from .store.tables import CustomerRow  # noqa: PLC0415
    from .sync import bundle, day, pki  # noqa: PLC0415
    store = open_store(folder / "office.db")
    collector = _office(store)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    ca_key = pki.new_key()
    ca = pki.company_ca(ca_key, "Bench", now)
    with store.sessions.begin() as session:
        customers = [tuple(r) for r in session.execute(select(CustomerRow.id, CustomerRow.code))]
    (folder / "bundles").mkdir()
    files, devices = [], []
    for n in range(LAPTOPS):
        device, key = str(uuid.uuid4()), pki.new_key()
        cert = pki.device_certificate(key.public_key(), device, f"collector {n}", ca_key, ca, now)
        pem = pki.pem(cert).decode("ascii")
        devices.append((device, pem, now.isoformat()))
        with store.sessions.begin() as session:
            device_repo.put(session, device, collector, pem, now.isoformat())
        records, blobs = _records(customers, n)
        data = bundle.write(day.KIND, day.members(records, blobs), bundle.Signer(key, cert),
                            sender=device, seq=1, prev_sha256="",
                            schema_version=migrations.LATEST, created_at=now)
        path = folder / "bundles" / f"day-{device}-000001.zip"
        path.write_bytes(data)
        files.append(path)
    return store, bundle.Trust((ca,), frozenset()), files, devices


def _records(customers: list[tuple[int, str]], n: int) -> tuple[list[dict], dict[str, bytes]]:
    """A laptop's day: visits, their documents and photos; each names its customer by code
    too, as a laptop filled by packs does (the office maps the code to its own id)."""
    at = "2026-11-27T03:00:00+00:00"
    records, blobs = [], {}
    for v in range(VISITS):
        visit, doc, photo = (str(uuid.uuid4()) for _ in range(3))
        customer, code = customers[(n * VISITS + v) % len(customers)]
        body = json.dumps({"uuid": visit, "customer_id": customer, "notes": "bench"})
        pdf, jpg = os.urandom(DOC_BYTES), os.urandom(PHOTO_BYTES)
        records.append({"kind": "visit", "row": {
            "uuid": visit, "customer_id": customer, "kind": "visit", "status": "final",
            "started_at": at, "updated_at": at, "finalized_at": at, "amends": None,
            "body": body, "sha256": hashlib.sha256(body.encode()).hexdigest()},
            "ref": {"customer": code}})
        records.append({"kind": "document", "row": {
            "id": doc, "kind": "visit_record", "customer_id": customer, "visit_uuid": visit,
            "number": f"B-{n}-{v}", "language": "vi", "created_at": at,
            "sha256": hashlib.sha256(pdf).hexdigest(), "record_sha256": "", "signer": "bench",
            "development": False}, "ref": {"customer": code}})
        records.append({"kind": "attachment", "row": {
            "uuid": photo, "visit_uuid": visit, "name": "photo.jpg", "mime": "image/jpeg",
            "sha256": hashlib.sha256(jpg).hexdigest()}})
        blobs[f"documents/{doc}.pdf"], blobs[f"attachments/{photo}.bin"] = pdf, jpg
    return records, blobs


def _ours(store, trust, files: list[Path]) -> None:
    from .clock import utc_now  # noqa: PLC0415
    from .services.office.bundles import Bundles  # noqa: PLC0415
    try:
        reports = Bundles(store, utc_now).import_files(files, trust)
    finally:
        store.close()
    if not all(r.status == "imported" for r in reports):
        raise RuntimeError(f"the bench's bundles were not imported: {reports[:3]}")


def _raw(store, trust, files: list[Path]) -> None:
    """What any import must do: check the signature, then insert the rows (the ids as the
    bundle gives them: the floor skips the codes' lookup)."""
    from .sync import cms  # noqa: PLC0415
    mark = "?" if store.is_sqlite else "%s"
    if store.is_sqlite:  # a bare connection, without the program's pragmas
        import sqlite3  # noqa: PLC0415
        store.close()
        raw = con = sqlite3.connect(store.path)
    else:
        raw = store.engine.raw_connection()
        con = raw.dbapi_connection
    try:
        for file in files:
            archive = zipfile.ZipFile(BytesIO(file.read_bytes()))
            cms.verify(archive.read("manifest.sig"), archive.read("manifest.json"), trust)
            records = json.loads(archive.read("records.json"))
            rows = {"visit": [], "document": [], "attachment": []}
            for r in records:
                row = dict(r["row"])
                if r["kind"] == "document":
                    row["data"] = archive.read(f"documents/{row['id']}.pdf")
                elif r["kind"] == "attachment":
                    row["data"] = archive.read(f"attachments/{row['uuid']}.bin")
                rows[r["kind"]].append(row)
            cursor = con.cursor()
            for table, values in rows.items():
                cols = list(values[0])
                cursor.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                   f"({', '.join([mark] * len(cols))})",
                                   [tuple(v[c] for c in cols) for v in values])
            con.commit()
    finally:
        raw.close()
        store.close()
