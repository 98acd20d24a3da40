"""Reading a zip safely, in memory: names, counts, declared sizes and ratios are checked before
anything is inflated, and each member is read with a cap (no extraction, no zip-slip, no bombs)."""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO

from .errors import BundleRefused

MiB = 1024 * 1024
# Flat or slash-separated plain names: no absolute paths, drive letters, backslashes or '..'.
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){0,3}")


@dataclass(frozen=True)
class Limits:
    """What one bundle may hold. ``ratio`` caps inflation (POI's 100:1) for members larger than
    ``ratio_from``: small JSON files can compress further than that and are harmless."""

    file_bytes: int = 512 * MiB
    total_bytes: int = 1024 * MiB
    member_bytes: int = 64 * MiB
    manifest_bytes: int = 4 * MiB
    signature_bytes: int = 64 * 1024
    members: int = 10_000
    ratio: int = 100
    ratio_from: int = 1 * MiB


LIMITS = Limits()


def open_zip(data: bytes, limits: Limits, own: dict[str, int]
             ) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    """The zip's directory, checked: every name safe and once, sizes within ``limits`` (the
    members named in ``own`` within their own limit)."""
    if len(data) > limits.file_bytes:
        raise BundleRefused("sync.too_large", what="the file", size=len(data),
                            limit=limits.file_bytes)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise BundleRefused("sync.not_a_bundle", reason=f"not a zip file ({exc})") from None
    if len(infos) > limits.members:
        raise BundleRefused("sync.too_large", what="the member count", size=len(infos),
                            limit=limits.members)
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        _check_entry(info)
        if info.filename in entries:
            raise BundleRefused("sync.duplicate_member", member=info.filename)
        entries[info.filename] = info
    _check_sizes(infos, limits, own)
    return archive, entries


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if not _NAME.fullmatch(name) or any(part in (".", "..") for part in name.split("/")):
        raise BundleRefused("sync.bad_name", member=name)
    kind = stat.S_IFMT(info.external_attr >> 16)
    if info.is_dir() or (kind and kind != stat.S_IFREG):  # folders, symlinks, devices
        raise BundleRefused("sync.bad_name", member=name)
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                          zipfile.ZIP_DEFLATED):
        raise BundleRefused("sync.not_a_bundle",
                            reason=f"member {name} is encrypted or compressed in an unusual way")


def _check_sizes(infos, limits: Limits, own: dict[str, int]) -> None:
    total = sum(i.file_size for i in infos)
    if total > limits.total_bytes:
        raise BundleRefused("sync.too_large", what="the members together", size=total,
                            limit=limits.total_bytes)
    for info in infos:
        limit = own.get(info.filename, limits.member_bytes)
        if info.file_size > limit:
            raise BundleRefused("sync.too_large", what=info.filename, size=info.file_size,
                                limit=limit)
        check_ratio(info.filename, info.file_size, info.compress_size, limits)


def check_ratio(name: str, size: int, packed: int, limits: Limits) -> None:
    if size > limits.ratio_from and size > limits.ratio * max(packed, 1):
        raise BundleRefused("sync.ratio", member=name, ratio=size // max(packed, 1),
                            limit=limits.ratio)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, at most ``limit`` of them: one more byte than that is refused, so a
    lying directory cannot make us inflate more than we allowed."""
    if info.file_size > limit:
        raise BundleRefused("sync.too_large", what=info.filename, size=info.file_size,
                            limit=limit)
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise BundleRefused("sync.not_a_bundle",
                            reason=f"member {info.filename} cannot be read ({exc})") from None
    if len(data) > limit:
        raise BundleRefused("sync.too_large", what=info.filename, size=len(data), limit=limit)
    return data
