"""Device signing keys behind one small interface; until enrolment, a local development CA."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..domain.errors import FieldappError

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

DEVELOPMENT = "DEVELOPMENT"  # in the subject of every development certificate
CA_FILE = "ca.pem"  # the company CA this profile trusts (the development CA until enrolment)


class DeviceKeyDamaged(FieldappError):
    """The device key cannot be read whole: nothing is signed, and no new key is made over it."""


class DeviceKeyMismatch(FieldappError):
    """A certificate stored with the device key certifies another key: it is never signed with."""


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

    The key belongs to the device (``device_id``) and is made once; the collector's name is
    only the certificate's display name, so renaming the collector re-issues the certificate
    for the same key. Their subjects say DEVELOPMENT, and `fieldapp verify` says so too. Keys
    are stored unencrypted (mode 600): good enough for development, which is all this is for.
    ``today`` is the program's clock (``--today``): certificates are checked against its day.
    """

    def __init__(self, folder: Path, device_id: str, holder: Callable[[], str],
                 today: Callable[[], date] = date.today):
        self.folder, self.device_id = Path(folder), device_id
        self._holder, self._today = holder, today
        self._signer: SimpleSigner | None = None
        self._loaded_for: tuple[str, date] | None = None

    def signer(self) -> SimpleSigner:
        """The loaded signer, kept for the life of the process (loading costs more than signing);
        looked at again when the collector changes, and once a day (the clock's) for expiry."""
        key = (self.signer_name(), self._today())
        if self._signer is None or self._loaded_for != key:
            # cryptography and pyHanko are imported with the first document, not at startup.
            from . import devca
            self._signer = devca.device_signer(self.folder, self.device_id, *key)
            self._loaded_for = key
        return self._signer

    def signer_name(self) -> str:
        return self._holder() or f"fieldapp device {self.device_id[:8].upper()}"

    def is_development(self) -> bool:
        return True
