"""The office's memory for delta packs: each customer's content hash per pack written, and the
pack state each laptop last reported in a day bundle."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from .tables import PackCustomerRow, PackOutRow, PackReportRow


@dataclass(frozen=True)
class Report:
    version: int
    set_hash: str
    seq: int


def parts(session, device_id: str, version: int) -> dict[str, str]:
    """code → SHA-256 of the customers' parts of that pack (empty when none are kept)."""
    return dict(session.execute(select(PackCustomerRow.code, PackCustomerRow.sha256).where(
        PackCustomerRow.device_id == device_id, PackCustomerRow.version == version)).all())


def add_parts(session, device_id: str, version: int, hashes: dict[str, str]) -> None:
    if hashes:
        session.execute(insert(PackCustomerRow), [
            {"device_id": device_id, "version": version, "code": code, "sha256": sha}
            for code, sha in hashes.items()])


def prune_parts(session, device_id: str, below: int) -> None:
    """Forget the parts of packs older than ``below`` (the confirmed one): no delta is ever
    made on them again."""
    session.execute(delete(PackCustomerRow).where(PackCustomerRow.device_id == device_id,
                                                  PackCustomerRow.version < below))


def written(session, device_id: str, version: int) -> tuple[str, int]:
    """(the customer-set hash a laptop holding that pack reports, how many customers it
    assigned); ('', 0) for a pack written before schema 14 or never written."""
    row = session.get(PackOutRow, (device_id, version))
    return ("", 0) if row is None else (row.set_hash, row.customers)


def last_report(session, device_id: str) -> Report | None:
    row = session.get(PackReportRow, device_id)
    return None if row is None else Report(row.version, row.set_hash, row.seq)


def report(session, device_id: str, version: int, set_hash: str, seq: int, at: str) -> None:
    """Keep what the device's newest bundle reported (bundles import in seq order)."""
    row = session.get(PackReportRow, device_id)
    if row is None:
        session.add(PackReportRow(device_id=device_id, version=version, set_hash=set_hash,
                                  seq=seq, reported_at=at))
    elif seq >= row.seq:
        row.version, row.set_hash, row.seq, row.reported_at = version, set_hash, seq, at
