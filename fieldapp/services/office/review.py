"""The review inbox: imported visits page by page, their states (received → approved / has
issues / rejected, a reason required to reject), append-only comments, history, and each
record's PDF with its verification against the company CA."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...documents import verify
from ...domain.errors import NotFound
from ...domain.instants import to_text
from ...domain.review import (COMMENT, PAGE_SIZE, STATES, History, InboxFilter, Page,
                              ReviewError, checked_comment, checked_reason, checked_state)
from ...domain.stored import DocumentInfo
from ...store import device_repo, document_repo
from ...store import review_repo as repo
from ...sync import office_keys
from ...sync.errors import EnrollmentError
from ..changes import Changes

MIN_PREFIX = 6  # typed ids: enough characters to be unambiguous among many thousand


@dataclass(frozen=True)
class Done:
    """What a review action changed: ``count`` records, and the Changes to publish."""

    count: int
    changes: Changes
    event_id: str | None = None  # the comment added


@dataclass(frozen=True)
class Checked:
    """A document's bytes with what `fieldapp verify` says of them; ``ca`` is where the
    company CA was read ("" when the profile has none, so the chain was not checked)."""

    info: DocumentInfo
    data: bytes
    report: verify.Report
    ca: str


_CHANGED = Changes(reviews=True)


class Review:
    def __init__(self, store, now, actor: str, zone):
        self._store, self._now, self._actor, self._zone = store, now, actor, zone

    # -- reading ------------------------------------------------------------------------------
    def page(self, f: InboxFilter = InboxFilter(), after: tuple[str, str] | None = None,
             size: int = PAGE_SIZE) -> Page:
        """Up to ``size`` records matching ``f``, oldest first, after the cursor ``after``."""
        with self._store.sessions.begin() as session:
            return repo.page(session, f, after, size, self._zone())

    def counts(self, f: InboxFilter = InboxFilter()) -> dict[str, int]:
        """Records per state under ``f`` (whatever state it names), every state present."""
        with self._store.sessions.begin() as session:
            found = repo.counts(session, f)
        return {state: found.get(state, 0) for state in STATES}

    def count(self, f: InboxFilter) -> int:
        """How many records ``f`` matches: what "all N matching" shows before confirming."""
        with self._store.sessions.begin() as session:
            return repo.count(session, f)

    def history(self, visit_uuid: str) -> History:
        with self._store.sessions.begin() as session:
            found = repo.history(session, visit_uuid, self._zone())
        if found is None:
            raise NotFound("review.unknown_record", id=visit_uuid)
        return found

    def resolve(self, typed: str) -> str:
        """The visit id a person typed: in full, or its first characters when only one
        record starts with them."""
        typed = typed.strip().lower()
        if len(typed) < MIN_PREFIX:
            raise NotFound("review.unknown_record", id=typed)
        with self._store.sessions.begin() as session:
            found = repo.ids_like(session, typed)
        if len(found) > 1 and typed not in found:
            raise ReviewError("review.ambiguous_id", id=typed)
        if not found:
            raise NotFound("review.unknown_record", id=typed)
        return typed if typed in found else found[0]

    def collector_id(self, name: str) -> str:
        with self._store.sessions.begin() as session:
            found = device_repo.collector_id(session, name)
        if found is None:
            raise EnrollmentError("enroll.unknown_collector", collector=name)
        return found

    def documents(self, visit_uuid: str) -> list[DocumentInfo]:
        with self._store.sessions.begin() as session:
            return document_repo.of_visit(session, visit_uuid, self._zone())

    def checked(self, document: DocumentInfo, home: Path | None) -> Checked:
        """The PDF and its verification: signature intact, chain to the company CA of the
        office profile ``home``, and the QR hash against the embedded record."""
        with self._store.sessions.begin() as session:
            data = document_repo.data(session, document.id)
        roots, ca, missing = _company_ca(home)
        return Checked(document, data, verify.verify_bytes(data, roots, document.number,
                                                           ca_missing=missing), ca)

    # -- writing ------------------------------------------------------------------------------
    def set_state(self, visit_uuid: str, state: str, reason: str = "") -> Done:
        state, reason = checked_state(state), checked_reason(state, reason)
        at = to_text(self._now())
        with self._store.sessions.begin() as session:
            if repo.item(session, visit_uuid, self._zone()) is None:
                raise NotFound("review.unknown_record", id=visit_uuid)
            repo.set_state(session, [visit_uuid], state, reason, self._actor, at)
        return Done(1, _CHANGED)

    def set_state_matching(self, f: InboxFilter, state: str, reason: str = "",
                           expected: int | None = None) -> Done:
        """Every record ``f`` matches; ``expected`` is the N the person confirmed: when the
        inbox changed since (an import, another supervisor), nothing is changed."""
        state, reason = checked_state(state), checked_reason(state, reason)
        at = to_text(self._now())
        with self._store.sessions.begin() as session:
            ids = repo.matching(session, f)
            if expected is not None and len(ids) != expected:
                raise ReviewError("review.count_changed", expected=expected, found=len(ids))
            repo.set_state(session, ids, state, reason, self._actor, at)
        return Done(len(ids), _CHANGED)

    def comment(self, visit_uuid: str, text: str, corrects: str | None = None) -> Done:
        """A new comment; never edited or removed. A correction is a new comment naming the
        one it corrects (a comment on the same record)."""
        text = checked_comment(text)
        with self._store.sessions.begin() as session:
            if repo.item(session, visit_uuid, self._zone()) is None:
                raise NotFound("review.unknown_record", id=visit_uuid)
            if corrects is not None:
                earlier = repo.event(session, corrects)
                if earlier is None or earlier.visit_uuid != visit_uuid or earlier.kind != COMMENT:
                    raise ReviewError("review.bad_correction", id=corrects)
            added = repo.add_comment(session, visit_uuid, text, self._actor,
                                     to_text(self._now()), corrects)
        return Done(1, _CHANGED, added)


def _company_ca(home: Path | None) -> tuple[list, str, str]:
    """(trust roots, where they were read, the problem when there are none)."""
    from pyhanko.keys import load_certs_from_pemder  # noqa: PLC0415 (only when verifying)
    path = office_keys.keys_folder(home) / office_keys.CA_CERT if home is not None else None
    if path is None or not path.is_file():
        return [], "", "cannot check the certificate chain: this office has no company CA yet"
    return list(load_certs_from_pemder([str(path)])), str(path), ""
