"""`fieldapp office init`: create the company CA and the office's signing certificate."""

from __future__ import annotations

from ..paths import resolve_profile
from ..sync import office_documents, office_keys, pki
from . import passphrase


def main(services, args) -> int:
    folder = office_keys.keys_folder(resolve_profile(args.home, office=True).home)
    keys = services.enrollment.create_ca(folder, passphrase.ask(confirm=True), args.company)
    print(f"company CA created in {folder}")
    print(f"  CA:               {keys.ca_cert.subject.rfc4514_string()}")
    print(f"  CA SHA-256:       {pki.fingerprint(keys.ca_cert)}")
    print(f"  office signing:   {keys.office_cert.subject.rfc4514_string()}")
    print("  both private keys are encrypted with the passphrase; keep it safe: without it no "
          "laptop can be enrolled")
    print("  documents printed by the office (`fieldapp office print`) are signed with a "
          "document-signing key issued under this CA at the first print (keys/"
          f"{office_documents.DOCS_CERT}), its key encrypted with the same passphrase")
    return 0
