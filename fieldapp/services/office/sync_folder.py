"""The office's side of the sync folder: import the day bundles laptops put in ``to-office``
(each file removed once the office has recorded it), answer each laptop with an ack, and put
assignment packs where its laptop looks (``to-laptops/<device>``).

Packs follow one rule: during a sync, every collector with an enrolled, unrevoked laptop that
has no pack yet, or whose newest pack is more than PACK_REFRESH_DAYS old (packs stay valid for
14 days), gets a fresh pack; ``send_packs`` writes one for every such collector now (after
reassigning customers, say)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from ...domain.errors import FieldappError
from ...domain.instants import to_text
from ...files import write_atomically
from ...store import bundle_repo, migrations
from ...store import sync_folder_repo as repo
from ...sync import ack, bundle, folder, office_keys
from ..changes import Changes
from ..settings import Setting
from .bundles import Bundles, Report

log = logging.getLogger(__name__)
PACK_REFRESH_DAYS = 7
# Per office: kept in the office's database, so every supervisor's window sees the same folder.
SYNC_FOLDER = Setting("office.sync_folder", str, "", "Sync folder")
SYNC_WATCH = Setting("office.sync_watch", int, 0, "Watch the sync folder", (0, 1))


@dataclass(frozen=True)
class Sent:
    device: str
    path: Path
    seq: int  # an ack's seq, a pack's version


@dataclass(frozen=True)
class SyncResult:
    reports: list[Report]
    removed: list[Path]  # recorded by the office, so taken out of the folder
    kept: list[Path]  # could not be read (still being copied, no permission): tried next time
    acks: list[Sent]
    packs: list[Sent]
    changes: Changes = field(default_factory=Changes)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for r in self.reports if r.status == status)


def is_bundle(path: Path) -> bool:
    """A day bundle's file name (what a laptop puts in ``to-office``)."""
    return path.suffix.lower() == ".zip" and not folder.is_ack(path) and not folder.is_pack(path)


def waiting(root: Path) -> list[Path]:
    """The finished bundle files waiting in ``<root>/to-office`` (no database needed)."""
    return folder.waiting_files(folder.to_office(root), is_bundle)


class SyncFolder:
    def __init__(self, store, now, settings, enrollment, packs):
        self._store, self._now, self._settings = store, now, settings
        self._enrollment, self._packs = enrollment, packs
        self._bundles = Bundles(store, now)

    # -- settings -----------------------------------------------------------------------------
    def root(self) -> Path | None:
        value = self._settings.get(SYNC_FOLDER)
        return Path(value) if value else None

    def watching(self) -> bool:
        return bool(self._settings.get(SYNC_WATCH))

    def configure(self, root: Path | None, watch: bool) -> None:
        self._settings.set(SYNC_FOLDER, str(root) if root else "")
        self._settings.set(SYNC_WATCH, 1 if watch and root else 0)

    def status(self) -> repo.Status:
        with self._store.sessions.begin() as session:
            return repo.status(session)

    # -- the sync -----------------------------------------------------------------------------
    def sync(self, home: Path, root: Path, passphrase: str | None, progress=None,
             cancelled=None, send_packs: bool = False) -> SyncResult:
        """Import what waits in ``to-office``; then, with the CA ``passphrase``, write the acks
        and the packs due. Without it (a window that was not given it yet) only imports: the
        acks follow at the next sync that has it."""
        root = Path(root)
        if not root.is_dir():
            raise FieldappError("syncfolder.missing", folder=str(root))
        keys_folder = office_keys.keys_folder(home)
        trust = self._enrollment.trust(keys_folder)  # no CA: said before anything is read
        signer = office_keys.load(keys_folder, passphrase).signer() if passphrase else None
        files = waiting(root)
        reports, removed, kept, stopped = [], [], [], False
        for done, path in enumerate(files):
            if cancelled is not None and cancelled():
                stopped = True  # the rest stay in the folder for the next sync
                break
            if progress is not None:
                progress(done, len(files), path.name)
            sha = _sha_of(path)
            if sha is None:
                kept.append(path)
                continue
            reports.extend(self._bundles.import_files([path], trust))
            if _sha_of(path) == sha:  # recorded; a file rewritten meanwhile waits its turn
                path.unlink(missing_ok=True)
                removed.append(path)
        if progress is not None:
            progress(len(files), len(files), "")
        acks = packs = []
        if signer is not None and not stopped:
            arrived = {r.device for r in reports if r.device and r.status != "quarantined"}
            acks = self._write_acks(root, signer, arrived)
            packs = self._write_packs(root, keys_folder, passphrase, send_packs)
        imported = any(r.status == bundle_repo.IMPORTED for r in reports)
        return SyncResult(reports, removed, kept, acks, packs,
                          Changes.everything() if imported else Changes(), stopped)

    def _write_acks(self, root: Path, signer, arrived: set[str]) -> list[Sent]:
        now = self._now()
        with self._store.sessions.begin() as session:
            due = repo.ack_due(session, arrived)
        out = []
        for device, seq in sorted(due.items()):
            target = folder.to_laptop(root, device)
            path = target / ack.file_name(device, seq)
            write_atomically(path, ack.write(signer, device, seq, now, migrations.LATEST))
            _remove_others(target, folder.is_ack, path)
            self.ack_written(device, seq)
            out.append(Sent(device, path, seq))
        return out

    def ack_written(self, device: str, seq: int) -> None:
        """Remember the last ack written for ``device`` (device health shows it), wherever it
        was written (`office import-bundles` writes them too)."""
        with self._store.sessions.begin() as session:
            repo.record_ack(session, device, seq, to_text(self._now()))

    def _write_packs(self, root: Path, keys_folder: Path, passphrase: str,
                     every: bool) -> list[Sent]:
        older = None if every else to_text(self._now() - timedelta(days=PACK_REFRESH_DAYS))
        with self._store.sessions.begin() as session:
            collectors = repo.pack_due(session, older)
        out = []
        for name in collectors:
            for pack in self._packs.build(keys_folder, passphrase, name):
                target = folder.to_laptop(root, pack.device)
                path = target / f"pack-{pack.device[:8]}-v{pack.version}.zip"
                write_atomically(path, pack.data)
                _remove_others(target, folder.is_pack, path)
                out.append(Sent(pack.device, path, pack.version))
        return out


def _sha_of(path: Path) -> str | None:
    try:
        return bundle.sha256(path.read_bytes())
    except OSError as exc:
        log.warning("sync folder: %s not read (%s); it stays for the next sync", path, exc)
        return None


def _remove_others(target: Path, kind, newest: Path) -> None:
    """Older acks (or packs) of a laptop: the newest says everything they said."""
    for old in folder.waiting_files(target, kind):
        if old != newest:
            old.unlink(missing_ok=True)
