"""The laptop's enrolled identity: its device key certified by the company CA, used for
documents and bundles once an enrollment answer is installed (until then: the development CA)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.keys import DeviceKeyDamaged

# cryptography and pyHanko are imported inside the functions, with the first document: the
# window asks is_enrolled() while it starts, and must not pay for them there.
if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

    from .bundle import Signer, Trust

ENROLLED = "enrolled-identity.pem"  # the device key and its company certificate, one file
COMPANY_CA = "company-ca.pem"  # the CA that issued it (ca.pem is what `verify` trusts)
OFFICE = "office.pem"  # the office's signing certificate: packs and acks are signed with it
ENROLLMENT = "enrollment.json"  # device id, collector, company, when
DEV_CA_COPY = "dev-ca.pem"  # the development CA, kept to check documents made before enrolling


def is_enrolled(folder: Path) -> bool:
    return (Path(folder) / ENROLLED).exists()


def enrollment(folder: Path) -> dict:
    """What the installed answer said ({} when the laptop is not enrolled or it is unreadable)."""
    try:
        return json.loads((Path(folder) / ENROLLMENT).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def request_key(folder: Path, device_id: str, holder: str, today: date):
    """The device key a request certifies: the one key this laptop has (made once, kept when the
    collector's name changes). An enrolled laptop asking again keeps its enrolled key; before
    that, the key is the development identity's (made now if the laptop has none yet)."""
    from ..documents import devca, identity  # noqa: PLC0415
    if is_enrolled(folder):
        return identity.load(Path(folder) / ENROLLED)[0]
    name = holder or f"fieldapp device {device_id[:8].upper()}"  # as LocalDevelopmentCA names it
    return devca.ensure_device(Path(folder), device_id, name, today)[0]


def company_ca(folder: Path):
    from ..documents import identity  # noqa: PLC0415
    ca = identity.read_cert(Path(folder) / COMPANY_CA)
    if ca is None:
        raise DeviceKeyDamaged("device_key.no_ca", path=str(Path(folder) / COMPANY_CA))
    return ca


def bundle_signer(folder: Path) -> Signer:
    """The enrolled key and certificate, for signing day bundles."""
    from ..documents import identity  # noqa: PLC0415
    from .bundle import Signer  # noqa: PLC0415
    key, cert = identity.load(Path(folder) / ENROLLED)
    return Signer(key, cert)


def trust(folder: Path, revoked: frozenset[str] = frozenset()) -> Trust:
    """Whom this laptop believes: bundles signed under its company CA (packs and acks from the
    office), less the serials of the revocation list the last pack carried."""
    from .bundle import Trust  # noqa: PLC0415
    return Trust((company_ca(folder),), revoked)


def _asn1(cert):
    """pyHanko works on asn1crypto certificates."""
    from asn1crypto import x509 as asn1_x509  # noqa: PLC0415
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class EnrolledKeys:
    """DeviceKeys of an enrolled laptop: documents are signed with the key the company CA
    certified; its certificates are not development ones, and `fieldapp verify` trusts the CA."""

    def __init__(self, folder: Path, holder: Callable[[], str]):
        self.folder, self._holder = Path(folder), holder
        self._signer: SimpleSigner | None = None

    def signer(self) -> SimpleSigner:
        if self._signer is None:
            self._signer = self._load()
        return self._signer

    def _load(self) -> SimpleSigner:
        from asn1crypto import keys as asn1_keys  # noqa: PLC0415
        from cryptography.hazmat.primitives import serialization  # noqa: PLC0415
        from pyhanko.sign.signers import SimpleSigner  # noqa: PLC0415
        from pyhanko_certvalidator.registry import SimpleCertificateStore  # noqa: PLC0415

        from ..documents import identity  # noqa: PLC0415
        key, cert = identity.load(self.folder / ENROLLED)
        if cert.not_valid_after_utc < datetime.now(timezone.utc):
            # Signing would work, and every document would then fail `fieldapp verify`.
            raise DeviceKeyDamaged("device_key.expired", path=str(self.folder / ENROLLED),
                                   until=cert.not_valid_after_utc.date())
        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        chain = SimpleCertificateStore.from_certs([_asn1(company_ca(self.folder))])
        return SimpleSigner(_asn1(cert), asn1_keys.PrivateKeyInfo.load(der), chain)

    def signer_name(self) -> str:
        return self._holder() or enrollment(self.folder).get("collector", "")

    def is_development(self) -> bool:
        return False


class FollowingKeys:
    """DeviceKeys that follow the keys folder: ``before`` (the development CA) until an
    enrollment answer is installed, the enrolled key from then on, at once and without a
    restart. Each side caches its loaded signer, so only the enrolled identity file's presence
    and stamp are looked at per call (a stat); a new answer installed over it is loaded anew."""

    def __init__(self, folder: Path, before, holder: Callable[[], str]):
        self.folder, self._before, self._holder = Path(folder), before, holder
        self._enrolled: EnrolledKeys | None = None
        self._stamp: tuple[int, int] | None = None

    def _current(self):
        try:
            held = (Path(self.folder) / ENROLLED).stat()
        except OSError:
            return self._before
        stamp = (held.st_mtime_ns, held.st_size)
        if self._enrolled is None or stamp != self._stamp:
            self._enrolled, self._stamp = EnrolledKeys(self.folder, self._holder), stamp
        return self._enrolled

    def signer(self) -> SimpleSigner:
        return self._current().signer()

    def signer_name(self) -> str:
        return self._current().signer_name()

    def is_development(self) -> bool:
        return self._current().is_development()
