"""The steps of making a document apart, so drawing and signing can run beside the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..documents.keys import DeviceKeys
    from .documents import DocumentKind


class PinnedKeys:
    """The device keys as they are now, read on the database lane (the signer's name is a
    setting), so that drawing and signing elsewhere never touches the database."""

    def __init__(self, keys: DeviceKeys):
        self._signer, self._name = keys.signer(), keys.signer_name()
        self._development = keys.is_development()

    def signer(self):
        return self._signer

    def signer_name(self) -> str:
        return self._name

    def is_development(self) -> bool:
        return self._development


@dataclass(frozen=True)
class Planned:
    """A document read from the store, to be drawn and signed without the database."""

    kind: DocumentKind
    number: str
    build: Callable[[], bytes]
    customer_id: int
    visit_uuid: str | None
    language: str
    record_sha: str
    body: str
    keys: DeviceKeys
