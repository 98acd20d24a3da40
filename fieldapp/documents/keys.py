"""Device signing keys behind one small interface; until enrolment, a local development CA."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

DEVELOPMENT = "DEVELOPMENT"  # in the subject of every development certificate
CA_FILE = "ca.pem"  # the company CA this profile trusts (the development CA until enrolment)


class DeviceKeys(Protocol):
    """What signing needs; the office issue swaps in an enrolled certificate behind it."""

    def signer(self) -> SimpleSigner: ...

    def signer_name(self) -> str: ...

    def is_development(self) -> bool: ...


def keys_folder(home: Path) -> Path:
    return Path(home) / "keys"


def trusted_ca_file(home: Path) -> Path:
    return keys_folder(home) / CA_FILE


def is_development_subject(subject: str) -> bool:
    return DEVELOPMENT in subject


class LocalDevelopmentCA:
    """A development CA and a device key kept under ``folder`` (EC P-256), made on first use.

    Their subjects say DEVELOPMENT, and `fieldapp verify` says so too. Keys are stored
    unencrypted (mode 600): good enough for development, which is all this is for.
    """

    def __init__(self, folder: Path, device_id: str, holder: Callable[[], str]):
        self.folder, self.device_id, self._holder = Path(folder), device_id, holder
        self._signer: SimpleSigner | None = None
        self._loaded_for: tuple[str, date] | None = None

    def signer(self) -> SimpleSigner:
        """The loaded signer, kept for the life of the process (loading costs more than signing);
        looked at again when the collector changes, and once a day for expiry."""
        key = (self.signer_name(), date.today())
        if self._signer is None or self._loaded_for != key:
            # cryptography and pyHanko are imported with the first document, not at startup.
            from . import devca
            devca.ensure_device(self.folder, self.device_id, key[0])
            self._signer, self._loaded_for = devca.load_signer(self.folder), key
        return self._signer

    def signer_name(self) -> str:
        return self._holder() or f"fieldapp device {self.device_id[:8].upper()}"

    def is_development(self) -> bool:
        return True
