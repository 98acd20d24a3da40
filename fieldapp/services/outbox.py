"""The laptop's side of day bundles: make the next one from the records no bundle held yet,
hand out every bundle still waiting for an ack, and prune the outbox when an ack comes. Each
bundle reports the assignment pack held here (version and customer-set hash): a newly applied
pack makes a bundle even without new records, so the office learns it and sends deltas."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..domain.instants import to_text
from ..store import migrations, outbox_repo, settings_repo
from ..sync import ack, bundle, day, laptop_keys
from ..sync.errors import BundleRefused
from . import packs_in

REPORTED = "pack.reported"  # the pack state the last bundle made here carried


@dataclass(frozen=True)
class Sent:
    made: int  # the seq of the bundle made now, 0 when there was nothing new
    records: int  # records in it
    waiting: tuple[tuple[int, bytes], ...]  # every bundle not yet acked (seq, bytes)


@dataclass(frozen=True)
class Acked:
    seq: int
    pruned: int


def day_file_name(device: str, seq: int) -> str:
    return f"day-{device}-{seq:06d}.zip"


def _enrolled(keys: Path) -> None:
    if not laptop_keys.is_enrolled(keys):
        raise BundleRefused("sync.not_enrolled")


class Outbox:
    def __init__(self, store, keys: Path, device_id: str, now):
        self._store, self._keys, self._device, self._now = store, Path(keys), device_id, now

    @property
    def device(self) -> str:
        return self._device

    def send(self) -> Sent:
        """One new bundle of the records not yet in one (none when there are none). A bundle
        once made keeps its bytes until acked: sending again hands out the same files."""
        _enrolled(self._keys)
        signer = laptop_keys.bundle_signer(self._keys)
        with self._store.sessions.begin() as session:
            unsent = outbox_repo.unsent(session)
            was = outbox_repo.state(session)
            pack = packs_in.held_state(session)
            news = pack["pack_version"] > 0 and json.dumps(pack, sort_keys=True) != \
                settings_repo.read_all(session).get(REPORTED)
            made = 0
            if unsent or news:
                made = was.last_seq + 1
                bundle_id = str(uuid.uuid4())
                data = self._bundle(unsent, signer, made, was.last_sha256, bundle_id, pack)
                outbox_repo.add(session, made, bundle_id, bundle.sha256(data),
                                to_text(self._now()), data, outbox_repo.sent_keys(unsent))
                settings_repo.write(session, {REPORTED: json.dumps(pack, sort_keys=True)})
            waiting = tuple(outbox_repo.waiting_bundles(session))
        return Sent(made, len(unsent), waiting)

    def _bundle(self, unsent, signer, seq: int, prev: str, bundle_id: str,
                pack: dict) -> bytes:
        records = [{"kind": u.kind, "row": u.row, **({"ref": u.ref} if u.ref else {})}
                   for u in unsent]
        blobs = dict(u.blob for u in unsent if u.blob is not None)
        return bundle.write(day.KIND, day.members(records, blobs, pack), signer,
                            sender=self.device,
                            seq=seq, prev_sha256=prev, schema_version=migrations.LATEST,
                            created_at=self._now(), bundle_id=bundle_id)

    def take_ack(self, data: bytes) -> Acked:
        """Prune the bundles an office ack covers; an ack for another laptop or for a seq never
        sent is refused (and prunes nothing)."""
        _enrolled(self._keys)
        got = ack.read(data, laptop_keys.trust(self._keys))
        if got.device != self.device:
            raise BundleRefused("sync.ack_other_device", device=got.device)
        with self._store.sessions.begin() as session:
            was = outbox_repo.state(session)
            if got.seq > was.last_seq:
                raise BundleRefused("sync.ack_ahead", seq=got.seq, sent=was.last_seq)
            pruned = outbox_repo.acknowledge(session, got.seq, to_text(self._now()))
        return Acked(got.seq, pruned)

    def state(self) -> outbox_repo.OutboxState:
        with self._store.sessions.begin() as session:
            return outbox_repo.state(session)
