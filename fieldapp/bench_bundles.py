"""`fieldapp bench`: importing day bundles at the office (SQLite): 50 laptops × 20 visits, each
with its document and one photo, through `office import-bundles`' service, beside a raw import
(verify each CMS signature, then the same rows with a bare executemany)."""

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


def measure(cache: Path) -> dict:
    """``import_bundles_s`` and ``import_bundles_raw_s`` (seconds, SQLite office)."""
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        folder = Path(tmp)
        store, trust, files = _prepare(folder)
        store.close()
        shutil.copy(folder / "office.db", folder / "raw.db")
        ours = _timed(lambda: _ours(folder / "office.db", trust, files))
        raw = _timed(lambda: _raw(folder / "raw.db", trust, files))
    return {"import_bundles_s": round(ours, 2), "import_bundles_raw_s": round(raw, 2)}


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _prepare(folder: Path):
    from sqlalchemy import select  # noqa: PLC0415

    from .services.office import demo  # noqa: PLC0415
    from .store import device_repo, migrations  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    from .store.tables import CollectorRow, CustomerRow  # noqa: PLC0415
    from .sync import bundle, day, pki  # noqa: PLC0415
    store = open_store(folder / "office.db")
    demo.fill(store, 300, seed=2026, today=_TODAY)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    ca_key = pki.new_key()
    ca = pki.company_ca(ca_key, "Bench", now)
    with store.sessions.begin() as session:
        collector = session.execute(select(CollectorRow.id).limit(1)).scalar()
        customers = list(session.execute(select(CustomerRow.id)).scalars())
    (folder / "bundles").mkdir()
    files = []
    for n in range(LAPTOPS):
        device, key = str(uuid.uuid4()), pki.new_key()
        cert = pki.device_certificate(key.public_key(), device, f"collector {n}", ca_key, ca, now)
        with store.sessions.begin() as session:
            device_repo.put(session, device, collector, pki.pem(cert).decode("ascii"), now.isoformat())
        records, blobs = _records(customers, n)
        data = bundle.write(day.KIND, day.members(records, blobs), bundle.Signer(key, cert),
                            sender=device, seq=1, prev_sha256="",
                            schema_version=migrations.LATEST, created_at=now)
        path = folder / "bundles" / f"day-{device}-000001.zip"
        path.write_bytes(data)
        files.append(path)
    return store, bundle.Trust((ca,), frozenset()), files


def _records(customers: list[int], n: int) -> tuple[list[dict], dict[str, bytes]]:
    at = "2026-11-27T03:00:00+00:00"
    records, blobs = [], {}
    for v in range(VISITS):
        visit, doc, photo = (str(uuid.uuid4()) for _ in range(3))
        customer = customers[(n * VISITS + v) % len(customers)]
        body = json.dumps({"uuid": visit, "customer_id": customer, "notes": "bench"})
        pdf, jpg = os.urandom(DOC_BYTES), os.urandom(PHOTO_BYTES)
        records.append({"kind": "visit", "row": {
            "uuid": visit, "customer_id": customer, "kind": "visit", "status": "final",
            "started_at": at, "updated_at": at, "finalized_at": at, "amends": None,
            "body": body, "sha256": hashlib.sha256(body.encode()).hexdigest()}})
        records.append({"kind": "document", "row": {
            "id": doc, "kind": "visit_record", "customer_id": customer, "visit_uuid": visit,
            "number": f"B-{n}-{v}", "language": "vi", "created_at": at,
            "sha256": hashlib.sha256(pdf).hexdigest(), "record_sha256": "", "signer": "bench",
            "development": False}})
        records.append({"kind": "attachment", "row": {
            "uuid": photo, "visit_uuid": visit, "name": "photo.jpg", "mime": "image/jpeg",
            "sha256": hashlib.sha256(jpg).hexdigest()}})
        blobs[f"documents/{doc}.pdf"], blobs[f"attachments/{photo}.bin"] = pdf, jpg
    return records, blobs


def _ours(path: Path, trust, files: list[Path]) -> None:
    from .clock import utc_now  # noqa: PLC0415
    from .services.office.bundles import Bundles  # noqa: PLC0415
    from .store.engine import open_store  # noqa: PLC0415
    store = open_store(path)
    try:
        reports = Bundles(store, utc_now).import_files(files, trust)
    finally:
        store.close()
    assert all(r.status == "imported" for r in reports), reports


def _raw(path: Path, trust, files: list[Path]) -> None:
    """What any import must do: check the signature, then insert the rows."""
    import sqlite3  # noqa: PLC0415

    from .sync import cms  # noqa: PLC0415
    con = sqlite3.connect(path)
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
            with con:
                for table, values in rows.items():
                    cols = list(values[0])
                    con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                    f"({', '.join('?' * len(cols))})",
                                    [tuple(v[c] for c in cols) for v in values])
    finally:
        con.close()
