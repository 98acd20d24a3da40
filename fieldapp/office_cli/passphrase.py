"""The company CA's passphrase: from FIELDAPP_CA_PASSPHRASE (scripts) or asked on the terminal."""

from __future__ import annotations

import getpass
import os
import sys

from ..sync.errors import EnrollmentError

ENV = "FIELDAPP_CA_PASSPHRASE"


def ask(confirm: bool) -> str:
    """The passphrase; ``confirm`` asks twice (a new CA), so a typo cannot lock the CA away."""
    given = os.environ.get(ENV)
    if given:
        return given
    if not sys.stdin.isatty():  # a script without the variable: say so rather than hang
        raise EnrollmentError("enroll.no_passphrase", env=ENV)
    first = getpass.getpass("Passphrase of the company CA: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise EnrollmentError("enroll.passphrase_mismatch")
    return first
