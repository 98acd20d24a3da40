"""Evidence files are copied into the profile with their hash; bad files are refused."""

import hashlib

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.services.attachments import Attachments
from tests.conftest import ON_BOTH_DATABASES

pytestmark = ON_BOTH_DATABASES


def test_attach_list_and_read_back(store, tmp_path):
    photo = tmp_path / "hàng_móp.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 1000)
    box = Attachments(store)
    item = box.add("visit-1", photo)
    assert (item.name, item.mime, item.size) == ("hàng_móp.jpg", "image/jpeg", 1003)
    assert item.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert box.list("visit-1") == [item] and box.list("visit-2") == []
    assert box.data(item.id) == photo.read_bytes()


def test_missing_and_empty_files_are_refused(store, tmp_path):
    box = Attachments(store)
    with pytest.raises(FieldappError, match="is not a file"):
        box.add("v", tmp_path / "nope.png")
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(FieldappError, match="1 byte to 20 MB"):
        box.add("v", tmp_path / "empty.png")
    assert box.list("v") == []


def test_a_draft_loses_a_removed_file_a_final_record_never(builder, tmp_path):
    from fieldapp.services import settings as cfg
    from fieldapp.services.visits import Visits
    from sqlalchemy import update

    from fieldapp.store import visit_repo

    cid = builder.customer("Công ty TNHH Đặng Hưng")
    builder.save()
    visits = Visits(builder.store, cfg.Settings(builder.store))
    draft = visits.start(cid)
    photo = tmp_path / "cua.png"
    photo.write_bytes(b"\x89PNG" + b"x" * 100)
    box = Attachments(builder.store)
    kept, dropped = box.add(draft.uuid, photo), box.add(draft.uuid, photo)
    assert box.remove(draft.uuid, dropped.id) is True
    assert box.list(draft.uuid) == [kept]
    assert box.remove("another-visit", kept.id) is False  # only the draft's own files
    with builder.store.sessions.begin() as session:  # the same visit once it is final
        session.execute(update(visit_repo.VisitRow)
                        .where(visit_repo.VisitRow.uuid == draft.uuid).values(status="final"))
    # A final record's files are its evidence (an amendment's outcomes still name them).
    assert box.remove(draft.uuid, kept.id) is False and box.list(draft.uuid) == [kept]
