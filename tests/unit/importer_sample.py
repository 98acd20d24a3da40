"""A deterministic receivables export in the plain preset's layout, for measuring the reader.

    python -m tests.unit.importer_sample measure LINES [csv|xlsx]

writes the file to a temporary folder and prints CPU seconds and peak MB of the reader and of a
bare ``csv.reader`` over the same file, each in a fresh process. Not a test: no timing is
asserted anywhere."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HEADER = ("Customer code", "Customer name", "Invoice", "Invoice date", "Due date", "Amount",
          "Open amount", "Currency")
_NAMES = ("Công ty TNHH Thương mại Đông Á", "Acme Trading Co", "永豐貿易有限公司",
          "Cửa hàng Bình Minh", "Golden Lotus JSC", "华南电子有限公司")


def rows(lines: int, seed: int = 1):
    """The title block, the header, ``lines`` invoice rows and a totals row."""
    rnd = random.Random(seed)
    yield ("Receivables by invoice",)
    yield ("As of: 31/05/2025",)
    yield ()
    yield HEADER
    customers = max(1, lines // 8)
    start = date(2024, 1, 1)
    total = total_open = 0
    for n in range(lines):
        c = rnd.randrange(customers)
        issued = start + timedelta(days=rnd.randrange(500))
        cents = rnd.randrange(100, 5_000_000)
        open_cents = cents if rnd.random() < 0.7 else rnd.randrange(cents)
        total, total_open = total + cents, total_open + open_cents
        yield (f"C{c:06d}", _NAMES[c % len(_NAMES)] + f" {c}", f"INV{n:08d}",
               issued.strftime("%d/%m/%Y"), (issued + timedelta(days=30)).strftime("%d/%m/%Y"),
               f"{cents // 100}.{cents % 100:02d}", f"{open_cents // 100}.{open_cents % 100:02d}",
               "USD")
    yield ("Total", "", "", "", "", f"{total // 100}.{total % 100:02d}",
           f"{total_open // 100}.{total_open % 100:02d}", "")


def write_csv(path: Path, lines: int, seed: int = 1) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows(lines, seed))
    return path


def write_xlsx(path: Path, lines: int, seed: int = 1) -> Path:
    """The same rows as a workbook: text shared, amounts as numbers, dates as date cells."""
    from tests.unit.test_importers_xlsx import workbook  # noqa: PLC0415

    def cells(row):
        if len(row) == 8 and row[0] not in ("Customer code", "Total"):
            day = lambda text: date(int(text[6:]), int(text[3:5]), int(text[:2]))  # noqa: E731
            return [*row[:3], day(row[3]), day(row[4]), float(row[5]), float(row[6]), row[7]]
        if len(row) == 8 and row[0] == "Total":
            return [*row[:5], float(row[5]), float(row[6]), None]
        return [c or None for c in row]
    path.write_bytes(workbook([cells(row) for row in rows(lines, seed)]))
    return path


def _measure(kind: str, path: str) -> None:
    start = time.process_time()
    if kind == "bare":
        with open(path, encoding="utf-8", newline="") as handle:
            count = sum(1 for _ in csv.reader(handle))
    else:
        from fieldapp.importers import Import  # noqa: PLC0415
        reading = Import(path, "plain" if path.endswith(".csv") else None)
        count = sum(1 for _ in reading.records())
        result = reading.result()
        assert not result.problems, result.problems[:3]
    seconds = time.process_time() - start
    # VmHWM, not ru_maxrss: Linux carries the parent's peak across exec into ru_maxrss.
    status = Path("/proc/self/status").read_text()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024
    print(f"{kind:8} {seconds:7.2f} s CPU  {peak:6.0f} MB peak  ({count} records)")


def main(argv) -> None:
    if argv[0] == "_one":
        _measure(argv[1], argv[2])
        return
    lines = int(argv[1])
    fmt = argv[2] if len(argv) > 2 else "csv"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"sample.{fmt}"
        (write_xlsx if fmt == "xlsx" else write_csv)(path, lines)
        print(f"{lines} lines, {path.stat().st_size / 1e6:.0f} MB")
        kinds = ("reader",) if fmt == "xlsx" else ("bare", "reader")
        for kind in kinds:
            subprocess.run([sys.executable, "-m", "tests.unit.importer_sample", "_one", kind,
                            str(path)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
