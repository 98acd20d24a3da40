"""The laptop's sync steps as one facade for the window and the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.instants import to_text
from ..files import write_atomically
from ..sync import laptop_keys
from . import settings as cfg
from .changes import Changes


@dataclass(frozen=True)
class Enrollment:
    enrolled: bool
    device: str
    collector: str = ""
    company: str = ""


@dataclass(frozen=True)
class SendResult:
    made: int  # seq of the bundle made now, 0 when nothing was new
    records: int
    waiting: int  # bundles written, still waiting for the office's acknowledgement
    folder: Path


@dataclass(frozen=True)
class PackResult:
    version: int
    added: int
    updated: int
    removed: int
    kept: tuple[str, ...]
    changes: Changes
    notes: int = 0  # new notes from the office
    resolved: int = 0  # disputes recorded here that the office resolved


class SyncActions:
    def __init__(self, store, keys: Path, settings: cfg.Settings, now: Callable[[], datetime]):
        self._store, self._keys, self._settings, self._now = store, Path(keys), settings, now

    def enrollment(self) -> Enrollment:
        held = laptop_keys.enrollment(self._keys) if laptop_keys.is_enrolled(self._keys) else {}
        return Enrollment(laptop_keys.is_enrolled(self._keys), self._settings.device_id(),
                          held.get("collector", ""), held.get("company", ""))

    def enroll_request(self, out: Path) -> Path:
        """Write this laptop's certificate request (its one key, made now if it has none)."""
        from ..sync import pki  # noqa: PLC0415 (cryptography only when asked)
        device, holder = self._settings.device_id(), self._settings.get(cfg.COLLECTOR_NAME)
        key = laptop_keys.request_key(self._keys, device, holder, self._now().date())
        write_atomically(Path(out), pki.make_request(key, device, holder))
        return Path(out)

    def enroll_install(self, path: Path, data: bytes | None = None):
        """Check the office's answer against this laptop's key and install it; the answer."""
        from ..sync import enroll  # noqa: PLC0415
        device, holder = self._settings.device_id(), self._settings.get(cfg.COLLECTOR_NAME)
        key = laptop_keys.request_key(self._keys, device, holder, self._now().date())
        answer = enroll.read_answer(Path(path).read_bytes() if data is None else data,
                                    str(path), key, device)
        enroll.install(self._keys, answer, key)
        return answer

    def _outbox(self):
        from .outbox import Outbox  # noqa: PLC0415
        return Outbox(self._store, self._keys, self._settings.device_id(), self._now)

    def send(self, folder: Path) -> SendResult:
        """Make the day bundle of the records not yet sent; write every bundle still waiting."""
        from .outbox import day_file_name  # noqa: PLC0415
        outbox = self._outbox()
        sent = outbox.send()
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for seq, data in sent.waiting:
            write_atomically(folder / day_file_name(outbox.device, seq), data)
        return SendResult(sent.made, sent.records, len(sent.waiting), folder)

    def take_ack(self, path: Path, data: bytes | None = None):
        """Prune the outbox by the office's acknowledgement; (seq, pruned)."""
        return self._outbox().take_ack(Path(path).read_bytes() if data is None else data)

    @property
    def device(self) -> str:
        return self._settings.device_id()

    def outbox_state(self):
        return self._outbox().state()

    def pack_state(self) -> dict:
        from . import packs_in  # noqa: PLC0415
        return packs_in.state(self._store)

    def read_pack(self, held: dict, path: Path):
        """The pack in a file, verified and parsed (not yet checked against this laptop)."""
        from . import packs_in  # noqa: PLC0415
        return packs_in.read(held, self._keys, Path(path))

    def apply_pack(self, pack, held: dict):
        from . import packs_in  # noqa: PLC0415
        return packs_in.apply(self._store, pack, held, self.device, self._now())

    def mark_synced(self) -> None:
        """A sync through the folder ran to its end now: the status bar says when."""
        self._settings.set(cfg.LAST_SYNC, to_text(self._now()))

    def unsent_work(self):
        """What exists only on this laptop until sent (services.unsent.UnsentRecord list)."""
        from .unsent import unsent_work  # noqa: PLC0415
        return unsent_work(self._store, self._settings.zone())

    def folder_setting(self) -> str:
        return self._settings.get(cfg.SYNC_FOLDER)

    def sync_folder(self, root: Path | str | None, progress=None, cancelled=None):
        """One whole sync through the sync folder ``root`` (services.sync_folder.FolderRun);
        None or empty: no folder is set, which is refused."""
        from .sync_folder import FolderRun  # noqa: PLC0415
        return FolderRun(self, Path(root) if root else None, progress, cancelled).run()

    def status(self):
        """Last sync, records not sent, bundles waiting, enrollment and pack: the status bar's."""
        from . import sync_folder  # noqa: PLC0415
        return sync_folder.status(self._store, self._keys, self._settings,
                                  self._now().astimezone(self._settings.zone()).date())

    def receive_pack(self, path: Path) -> PackResult:
        from . import packs_in  # noqa: PLC0415
        got = packs_in.receive(self._store, self._keys, Path(path), self._settings.device_id(),
                               self._now())
        done = got.applied
        return PackResult(got.pack.version, done.added, done.updated, done.removed,
                          tuple(done.kept), Changes.everything(), got.notes, got.resolved)
