"""Why a bundle or an enrollment was refused: a coded error, kept with a quarantined bundle."""

from __future__ import annotations

from ..domain.errors import FieldappError


class BundleRefused(FieldappError):
    """A bundle that is not read: ``code`` (sync.*) is the reason a quarantine keeps."""


class EnrollmentError(FieldappError):
    """A certificate request, an enrollment answer or the office's keys cannot be used."""


class SyncFolderError(FieldappError):
    """The sync folder is not set, not there or cannot be read or written (a USB stick pulled)."""
