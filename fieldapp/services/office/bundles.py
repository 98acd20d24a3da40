"""Importing day bundles at the office: verify each, apply each in one transaction (with the
pack state it reports: that pack version confirmed, the customer-set hash kept for drift), hold
a bundle that comes after a gap, quarantine a bad one with its reason, and answer with acks."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from sqlalchemy.exc import DBAPIError, IntegrityError

from ...domain.instants import to_text
from ...store import bundle_repo as repo
from ...store import (device_repo, field_records, migrations, pack_parts, pack_repo,
                       receipt_repo, review_repo)
from ...sync import ack, bundle, day
from ...sync.errors import BundleRefused
from . import kpi_cache


@dataclass(frozen=True)
class Report:
    """What one bundle became (the JSON of `office import-bundles --json`)."""

    file: str
    bundle_id: str | None
    device: str | None
    seq: int | None
    status: str
    reason: str
    records: int

    def as_dict(self) -> dict:
        return {"file": self.file, "bundle_id": self.bundle_id, "device": self.device,
                "seq": self.seq, "status": self.status, "reason": self.reason,
                "records": self.records}


@dataclass(frozen=True)
class _Read:
    file: str
    data: bytes
    found: bundle.Bundle


def bundle_files(paths: list[Path]) -> list[Path]:
    """The files named, and the *.zip files of the folders named, in name order."""
    out = []
    for path in paths:
        if Path(path).is_dir():
            found = sorted(p for p in Path(path).iterdir() if p.suffix.lower() == ".zip"
                           and p.is_file() and not p.name.startswith("ack-"))
            if not found:
                raise BundleRefused("sync.no_files", path=str(path))
            out.extend(found)
        else:
            out.append(Path(path))
    return out


class Bundles:
    def __init__(self, store, now):
        self._store, self._now = store, now

    def import_files(self, files: list[Path], trust: bundle.Trust) -> list[Report]:
        """One report per file (and one per bundle held earlier that this import released).
        Bundles are applied in (device, seq) order, whatever order the files came in."""
        reports, good = {}, []
        for path in files:
            try:
                data = Path(path).read_bytes()
            except OSError:  # gone or unreadable: said, and nothing kept
                reports[str(path)] = Report(str(path), None, None, None, repo.QUARANTINED,
                                            "sync.not_a_bundle", 0)
                continue
            try:
                good.append(_Read(str(path), data, bundle.read(data, trust)))
            except BundleRefused as refused:
                reports[str(path)] = self._quarantine(str(path), data, refused)
        good.sort(key=lambda r: (r.found.manifest.sender, r.found.manifest.seq))
        released = []
        for item in good:
            reports[item.file] = self._one(item, trust, released)
        ordered = [reports[str(p)] for p in files if str(p) in reports]
        # A held file named again and released reports its final state, once.
        final = {r.file: r for r in released}
        return [final.pop(r.file, r) for r in ordered] + list(final.values())

    def _one(self, item: _Read, trust, released: list) -> Report:
        m = item.found.manifest
        try:
            report = self._place(item)
        except BundleRefused as refused:
            return self._quarantine(item.file, item.data, refused, m)
        if report.status == repo.IMPORTED:
            released.extend(self._release(m.sender, m.seq, trust))
        return report

    def _place(self, item: _Read) -> Report:
        m, sha, now = item.found.manifest, item.found.sha256, to_text(self._now())
        if m.kind != day.KIND:
            raise BundleRefused("sync.wrong_kind", expected=day.KIND, kind=m.kind)
        if m.seq < 1:
            raise BundleRefused("sync.bad_manifest", reason="a day bundle's seq starts at 1")
        records, blobs = day.records_of(item.found.members)
        day.state_of(item.found.members)  # a bad one quarantines the bundle before anything
        with self._store.sessions.begin() as session:
            if device_repo.get(session, m.sender) is None:
                raise BundleRefused("sync.unknown_device", device=m.sender)
            same = {r.status for r in repo.with_sha(session, sha)}
            last, last_sha = repo.last_imported(session, m.sender)
            if repo.IMPORTED in same:
                repo.record(session, sha256=sha, status=repo.DUPLICATE, at=now,
                            file_name=item.file, bundle_id=m.bundle_id, device=m.sender,
                            seq=m.seq, sent_at=to_text(m.created_at))
                return self._report(item.file, m, repo.DUPLICATE, "", 0)
            if repo.HELD in same and m.seq > last + 1:
                return self._report(item.file, m, repo.HELD, "sync.gap", len(records))
            if repo.HELD not in same and repo.at_seq(session, m.sender, m.seq):
                raise BundleRefused("sync.fork", device=m.sender, seq=m.seq)
            if m.seq <= last:
                raise BundleRefused("sync.fork", device=m.sender, seq=m.seq)
            if m.seq > last + 1:
                repo.record(session, sha256=sha, status=repo.HELD, at=now, file_name=item.file,
                            bundle_id=m.bundle_id, device=m.sender, seq=m.seq,
                            reason="sync.gap", detail=f"waiting for bundle {last + 1}",
                            records=len(records), data=item.data,
                            sent_at=to_text(m.created_at))
                return self._report(item.file, m, repo.HELD, "sync.gap", len(records))
            if m.prev_sha256 != last_sha:
                raise BundleRefused("sync.fork", device=m.sender, seq=m.seq)
        return self._apply(item, records, blobs)

    def _apply(self, item: _Read, records, blobs) -> Report:
        """The bundle's records and its row, in one transaction: all or nothing."""
        m = item.found.manifest
        try:
            with self._store.sessions.begin() as session:
                now = self._now()
                added = field_records.apply(session, records, blobs, to_text(now))
                review_repo.receive(session, [r["row"] for r in records if r["kind"] == "visit"],
                                    m.sender, to_text(now), now.tzinfo)
                # Money taken on site waits for the office (and may already be in the books).
                made = receipt_repo.receive(session.connection(), [
                    r["row"].get("id") for r in records if r["kind"] == "payment"],
                    m.sender, to_text(now))
                if made:
                    receipt_repo.match_all(session, "", to_text(now), made)
                self._take_state(session, m, day.state_of(item.found.members))
                kpi_cache.refresh(session)  # the dashboard's sums, with this bundle's records
                repo.record(session, sha256=item.found.sha256, status=repo.IMPORTED,
                            at=to_text(now), file_name=item.file,
                            bundle_id=m.bundle_id, device=m.sender, seq=m.seq, records=added,
                            sent_at=to_text(m.created_at))
        except (IntegrityError, DBAPIError) as exc:
            reason = str(getattr(exc, "orig", exc)).splitlines()[0]
            raise BundleRefused("sync.bad_records", reason=reason) from None
        return self._report(item.file, m, repo.IMPORTED, "", added)

    def _take_state(self, session, m, state: dict | None) -> None:
        """The pack the laptop holds: confirmed (the next delta applies on it), and its
        customer-set hash kept (a mismatch makes the next pack full)."""
        if state is None:
            return
        at = to_text(self._now())
        pack_repo.confirm(session, m.sender, state["pack_version"], at)
        pack_parts.report(session, m.sender, state["pack_version"],
                          state["customer_set_hash"], m.seq, at)

    def _release(self, device: str, seq: int, trust) -> list[Report]:
        """Bundles held for the gap ``seq`` closed, in order, verified again (the device may
        have been revoked since)."""
        out = []
        while True:
            with self._store.sessions.begin() as session:
                held = repo.held_next(session, device, seq + 1)
            if held is None:
                return out
            try:
                item = _Read(held.file_name, held.data, bundle.read(held.data, trust))
                report = self._place(item)
            except BundleRefused as refused:
                out.append(self._quarantine(held.file_name, held.data, refused))
                return out
            out.append(report)
            if report.status != repo.IMPORTED:
                return out
            seq += 1

    def _quarantine(self, file: str, data: bytes, refused: BundleRefused, m=None) -> Report:
        claimed = m or _claimed(data)
        bundle_id, device, seq = ((claimed.bundle_id, claimed.sender, claimed.seq)
                                  if claimed else (None, None, None))
        with self._store.sessions.begin() as session:
            repo.record(session, sha256=bundle.sha256(data), status=repo.QUARANTINED,
                        at=to_text(self._now()), file_name=file, bundle_id=bundle_id,
                        device=device, seq=seq, reason=refused.code, detail=_detail(refused),
                        data=data)
        return Report(file, bundle_id, device, seq, repo.QUARANTINED, refused.code, 0)

    @staticmethod
    def _report(file: str, m, status: str, reason: str, records: int) -> Report:
        return Report(file, m.bundle_id, m.sender, m.seq, status, reason, records)

    def acks(self, signer: bundle.Signer, devices: set[str]) -> dict[str, tuple[int, bytes]]:
        """An ack per device naming the highest contiguous seq the office holds (devices with
        nothing imported yet get none)."""
        out = {}
        with self._store.sessions.begin() as session:
            last = {d: repo.last_imported(session, d)[0] for d in sorted(devices)}
        for device, seq in last.items():
            if seq:
                out[device] = (seq, ack.write(signer, device, seq, self._now(), migrations.LATEST))
        return out

    def retry(self, row: repo.Received, trust: bundle.Trust) -> Report:
        """Import again the stored bytes of a held or quarantined bundle (its row moves on);
        bytes that still claim nothing keep the laptop and number the row had."""
        file, data = row.file_name, row.data
        try:
            item = _Read(file, data, bundle.read(data, trust))
        except BundleRefused as refused:
            kept = _Claim({"bundle_id": row.bundle_id, "sender": row.device, "seq": row.seq})
            return self._quarantine(file, data, refused, _claimed(data) or kept)
        released: list[Report] = []
        return self._one(item, trust, released)

    def received(self) -> list[repo.Received]:
        with self._store.sessions.begin() as session:
            return repo.all_received(session)


def _detail(refused: BundleRefused) -> str:
    """The English sentence (logs, support), then the reason's values as JSON on a line of their
    own, so the window can word the reason in the supervisor's language."""
    params = {k: v if isinstance(v, (str, int, float)) else str(v)
              for k, v in refused.params.items()}
    return f"{refused}\n{json.dumps(params, ensure_ascii=False)}"


class _Claim:
    def __init__(self, value: dict):
        self.bundle_id = value.get("bundle_id") if isinstance(value.get("bundle_id"), str) else None
        self.sender = value.get("sender") if isinstance(value.get("sender"), str) else None
        self.seq = value.get("seq") if type(value.get("seq")) is int else None


def _claimed(data: bytes):
    """What a refused bundle's manifest claims, unverified: shown beside the reason only."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            info = archive.getinfo("manifest.json")
            if info.file_size > 4 * 1024 * 1024:
                return None
            value = json.loads(archive.read(info))
        return _Claim(value) if isinstance(value, dict) else None
    except Exception:  # noqa: BLE001 — anything unreadable simply claims nothing
        return None
