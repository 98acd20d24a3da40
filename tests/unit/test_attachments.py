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
