"""Enrolled devices as the office knows them: certificate, collector, revocation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Device:
    """One enrolled laptop; ``revoked_at`` is None while the office trusts it."""

    id: str
    collector_id: str
    collector_name: str
    certificate_pem: str
    enrolled_at: datetime
    revoked_at: datetime | None = None
    revoked_reason: str = ""

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass(frozen=True, slots=True)
class Revocation:
    """One line of the revocation list the packs carry; ``serial`` is the certificate's (hex),
    which readers of bundles compare (sync.cms.Trust.revoked)."""

    device_id: str
    serial: str
    revoked_at: datetime
    reason: str
