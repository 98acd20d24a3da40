"""An encrypted profile that cannot be read although its PIN is right: a really damaged file
gets the newest backup under the same keys (the damaged file kept), a lost key file and another
profile's key file are each said as such, never as "damaged"."""

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from fieldapp import logs, sealed
from fieldapp.domain.errors import FieldappError
from fieldapp.paths import Profile
from fieldapp.services import demo, profile_admin, profile_lock
from fieldapp.services import settings as cfg
from fieldapp.services.portfolio import Portfolio
from fieldapp.store import cipher, keyfile, laptop, migrations
from fieldapp.store.keyfile import UnlockError

PIN = "482913"
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _forget_files_key():
    yield
    sealed.use(None)
    logs.seal(None)


def encrypted_profile(home: Path, customers: int = 6) -> tuple[Profile, Path]:
    """A profile encrypted under PIN with ``customers`` customers, and a real backup of it
    (the one a schema upgrade writes) taken before the collector's name was changed."""
    profile = Profile(home).ensure()
    store = profile_lock.unlock(profile, PIN)
    try:
        demo.generate(store, customers, seed=3, today=TODAY)
        cfg.Settings(store).set(cfg.COLLECTOR_NAME, "Before the backup")
        backup = migrations.backup(profile.database, profile.backups, migrations.LATEST,
                                   store.key)
        cfg.Settings(store).set(cfg.COLLECTOR_NAME, "After the backup")
    finally:
        store.close()
    sealed.use(None)
    return profile, backup


def overwrite(path: Path, offset: int, length: int) -> bytes:
    """Random bytes over ``length`` bytes at ``offset`` (as a failing disk leaves a file)."""
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(os.urandom(length))
    return path.read_bytes()


def customers(store) -> int:
    return Portfolio(store, lambda: TODAY).count_customers()


def test_a_damaged_database_is_replaced_by_the_newest_backup_under_its_keys(tmp_path):
    profile, backup = encrypted_profile(tmp_path / "p")
    older = profile.backups / "fieldapp-v17-20200101-000000.db"
    shutil.copy(backup, older)
    os.utime(older, (1_000_000_000, 1_000_000_000))
    damaged = overwrite(profile.database, 100, 3000)  # inside page 1: the schema is gone
    with pytest.raises(laptop.UnreadableProfile) as caught:
        profile_lock.unlock(profile, PIN)
    failure = caught.value
    assert failure.code == "db.damaged" and str(profile.database) in str(failure)
    assert profile_admin.newest_backup(profile) is None  # encrypted: no plain copy reads
    assert profile_admin.newest_backup(profile, failure.keys.database) == backup
    store, aside = profile_lock.restore_backup(profile, failure, backup)
    try:
        assert customers(store) == 6
        # What the backup held; what was changed after it is lost.
        assert cfg.Settings(store).get(cfg.COLLECTOR_NAME) == "Before the backup"
        assert sealed.key() == failure.keys.files  # keys and logs work as after an unlock
    finally:
        store.close()
    assert aside.parent == profile.backups and "-damaged-" in aside.name
    assert aside.read_bytes() == damaged  # kept, byte for byte
    assert backup.exists() and cipher.readable(backup, failure.keys.database)
    sealed.use(None)
    reopened = profile_lock.unlock(profile, PIN)  # the next start: the PIN alone opens it
    try:
        assert customers(reopened) == 6
    finally:
        reopened.close()


def test_a_database_damaged_from_its_first_byte_is_still_known_by_its_backup(tmp_path):
    profile, backup = encrypted_profile(tmp_path / "p")
    overwrite(profile.database, 0, 8192)  # the salt too: no page of it checks any more
    with pytest.raises(laptop.UnreadableProfile) as caught:
        profile_lock.unlock(profile, PIN)
    assert caught.value.code == "db.damaged"  # the backup opens with these keys
    assert profile_admin.newest_backup(profile, caught.value.keys.database) == backup


def test_a_wrong_pin_on_a_damaged_database_is_still_only_a_wrong_pin(tmp_path):
    profile, _backup = encrypted_profile(tmp_path / "p")
    before = overwrite(profile.database, 100, 3000)
    with pytest.raises(UnlockError) as caught:
        profile_lock.unlock(profile, "000000")
    assert caught.value.code == "unlock.wrong_secret"
    assert profile.database.read_bytes() == before
    assert not list(profile.backups.glob("*-damaged-*"))


def test_a_lost_key_file_is_said_as_such_and_no_passphrase_is_asked(tmp_path, monkeypatch):
    profile, _backup = encrypted_profile(tmp_path / "p")
    before = profile.database.read_bytes()
    keyfile.key_file(profile.database).unlink()
    assert profile_lock.state(profile) == "keyless"
    # Without a passphrase a command would be refused for want of one ("unlock.no_secret"):
    # the lost key file is said first.
    monkeypatch.delenv(profile_lock.PASSPHRASE_ENV, raising=False)
    for attempt in (lambda: profile_lock.refuse_keyless(profile),
                    lambda: profile_lock.unlock(profile, PIN),
                    lambda: profile_lock.open_for_command(profile)):
        with pytest.raises(UnlockError) as caught:
            attempt()
        assert caught.value.code == "unlock.no_key_file"
        said = str(caught.value)
        assert "is missing" in said and "not damaged" in said and "put back" in said.lower()
        assert "enroll" in said and str(keyfile.key_file(profile.database)) in said
    assert profile.database.read_bytes() == before


def test_random_bytes_without_a_key_file_are_still_damaged(tmp_path):
    profile = Profile(tmp_path / "p").ensure()
    profile.database.write_bytes(os.urandom(40_000))  # not whole pages: not a database at all
    with pytest.raises(FieldappError) as caught:
        profile_lock.refuse_keyless(profile)
    assert caught.value.code == "db.damaged"


def test_another_profiles_key_file_is_said_not_to_belong(tmp_path):
    profile, _backup = encrypted_profile(tmp_path / "p")
    other, _ = encrypted_profile(tmp_path / "other", customers=2)
    for backup in profile.backups.iterdir():  # none of this profile's backups is at hand
        backup.unlink()
    before = profile.database.read_bytes()
    shutil.copy(keyfile.key_file(other.database), keyfile.key_file(profile.database))
    with pytest.raises(laptop.UnreadableProfile) as caught:
        profile_lock.unlock(profile, PIN)  # the other profile's PIN is the same
    assert caught.value.code == "unlock.key_mismatch"
    said = str(caught.value)
    assert "does not belong" in said and str(profile.database) in said
    assert profile.database.read_bytes() == before
    assert profile_admin.newest_backup(profile, caught.value.keys.database) is None


def test_a_key_derived_early_is_the_same_and_a_wrong_one_still_counts(tmp_path):
    profile, _backup = encrypted_profile(tmp_path / "p")
    path = keyfile.key_file(profile.database)
    keyfile.unlock_early(path, PIN)
    assert keyfile.unlock(path, PIN) == keyfile.unlock(path, PIN)  # early, then derived anew
    keyfile.unlock_early(path, "000000")
    with pytest.raises(UnlockError) as caught:
        profile_lock.unlock(profile, "000000")
    assert caught.value.code == "unlock.wrong_secret" and profile_lock.failures(profile) == 1
    assert not keyfile._early  # each early derivation is taken once
