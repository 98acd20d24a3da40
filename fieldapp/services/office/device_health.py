"""Device health at the office: laptops' last bundle, gaps, packs, quarantine; Retry, Discard."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from ...domain.errors import NotFound
from ...domain.instants import UTC, from_text
from ...store import device_health_repo as repo
from ...store.bundle_repo import HELD, QUARANTINED, Received
from ...sync import office_keys
from ..changes import Changes
from .bundles import Bundles, Report, bundle_files

log = logging.getLogger(__name__)
Laptop = repo.Laptop
# A laptop's clock further off than this is flagged: its records' times (a visit at 9:00, a
# promise's date near midnight) would be off by as much.
SKEW_LIMIT = timedelta(minutes=10)


def clock_skew(laptop: Laptop) -> timedelta | None:
    """How far the laptop's clock was behind the office's (negative: ahead) by its last
    imported bundle: received_at − the bundle's own created_at. It includes the time the
    bundle took to arrive, so a late bundle makes a clock look behind, never ahead."""
    if not laptop.last_sent_at or not laptop.last_received_at:
        return None
    return from_text(laptop.last_received_at, UTC) - from_text(laptop.last_sent_at, UTC)


def skew_flagged(skew: timedelta | None) -> bool:
    return skew is not None and abs(skew) > SKEW_LIMIT


def missing(laptop: Laptop) -> tuple[int, int] | None:
    """The bundles (first, last) the office waits for before those it holds, if any."""
    if laptop.first_held is None:
        return None
    return (laptop.last_seq or 0) + 1, laptop.first_held - 1


@dataclass(frozen=True)
class ImportSummary:
    reports: list[Report]
    changes: Changes

    def count(self, status: str) -> int:
        return sum(1 for r in self.reports if r.status == status)


def _changes(reports: list[Report]) -> Changes:
    # Imported records reach customers' visits, payments and documents: reload everything.
    return Changes.everything() if any(r.status == "imported" for r in reports) else Changes()


class DeviceHealth:
    def __init__(self, store, now, enrollment):
        self._store, self._enrollment = store, enrollment
        self._bundles = Bundles(store, now)

    def _trust(self, home: Path):
        """Whom the office believes (its company CA in the profile ``home``, revocations)."""
        return self._enrollment.trust(office_keys.keys_folder(home))

    def laptops(self) -> list[Laptop]:
        with self._store.sessions.begin() as session:
            return repo.laptops(session)

    def received(self, device: str | None = None) -> list[Received]:
        """Bundles received, newest first (without their bytes' use: shown only)."""
        with self._store.sessions.begin() as session:
            return repo.received(session, device)

    def import_paths(self, home: Path, paths: list[Path], progress=None) -> ImportSummary:
        """Import bundle files without writing acknowledgements (they need the CA passphrase:
        `fieldapp office import-bundles` writes them)."""
        trust, files = self._trust(home), bundle_files(paths)
        reports: list[Report] = []
        for done, path in enumerate(files):
            if progress is not None:
                progress(done, len(files), Path(path).name)
            reports.extend(self._bundles.import_files([path], trust))
        if progress is not None:
            progress(len(files), len(files), "")
        return ImportSummary(reports, _changes(reports))

    def retry(self, home: Path, row_id: str) -> ImportSummary:
        with self._store.sessions.begin() as session:
            row = repo.get(session, row_id)
        if row is None or row.status not in (HELD, QUARANTINED) or row.data is None:
            raise NotFound("bundle.not_waiting", id=row_id)
        report = self._bundles.retry(row, self._trust(home))
        return ImportSummary([report], _changes([report]))

    def discard(self, row_id: str) -> Changes:
        """Forget a held or quarantined bundle; the log keeps what was discarded."""
        with self._store.sessions.begin() as session:
            row = repo.get(session, row_id)
            if row is None or not repo.delete_unsettled(session, row_id):
                raise NotFound("bundle.not_waiting", id=row_id)
        log.info("bundle discarded: file %s device %s seq %s status %s reason %s sha256 %s",
                 row.file_name, row.device, row.seq, row.status, row.reason, row.sha256)
        return Changes()
