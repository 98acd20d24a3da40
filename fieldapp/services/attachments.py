"""Evidence files and photos kept with a visit (in the database, so they travel with it)."""

from __future__ import annotations

import hashlib
import mimetypes
import uuid as uuidlib
from pathlib import Path

from ..domain.errors import FieldappError
from ..domain.stored import Attachment
from ..store import visit_repo

MAX_BYTES = 20 * 1024 * 1024  # a phone photo is a few MB; a 20 MB limit keeps bundles sane


class Attachments:
    def __init__(self, store):
        self._store = store

    def add(self, visit_uuid: str, path: Path) -> Attachment:
        """Copy the file at ``path`` into the profile; refuses missing, empty or huge files."""
        path = Path(path)
        if not path.is_file():
            raise FieldappError("attachment.not_a_file", path=str(path))
        data = path.read_bytes()
        if not data or len(data) > MAX_BYTES:
            raise FieldappError("attachment.size", name=path.name, size=len(data))
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        item = Attachment(str(uuidlib.uuid4()), path.name, mime, hashlib.sha256(data).hexdigest(),
                          len(data))
        with self._store.sessions.begin() as session:
            visit_repo.add_attachment(session, item.id, visit_uuid, item.name, mime, item.sha256, data)
        return item

    def remove(self, visit_uuid: str, attachment_id: str) -> bool:
        """Take a file off a draft before finalizing; False when it is not the draft's own."""
        with self._store.sessions.begin() as session:
            return visit_repo.delete_draft_attachment(session, attachment_id, visit_uuid)

    def list(self, visit_uuid: str) -> list[Attachment]:
        with self._store.sessions() as session:
            return visit_repo.attachments(session, visit_uuid)

    def data(self, attachment_id: str) -> bytes:
        with self._store.sessions() as session:
            return visit_repo.attachment_data(session, attachment_id)
