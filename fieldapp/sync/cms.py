"""Detached CMS (PKCS#7) signatures in DER over a manifest: made with `cryptography`, checked
with asn1crypto and `cryptography` (no openssl needed) as `openssl cms -verify` checks them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

from asn1crypto import cms
# Registers the attribute names pyHanko signs with (signing_certificate_v2) before anything
# here uses CMSAttributeType: asn1crypto builds its reverse map of names once, on first use,
# and a name added after that is never found (a bundle sent, then a document signed, in one
# process failed with "invalid literal for int()").
from asn1crypto import tsp  # noqa: F401
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from .errors import BundleRefused

_HASHES = {"sha256": (hashlib.sha256, hashes.SHA256), "sha384": (hashlib.sha384, hashes.SHA384),
           "sha512": (hashlib.sha512, hashes.SHA512)}


@dataclass(frozen=True)
class Trust:
    """Whom a reader believes: certificates issued by one of ``roots`` (the company CA) and
    valid ``at`` (default: now), whose serial (hex) is not in ``revoked``. ``embedded_root``:
    the first contact with an office (installing an enrollment answer) takes the CA the
    signature carries, which the answer's other checks then bind to this laptop's own key."""

    roots: tuple[x509.Certificate, ...] = ()
    revoked: frozenset[str] = field(default_factory=frozenset)
    at: datetime | None = None
    embedded_root: bool = False


def sign(data: bytes, key, cert: x509.Certificate, extra=()) -> bytes:
    """A detached signature over the exact bytes of ``data``, with ``cert`` (and ``extra``
    certificates) inside; Binary: the bytes are signed as they are, no MIME line endings."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(cert, key, hashes.SHA256())
    for other in extra:
        builder = builder.add_certificate(other)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature,
                                                     pkcs7.PKCS7Options.Binary])


def serial_hex(cert: x509.Certificate) -> str:
    return format(cert.serial_number, "x")


def verify(signature: bytes, data: bytes, trust: Trust) -> x509.Certificate:
    """The signer's certificate, once the signature over ``data`` verifies and the signer
    chains to a trusted root, is valid and is not revoked; BundleRefused otherwise."""
    signer_info, certs = _signed_data(signature)
    signer = _signer_cert(signer_info, certs)
    _check_signature(signer_info, signer, data)
    _check_chain(signer, certs, trust)
    return signer



def _signed_data(signature: bytes):
    try:
        info = cms.ContentInfo.load(signature, strict=True)
        if info["content_type"].native != "signed_data":
            raise BundleRefused("sync.bad_signature", reason="not a CMS SignedData")
        signed = info["content"]
        if signed["encap_content_info"]["content"].native is not None:
            raise BundleRefused("sync.bad_signature", reason="the signature is not detached")
        if len(signed["signer_infos"]) != 1:
            raise BundleRefused("sync.bad_signature", reason="not exactly one signer")
        certs = [x509.load_der_x509_certificate(c.chosen.dump())
                 for c in signed["certificates"] or () if c.name == "certificate"]
        return signed["signer_infos"][0], certs
    except BundleRefused:
        raise
    except Exception as exc:  # asn1crypto raises many kinds on malformed DER
        raise BundleRefused("sync.bad_signature",
                            reason=f"the signature cannot be read ({type(exc).__name__})") from None


def _signer_cert(signer_info, certs) -> x509.Certificate:
    sid = signer_info["sid"]
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if (cert.serial_number == wanted["serial_number"].native
                    and cert.issuer.public_bytes() == wanted["issuer"].dump()):
                return cert
        elif sid.name == "subject_key_identifier" and _ski(cert) == sid.chosen.native:
            return cert
    raise BundleRefused("sync.bad_signature",
                        reason="the signer's certificate is not in the signature")


def _ski(cert: x509.Certificate) -> bytes | None:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return None


def _check_signature(signer_info, signer: x509.Certificate, data: bytes) -> None:
    try:
        digest_name = signer_info["digest_algorithm"]["algorithm"].native
        if digest_name not in _HASHES:
            raise BundleRefused("sync.bad_signature",
                                reason=f"digest {digest_name} is not accepted")
        hash_fn, algorithm = _HASHES[digest_name]
        attrs = signer_info["signed_attrs"]
        if not attrs:
            raise BundleRefused("sync.bad_signature",
                                reason="the signature has no signed attributes")
        values = {a["type"].native: a["values"] for a in attrs}
        if [v.native for v in values.get("content_type", ())] != ["data"]:
            raise BundleRefused("sync.bad_signature", reason="the signed content type is not data")
        if [v.native for v in values.get("message_digest", ())] != [hash_fn(data).digest()]:
            raise BundleRefused("sync.bad_signature",
                                reason="the manifest does not match the signed digest")
        # The signature covers the attributes encoded as a SET (RFC 5652 §5.4), not [0].
        _verify_value(signer.public_key(), signer_info["signature"].native,
                      attrs.untag().dump(), algorithm())
    except BundleRefused:
        raise
    except Exception as exc:
        raise BundleRefused("sync.bad_signature",
                            reason=f"the signature cannot be read ({type(exc).__name__})") from None


def _verify_value(public_key, value: bytes, signed: bytes, algorithm) -> None:
    try:
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(value, signed, ec.ECDSA(algorithm))
        elif isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(value, signed, padding.PKCS1v15(), algorithm)
        else:
            raise BundleRefused("sync.bad_signature",
                                reason="the signer's key type is not accepted")
    except InvalidSignature:
        raise BundleRefused("sync.bad_signature",
                            reason="the signature value does not verify") from None


def _check_chain(signer: x509.Certificate, certs, trust: Trust) -> None:
    """Company certificates are issued directly by the company CA: one link to check."""
    roots = list(trust.roots)
    if trust.embedded_root:
        roots += [c for c in certs if c.issuer == c.subject and _is_ca(c)]
    who = signer.subject.rfc4514_string()
    root = next((r for r in roots if _is_ca(r) and _issued_by(signer, r)), None)
    if root is None:
        raise BundleRefused("sync.unknown_signer", signer=who)
    at = trust.at or datetime.now(timezone.utc)
    for cert in (signer, root):
        if not cert.not_valid_before_utc <= at <= cert.not_valid_after_utc:
            raise BundleRefused("sync.signer_expired", signer=cert.subject.rfc4514_string(),
                                until=cert.not_valid_after_utc.date())
    if _is_ca(signer) or not _may_sign(signer):
        raise BundleRefused("sync.unknown_signer", signer=who)
    if serial_hex(signer) in trust.revoked:
        raise BundleRefused("sync.revoked", signer=who)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        return False


def _may_sign(cert: x509.Certificate) -> bool:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    except x509.ExtensionNotFound:
        return True
