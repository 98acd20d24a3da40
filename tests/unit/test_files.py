"""Crash-safe writes: old content or new, never half, and no temp files left behind."""

import os
import stat

import pytest

from fieldapp.files import write_atomically


def test_write_replace_and_private_mode(tmp_path):
    target = tmp_path / "sub" / "biên bản.pdf"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    key = tmp_path / "device-key.pem"
    write_atomically(key, b"secret", private=True)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "record.pdf"
    write_atomically(target, b"old")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new and longer")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf"]
