"""The key derivation started early (FIELDAPP_PASSPHRASE) runs in a thread that imports nothing:
a module that thread imported while the window's modules load could be seen half-made by the
main thread (a start once failed with "partially initialized module 'typing'")."""

import subprocess
import sys
from pathlib import Path

from fieldapp.store import keyfile

SECRET = "early passphrase 1234"
PROBE = """
import sys, threading
from pathlib import Path
from fieldapp.store import keyfile

seen = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if threading.current_thread().name.startswith("unlock"):
            seen.append(name)
        return None

sys.meta_path.insert(0, Watch())
path = Path(sys.argv[1])
keyfile.unlock_early(path, sys.argv[2])
keys = keyfile.unlock(path, sys.argv[2])
print(len(keys.database), seen)
"""


def test_the_early_unlock_thread_imports_nothing(tmp_path: Path):
    path = tmp_path / "fieldapp.db.key"
    keyfile.create(path, SECRET)  # in this process: the probe below starts with nothing loaded
    done = subprocess.run([sys.executable, "-c", PROBE, str(path), SECRET], capture_output=True,
                          text=True, check=True, cwd=Path(__file__).parents[2])
    assert done.stdout.strip() == "32 []", done.stdout + done.stderr
