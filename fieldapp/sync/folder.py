"""The sync folder both sides share (a shared drive, a cloud folder, a USB stick) and its layout.

    <root>/to-office/               day bundles the laptops put: day-<device>-<seq>.zip
    <root>/to-laptops/<device>/     what the office puts for one laptop: its acknowledgements
                                    (ack-<device>-<seq>.zip) and assignment packs (pack-*.zip)

One folder per laptop keeps a laptop from reading (or deleting) another's files; the office
is the only reader of ``to-office``. Every file is written whole under a temporary name and
renamed (``files.write_atomically``), so a reader never sees half a file."""

from __future__ import annotations

from pathlib import Path

TO_OFFICE = "to-office"
TO_LAPTOPS = "to-laptops"


def to_office(root: Path) -> Path:
    return Path(root) / TO_OFFICE


def to_laptop(root: Path, device: str) -> Path:
    return Path(root) / TO_LAPTOPS / device


def is_ack(path: Path) -> bool:
    return path.name.startswith("ack-") and path.suffix.lower() == ".zip"


def is_pack(path: Path) -> bool:
    return path.name.startswith("pack-") and path.suffix.lower() == ".zip"


def waiting_files(folder: Path, wanted) -> list[Path]:
    """The finished files in ``folder`` that ``wanted`` accepts, in name order (none when the
    folder is not there yet: nothing has been put)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and wanted(p)
                  and not p.name.startswith("."))
