"""Typed and pasted text made storable: no NUL bytes, no lone UTF-16 surrogates."""

from __future__ import annotations

import re

# A bad paste (a binary file, text cut from a broken page) brings NUL, which PostgreSQL refuses
# and C libraries read as the end of the text, and unpaired surrogates, which no UTF-8 encoder
# writes. Neither is anything a person meant to type, so both are dropped at the boundary.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without NUL and lone surrogates (a paired one cannot occur in a Python str)."""
    return _UNSTORABLE.sub("", text)


def has_unstorable(text: str) -> bool:
    return _UNSTORABLE.search(text) is not None
