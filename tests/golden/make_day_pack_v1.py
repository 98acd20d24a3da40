"""Make tests/golden/day_v1.zip and pack_v1.zip: a day bundle and an assignment pack of bundle
format 1, as this release's laptop and office write them (run once from a checkout of the
release; the results are never edited).

    PYTHONPATH=. python tests/golden/make_day_pack_v1.py

A demo office of 40 customers makes the company CA and enrolls one laptop for its busiest
collector; the office writes that laptop's first pack (pack_v1.zip), the laptop applies it,
visits seven customers with every kind of outcome (signed PDFs, a photo) and sends its first
day bundle (day_v1.zip). Beside them: the company CA (day_pack_v1_ca.pem) and the laptop's
test-only enrolled identity, key and certificate (day_v1_device_identity.pem), so a test can
sign a manifest of a newer format with it."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from fieldapp.sync import laptop_keys, office_keys
from tests.integration.sim_kit import SimLaptop, SimOffice

HERE = Path(__file__).parent
DAY = date(2026, 11, 30)
SEED = 2026


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="golden-"))
    try:
        office = SimOffice(work / "office", None, DAY, 40, SEED)
        collector = office.collectors()[0]
        laptop = SimLaptop(work / "laptop", collector, office)
        pack = office.packs(collector)[laptop.device]
        laptop.receive(pack)
        laptop.work(sorted(laptop.fresh_customers())[:7], SEED, first=0)
        (day,) = laptop.send()
        (HERE / "pack_v1.zip").write_bytes(pack)
        (HERE / "day_v1.zip").write_bytes(day.read_bytes())
        shutil.copyfile(office_keys.keys_folder(office.home) / "company-ca.pem",
                        HERE / "day_pack_v1_ca.pem")
        shutil.copyfile(laptop.home / "keys" / laptop_keys.ENROLLED,
                        HERE / "day_v1_device_identity.pem")
        laptop.close()
        office.store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
