"""Load the checklist definitions shipped in resources/checklists."""

from __future__ import annotations

import json
from functools import lru_cache

from ..domain.checklist import Checklist, parse
from ..domain.errors import InvalidValue
from ..paths import resource_dir


@lru_cache(maxsize=None)
def _library() -> dict[str, dict]:
    folder = resource_dir() / "checklists"
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def checklist(kind: str) -> Checklist:
    """The checklist of a visit kind ('visit' or 'call')."""
    library = _library()
    if kind not in library:
        raise InvalidValue("checklist.missing", kind=kind,
                           folder=str(resource_dir() / "checklists"))
    return parse(library[kind], library)
