"""Day bundles dropped on the office window are imported; anything else is named in a message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def local_paths(mime) -> list[Path]:
    """The local files and folders a drag carries (none for text, web links, mail items)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def split(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(bundle files and folders, the rest)."""
    bundles, others = [], []
    for path in paths:
        is_bundle = path.is_dir() or (path.suffix.lower() == ".zip" and path.is_file())
        (bundles if is_bundle else others).append(path)
    return bundles, others


def accepts(mime) -> bool:
    return bool(local_paths(mime))


def dropped(window, mime) -> None:
    """Import the bundles among what was dropped; say which files were not bundles."""
    bundles, others = split(local_paths(mime))
    if others:
        names = "\n".join(p.name for p in others[:10]) + ("\n…" if len(others) > 10 else "")
        window.not_bundles = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("BundleDrop", "Not day bundles"),
            QCoreApplication.translate(
                "BundleDrop", "Only day bundles from the laptops (.zip files, or folders of "
                "them) can be dropped here. These were not imported:\n%1").replace("%1", names),
            QMessageBox.StandardButton.Ok, window)
        window.not_bundles.open()
    if bundles:
        window.devices.import_paths(bundles)
