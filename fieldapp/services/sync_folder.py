"""One whole sync of the laptop through the sync folder: the office's acks taken, the day
bundles written, the newest assignment pack applied; and the sync status the window shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..domain.errors import FieldappError
from ..domain.instants import from_text, to_text
from ..store import outbox_repo
from ..sync import folder as layout
from ..sync import laptop_keys
from ..sync.errors import BundleRefused, SyncFolderError
from . import packs_in
from . import settings as cfg
from .changes import Changes


@dataclass(frozen=True)
class Problem:
    """A file of the sync folder that was not taken, and why; the file stays where it is."""

    file: str
    error: FieldappError

    @property
    def code(self) -> str:
        return self.error.code


@dataclass(frozen=True)
class FolderSync:
    made: int  # seq of the day bundle made now, 0 when nothing was new
    records: int  # records in it
    waiting: int  # bundles written to the folder, still waiting for the office's ack
    acked: int  # the highest seq the office has acknowledged (0: none yet)
    pruned: int  # bundles taken out of the outbox by the acks now
    pack: int | None  # the version of the pack applied now, None when none was
    problems: tuple[Problem, ...] = ()
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)
    notes: int = 0  # new notes from the office the pack applied now brought


@dataclass(frozen=True)
class SyncStatus:
    folder: str
    last_at: datetime | None  # the last sync that ran to its end, in the user's zone
    unsent: int  # records no day bundle holds yet
    waiting: tuple[int, ...]  # seqs of the bundles waiting for the office's acknowledgement
    acked: int
    device: str
    enrolled: bool
    collector: str
    company: str
    pack_version: int  # 0 before any pack
    pack_expires: datetime | None
    today: date  # the user's day when this was read ("today 14:05")
    at_start: bool  # sync when the window starts
    at_close: bool  # sync when it closes


Progress = Callable[..., None]


def status(store, keys: Path, settings: cfg.Settings, today: date) -> SyncStatus:
    """What the status bar says about sync, from one read of each part."""
    folder, last, at_start, at_close = settings.get_many(cfg.SYNC_FOLDER, cfg.LAST_SYNC,
                                                         cfg.SYNC_AT_START, cfg.SYNC_AT_CLOSE)
    with store.sessions() as session:
        state, unsent = outbox_repo.state(session), outbox_repo.unsent_count(session)
    pack = packs_in.state(store)
    held = laptop_keys.enrollment(keys) if laptop_keys.is_enrolled(keys) else {}
    zone = settings.zone()
    return SyncStatus(folder, from_text(last, zone) if last else None, unsent, state.waiting,
                      state.acked_seq, settings.device_id(), laptop_keys.is_enrolled(keys),
                      held.get("collector", ""), held.get("company", ""), pack["version"],
                      from_text(pack["expires_at"], zone) if pack["expires_at"] else None,
                      today, at_start, at_close)


class FolderRun:
    """One sync over ``root`` by the laptop's ``actions`` (services.sync_actions.SyncActions).

    Acks come first, so bundles the office already holds are not written again; then the day
    bundle; then the pack. Each step is its own transaction: a sync cut short (a USB stick
    pulled) leaves what it did whole, and the next sync does the rest."""

    def __init__(self, actions, root: Path | None, progress: Progress | None,
                 cancelled: Callable[[], bool] | None):
        self._actions, self._root = actions, Path(root) if root else None
        self._progress = progress or (lambda *_a: None)
        self._cancelled = cancelled or (lambda: False)
        self._problems: list[Problem] = []
        self._done, self._total = 0, 0
        self._notes = 0

    def run(self) -> FolderSync:
        if self._root is None:
            raise SyncFolderError("sync.no_folder")
        if not self._actions.enrollment().enrolled:
            raise BundleRefused("sync.not_enrolled")
        self._check_folder()
        mine = layout.to_laptop(self._root, self._actions.device)
        acks = self._listed(mine, layout.is_ack)
        packs = self._listed(mine, layout.is_pack)
        self._total = len(acks) + len(packs) + 1
        pruned = self._take_acks(acks)
        if self._cancelled():
            return self._stopped(pruned)
        self._step("day bundles")
        sent = self._guard(lambda: self._actions.send(layout.to_office(self._root)))
        if self._cancelled():
            return self._stopped(pruned, sent)
        applied = self._take_packs(packs)
        if self._cancelled():
            return self._stopped(pruned, sent, applied)
        self._actions.mark_synced()
        return self._result(pruned, sent, applied, cancelled=False)

    # -- the folder ---------------------------------------------------------------------------
    def _check_folder(self) -> None:
        if not self._root.is_dir():
            raise SyncFolderError("sync.folder_missing", path=str(self._root))
        self._guard(lambda: layout.to_office(self._root).mkdir(exist_ok=True))

    def _listed(self, folder: Path, wanted) -> list[Path]:
        return self._guard(lambda: layout.waiting_files(folder, wanted))

    def _guard(self, step):
        """Run ``step``; a folder that went away (or never let us write) is one clear error."""
        try:
            return step()
        except OSError as exc:
            raise SyncFolderError("sync.folder_unreachable", path=str(self._root),
                                  reason=exc.strerror or str(exc)) from exc

    def _file_failed(self, path: Path, exc: OSError) -> None:
        """One file that cannot be read is that file's problem, unless the folder is gone."""
        if not self._root.is_dir():
            raise SyncFolderError("sync.folder_unreachable", path=str(self._root),
                                  reason=exc.strerror or str(exc)) from exc
        self._problems.append(Problem(path.name, SyncFolderError(
            "sync.file_unreadable", file=path.name, reason=exc.strerror or str(exc))))

    def _step(self, text: str) -> None:
        self._done += 1
        self._progress(self._done, self._total, text)

    # -- acknowledgements ----------------------------------------------------------------------
    def _take_acks(self, acks: list[Path]) -> int:
        """Take every ack; delete those taken and the stale ones (their seq is already acked:
        taking them prunes nothing). A refused one stays, with its reason."""
        pruned = 0
        for path in acks:
            if self._cancelled():
                break
            self._step(path.name)
            try:
                pruned += self._actions.take_ack(path, path.read_bytes()).pruned
            except FieldappError as error:
                self._problems.append(Problem(path.name, error))
                continue
            except OSError as exc:
                self._file_failed(path, exc)
                continue
            self._remove(path)
        return pruned

    def _remove(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:  # taken all the same; the next sync deletes it as stale
            self._file_failed(path, exc)

    # -- assignment packs ----------------------------------------------------------------------
    def _take_packs(self, packs: list[Path]) -> int | None:
        """Apply the newest pack newer than the one applied (a refused one leaves the next
        newest to try); delete the packs that are older or equal to what is applied then."""
        held = self._actions.pack_state()
        readable: list[tuple[int, Path, object]] = []
        for path in packs:
            if self._cancelled():
                return None
            self._step(path.name)
            try:
                pack = self._actions.read_pack(held, path)
            except FieldappError as error:
                self._problems.append(Problem(path.name, error))
                continue
            except OSError as exc:
                self._file_failed(path, exc)
                continue
            if pack.header["device"] != self._actions.device:
                self._problems.append(Problem(path.name, BundleRefused(
                    "sync.pack_other_device", device=pack.header["device"],
                    this=self._actions.device)))
                continue
            readable.append((pack.version, path, pack))
        applied, version = None, held["version"]
        for number, path, pack in sorted(readable, key=lambda r: r[0], reverse=True):
            if number <= version:
                break
            try:
                self._notes = self._actions.apply_pack(pack, held).notes
            except FieldappError as error:
                self._problems.append(Problem(path.name, error))
                continue
            applied = version = number
            break
        for number, path, _pack in readable:
            if number <= version:
                self._remove(path)
        return applied

    # -- the result ------------------------------------------------------------------------------
    def _stopped(self, pruned: int, sent=None, applied=None) -> FolderSync:
        return self._result(pruned, sent, applied, cancelled=True)

    def _result(self, pruned: int, sent, applied: int | None, cancelled: bool) -> FolderSync:
        state = self._actions.outbox_state()
        # A pack reaches every customer it names and may add or remove some: reload everything.
        changes = Changes.everything() if applied is not None else Changes()
        return FolderSync(sent.made if sent else 0, sent.records if sent else 0,
                          sent.waiting if sent else len(state.waiting), state.acked_seq, pruned,
                          applied, tuple(self._problems), cancelled, changes, self._notes)
