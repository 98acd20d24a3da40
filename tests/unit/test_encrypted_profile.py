"""The collector's profile encrypted: nothing readable on disk, wrong PINs refused and slowed,
plain profiles converted whole (even when killed mid-way), the PIN changed crash-safely."""

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from fieldapp import logs, sealed
from fieldapp.paths import Profile
from fieldapp.services import demo, profile_lock
from fieldapp.services.demo_history import generate_history, history_size
from fieldapp.services.documents import device_keys
from fieldapp.services import settings as cfg
from fieldapp.store import cipher, keyfile, laptop
from fieldapp.store.engine import open_store
from fieldapp.store.keyfile import UnlockError

PIN, OTHER = "482913", "271828"
TODAY = date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _forget_files_key():
    yield
    sealed.use(None)  # the next test's plain fixtures write plain keys and logs again
    logs.seal(None)


def plain_profile(home: Path, customers: int = 30) -> Profile:
    """An older version's profile: plain database with documents, plain device keys."""
    profile = Profile(home).ensure()
    store = open_store(profile.database, profile.backups)
    try:
        demo.generate(store, customers, seed=7, today=TODAY)
        generate_history(store, TODAY, history_size(customers), 7,
                         device_keys(profile.home, cfg.Settings(store), lambda: TODAY))
    finally:
        store.close()
    return profile


def secrets_of(database: Path, key: bytes | None) -> set[bytes]:
    """Customer and contact names, tax codes and phone numbers, as UTF-8 bytes."""
    conn = cipher.connect(database, key)
    try:
        rows = conn.execute("SELECT name, tax_code, phone FROM customer").fetchall()
        rows += conn.execute("SELECT name, phone, phone FROM contact").fetchall()
    finally:
        conn.close()
    found = {value.encode("utf-8") for row in rows for value in row if value}
    return {value for value in found if len(value) >= 6}


def leaks(home: Path, secrets: set[bytes]) -> list[str]:
    hits = []
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path.relative_to(home)}: {s!r}" for s in secrets if s in data]
    return hits


def table_counts(store) -> dict:
    with store.engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() for n in names}


def samples(store) -> list:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT c.id, c.name, c.tax_code, c.phone, d.sha256 FROM customer c "
            "LEFT JOIN document d ON d.customer_id = c.id ORDER BY c.id, d.id").fetchall()


def test_a_converted_profile_holds_everything_and_nothing_readable_is_left(tmp_path):
    profile = plain_profile(tmp_path / "p")
    before = open_store(profile.database, profile.backups)
    counts, rows = table_counts(before), samples(before)
    before.close()
    secrets = secrets_of(profile.database, None)
    assert secrets and leaks(profile.home, secrets)  # the plain profile does give them away
    assert any(b"-----BEGIN PRIVATE KEY-----" in p.read_bytes()
               for p in (profile.home / "keys").glob("*.pem"))

    store = profile_lock.unlock(profile, PIN)
    try:
        assert table_counts(store) == counts and samples(store) == rows
    finally:
        store.close()
    assert not cipher.is_plain(profile.database)
    assert list(profile.backups.glob("*-plain-*.db"))  # the backup taken first is kept, sealed
    assert leaks(profile.home, secrets) == []  # database, backups, keys, logs: every byte
    pems = list((profile.home / "keys").glob("*.pem"))
    assert pems and all(b"-----BEGIN PRIVATE KEY-----" not in p.read_bytes() for p in pems)
    assert any(b"ENCRYPTED PRIVATE KEY" in p.read_bytes() for p in pems)


def test_the_demo_data_command_leaves_no_customer_data_readable(tmp_path):
    env = dict(os.environ, FIELDAPP_PASSPHRASE=PIN, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "fieldapp", "demo-data", "--customers", "25",
                          "--today", TODAY.isoformat(), "--home", str(tmp_path)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    database = tmp_path / "fieldapp.db"
    key = keyfile.unlock(keyfile.key_file(database), PIN).database
    secrets = secrets_of(database, key)
    assert len(secrets) > 50
    assert list((tmp_path / "keys").glob("*.pem")) and (tmp_path / "logs").is_dir()
    assert leaks(tmp_path, secrets) == []


def snapshot(home: Path) -> dict:
    return {p.relative_to(home): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in home.rglob("*") if p.is_file() and p.name != profile_lock.TRIES_FILE}


def test_a_wrong_pin_is_refused_and_nothing_is_written(tmp_path):
    profile = Profile(tmp_path).ensure()
    profile_lock.unlock(profile, PIN).close()
    before = snapshot(profile.home)
    with pytest.raises(UnlockError) as err:
        profile_lock.unlock(profile, OTHER)
    assert err.value.code == "unlock.wrong_secret"
    assert snapshot(profile.home) == before
    profile_lock.unlock(profile, PIN).close()


def test_wrong_tries_wait_longer_each_time_even_after_a_restart(tmp_path):
    profile = Profile(tmp_path).ensure()
    profile_lock.unlock(profile, PIN).close()
    clock = [1000.0]
    now = lambda: clock[0]  # noqa: E731
    waits = []
    for _ in range(5):
        clock[0] += 10_000  # long after any wait
        with pytest.raises(UnlockError):
            profile_lock.unlock(profile, OTHER, now)
        waits.append(profile_lock.wait_left(profile, now))
    assert waits[:2] == [0, 0] and 0 < waits[2] < waits[3] < waits[4]
    # The count is on disk: a new start (nothing kept in memory) still waits, even with the PIN.
    with pytest.raises(UnlockError) as err:
        profile_lock.unlock(Profile(tmp_path), PIN, now)
    assert err.value.code == "unlock.wait"
    clock[0] += waits[4]
    profile_lock.unlock(profile, PIN, now).close()
    assert profile_lock.wait_left(profile, now) == 0 and profile_lock.failures(profile) == 0


CONVERT = """
import sys
from pathlib import Path
from fieldapp.paths import Profile
from fieldapp.services import profile_lock
profile_lock.unlock(Profile(Path(sys.argv[1])), sys.argv[2]).close()
"""


@pytest.mark.parametrize("step", range(1, 8))
def test_a_conversion_killed_after_any_step_leaves_a_usable_profile(tmp_path, step):
    profile = plain_profile(tmp_path / "p", customers=12)
    before = open_store(profile.database, profile.backups)
    counts, rows = table_counts(before), samples(before)
    before.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{laptop.STOP_ENV: str(step)})
    killed = subprocess.run([sys.executable, "-c", CONVERT, str(profile.home), PIN], env=env,
                            capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    # Killed: the old profile (plain) or the new one (encrypted) is whole.
    if cipher.is_plain(profile.database):
        plain = open_store(profile.database, profile.backups)
        assert table_counts(plain) == counts
        plain.close()
    store = profile_lock.unlock(profile, PIN)  # the next start finishes the job
    try:
        assert table_counts(store) == counts and samples(store) == rows
    finally:
        store.close()
    assert not cipher.is_plain(profile.database)
    assert not [p for p in profile.backups.iterdir() if cipher.is_plain(p)]


def test_changing_the_pin_keeps_the_data_and_refuses_the_old_one(tmp_path):
    profile = Profile(tmp_path).ensure()
    profile_lock.unlock(profile, PIN).close()
    profile_lock.change_secret(profile, PIN, OTHER)
    with pytest.raises(UnlockError):
        profile_lock.unlock(profile, PIN)
    profile_lock.unlock(profile, OTHER).close()
    with pytest.raises(UnlockError) as err:
        profile_lock.change_secret(profile, PIN, "5555")  # the old PIN changes nothing
    assert err.value.code == "unlock.wrong_secret"


REKEY = """
import sys
from pathlib import Path
from fieldapp.paths import Profile
from fieldapp.services import profile_lock
print("go", flush=True)
profile_lock.change_secret(Profile(Path(sys.argv[1])), sys.argv[2], sys.argv[3])
"""


def test_a_pin_change_killed_at_random_points_leaves_the_old_or_the_new_pin(tmp_path):
    profile = plain_profile(tmp_path / "p", customers=8)
    store = profile_lock.unlock(profile, PIN)
    counts = table_counts(store)
    store.close()
    rng, current, changed = random.Random(13), PIN, 0
    for round_ in range(6):
        old, new = current, (OTHER if current == PIN else PIN)
        child = subprocess.Popen([sys.executable, "-c", REKEY, str(profile.home), old, new],
                                 env=dict(os.environ, PYTHONPATH=str(ROOT)),
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "go"
        time.sleep(rng.uniform(0, 0.8))  # a random point in the change, not a wait for a result
        child.send_signal(signal.SIGKILL)
        child.wait()
        opened = None
        for pin in (old, new):
            try:
                opened = profile_lock.unlock(profile, pin)
            except UnlockError:
                continue
            current = pin
            break
        assert opened is not None, f"round {round_}: neither PIN opens the profile"
        assert table_counts(opened) == counts
        opened.close()
        changed += current == new
    assert leaks(profile.home, secrets_of(profile.database, keyfile.unlock(
        keyfile.key_file(profile.database), current).database)) == []


def test_a_command_without_a_passphrase_says_how_to_give_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != profile_lock.PASSPHRASE_ENV}
    out = subprocess.run([sys.executable, "-m", "fieldapp", "demo-data", "--customers", "3",
                          "--home", str(tmp_path)], capture_output=True, text=True,
                         env=dict(env, PYTHONPATH=str(ROOT)), stdin=subprocess.DEVNULL,
                         timeout=300)
    assert out.returncode == 2 and profile_lock.PASSPHRASE_ENV in out.stderr
    assert not (tmp_path / "fieldapp.db").exists()


def test_the_demo_profile_and_test_stores_stay_plain(tmp_path):
    store = open_store(tmp_path / "fieldapp.db")
    store.close()
    assert laptop.state(tmp_path / "fieldapp.db") in ("new", "plain")
    assert not keyfile.key_file(tmp_path / "fieldapp.db").exists()


def test_log_lines_written_after_the_unlock_are_sealed(tmp_path):
    import logging
    profile = Profile(tmp_path / "p").ensure()
    handler = logging.FileHandler(profile.logs / "fieldapp.log", encoding="utf-8")
    root = logging.getLogger("fieldapp")
    root.addHandler(handler)
    try:
        store = profile_lock.unlock(profile, PIN)
        store.close()
        logging.getLogger("fieldapp.test").warning("visited Nguyễn Văn Thắng, 0903123456")
        handler.flush()
    finally:
        root.removeHandler(handler)
        handler.close()
    lines = (profile.logs / "fieldapp.log").read_text("utf-8").splitlines()
    assert lines and all(line.startswith(sealed.PREFIX) for line in lines)
    assert "Thắng" not in "".join(lines)
    files_key = keyfile.unlock(keyfile.key_file(profile.database), PIN).files
    assert "visited Nguyễn Văn Thắng, 0903123456" in sealed.open_text(lines[-1], files_key)
