"""An office store with its company CA and enrolled laptops that sign real day bundles (no
records in them: what travels is tested elsewhere; here it is the files and their fate)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fieldapp.services.office.enrollment import Enrollment
from fieldapp.store import migrations
from fieldapp.store.tables import CollectorRow
from fieldapp.sync import bundle, day, enroll, office_keys, pki

PASS = "correct horse battery"


@dataclass
class Laptop:
    device: str
    signer: bundle.Signer
    sent: list[str] = field(default_factory=lambda: [""])  # sha256 of each bundle, from seq 0

    def bundle(self, seq: int, at: datetime) -> bytes:
        """Day bundle ``seq`` (chained to the one before, which must have been made first)."""
        data = bundle.write(day.KIND, day.members([], {}), self.signer, sender=self.device,
                            seq=seq, prev_sha256=self.sent[seq - 1],
                            schema_version=migrations.LATEST, created_at=at)
        self.sent[seq:] = [bundle.sha256(data)]
        return data


def office_with_ca(store, home: Path, now) -> Path:
    """The office profile ``home`` with its CA; returns its keys folder."""
    keys = office_keys.keys_folder(home)
    Enrollment(store, now).create_ca(keys, PASS, "ACME")
    return keys


def enroll_laptop(store, home: Path, now, device: str, collector: str) -> Laptop:
    """Enroll a laptop for ``collector`` (made when missing)."""
    with store.sessions.begin() as session:
        if session.query(CollectorRow).filter_by(name=collector).first() is None:
            session.add(CollectorRow(id=f"c-{device[:8]}", name=collector,
                                     created_at="2026-11-01T00:00:00+00:00"))
    key = pki.new_key()
    done = Enrollment(store, now).enroll(office_keys.keys_folder(home), PASS,
                                         pki.make_request(key, device, ""), "r.csr", collector)
    answer = enroll.read_answer(done.answer, "answer", key, device)
    return Laptop(device, bundle.Signer(key, answer.device_cert))
