"""Errors raised below the UI, put in words in the UI language: each code has its own sentence."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..domain.errors import FieldappError
from ..domain.money import Money
from . import formats
from .error_words_office import OFFICE_WORDS
from .error_words_sync import SYNC_WORDS

CONTEXT = "Errors"
# One sentence per code of domain.errors.MESSAGES, with a subset of its {arguments}; a test
# checks both ways. Internal ids (visit UUIDs, step ids) stay in the log, not in these words.
WORDS = {
    "db.newer": QT_TRANSLATE_NOOP(
        "Errors", "This database was written by a newer version of fieldapp (schema {version}; "
                  "this one knows up to {latest}). Install the newer version to open it."),
    "db.migration_failed": QT_TRANSLATE_NOOP(
        "Errors", "Upgrading the database to schema {step} failed: {reason}"),
    "db.migration_failed_backup": QT_TRANSLATE_NOOP(
        "Errors", "Upgrading the database to schema {step} failed: {reason}. The database as it "
                  "was before is saved as {backup}."),
    "db.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The database {database} is damaged and cannot be read. It was left as it is."),
    "db.is_a_folder": QT_TRANSLATE_NOOP(
        "Errors", "{database} is a folder where the database file should be. Move the folder "
                  "away or choose another profile folder."),
    "db.read_only": QT_TRANSLATE_NOOP(
        "Errors", "The profile folder {folder} cannot be written: it or its disk is read-only. "
                  "fieldapp keeps its database there."),
    "db.cannot_open": QT_TRANSLATE_NOOP(
        "Errors", "The database {database} cannot be opened: {reason}"),
    "disk.full": QT_TRANSLATE_NOOP(
        "Errors", "The disk holding {database} is full, so the last change was not written. "
                  "Free some space and try again."),
    "db.restore_failed": QT_TRANSLATE_NOOP(
        "Errors", "The backup {backup} could not be restored: {reason}. The damaged database "
                  "was left as it was."),
    "customer.not_found": QT_TRANSLATE_NOOP(
        "Errors", "This customer is no longer in the portfolio."),
    "visit.not_found": QT_TRANSLATE_NOOP("Errors", "This visit no longer exists."),
    "document.not_found": QT_TRANSLATE_NOOP("Errors", "This document no longer exists."),
    "attachment.not_found": QT_TRANSLATE_NOOP("Errors", "This attachment no longer exists."),
    "visit.final_not_saved": QT_TRANSLATE_NOOP(
        "Errors", "This visit is final: record a correction as an amendment."),
    "visit.final_not_deleted": QT_TRANSLATE_NOOP(
        "Errors", "This visit is final and cannot be discarded."),
    "visit.already_final": QT_TRANSLATE_NOOP("Errors", "This visit was already finalized."),
    "visit.save_not_draft": QT_TRANSLATE_NOOP(
        "Errors", "Only unfinished visits are saved; a final visit is corrected by an amendment."),
    "visit.draft_no_documents": QT_TRANSLATE_NOOP(
        "Errors", "The documents of a visit are made once it is finalized."),
    "visit.incomplete": QT_TRANSLATE_NOOP(
        "Errors", "The visit cannot be finalized yet: some steps still have problems."),
    "visit.format_newer": QT_TRANSLATE_NOOP(
        "Errors", "This visit was recorded by a newer version of fieldapp; install it to open "
                  "the visit."),
    "amendment.reason_required": QT_TRANSLATE_NOOP("Errors", "Say why the visit is amended."),
    "amendment.not_final": QT_TRANSLATE_NOOP(
        "Errors", "Only a final visit can be amended; finish the unfinished one instead."),
    "receipt.already_issued": QT_TRANSLATE_NOOP(
        "Errors", "Receipt {receipts} was already issued: only the office can void a receipt, an "
                  "amendment cannot remove it."),
    "document.no_plan": QT_TRANSLATE_NOOP(
        "Errors", "This visit has no installment plan {index}."),
    "document.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The document could not be read: the file is damaged."),
    "document.not_made": QT_TRANSLATE_NOOP(
        "Errors", "Document {number} could not be made. The visit is finalized and its money "
                  "recorded; the document waits as pending: press Retry under the visit. The "
                  "details are in the log."),
    "record.tampered": QT_TRANSLATE_NOOP(
        "Errors", "The stored record of this visit was changed outside fieldapp: it no longer "
                  "matches its fingerprint."),
    "checklist.missing": QT_TRANSLATE_NOOP(
        "Errors", "The checklist “{kind}” is missing from this installation; reinstall fieldapp."),
    "checklist.format_newer": QT_TRANSLATE_NOOP(
        "Errors", "A checklist was written for a newer version of fieldapp; install the newer "
                  "version."),
    "attachment.not_a_file": QT_TRANSLATE_NOOP("Errors", "{path} is not a file."),
    "attachment.size": QT_TRANSLATE_NOOP(
        "Errors", "{name} cannot be attached: attach files from 1 byte to 20 MB."),
    "profile.not_created": QT_TRANSLATE_NOOP(
        "Errors", "The profile folder {folder} cannot be created: {reason}"),
    "profile.empty_name": QT_TRANSLATE_NOOP(
        "Errors", "The profile folder was given as an empty name."),
    "profile.is_a_file": QT_TRANSLATE_NOOP(
        "Errors", "{folder} is a file, not a folder: choose a folder for the profile."),
    "profile.in_use": QT_TRANSLATE_NOOP(
        "Errors", "fieldapp is already running with the profile {folder}. Use that window: "
                  "two programs on one profile would overwrite each other's drafts."),
    "profile.read_only": QT_TRANSLATE_NOOP(
        "Errors", "The profile folder {folder} cannot be written: it or its disk is read-only."),
    "display.missing": QT_TRANSLATE_NOOP(
        "Errors", "There is no display to show the window on."),
    "profile.no_home": QT_TRANSLATE_NOOP(
        "Errors", "There is no profile folder to keep this device's signing keys in."),
    "device_key.damaged": QT_TRANSLATE_NOOP(
        "Errors", "This laptop's signing key in {path} is damaged, so nothing was signed. Move "
                  "the file away to have a new key made; documents signed before stay valid."),
    "device_key.mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The certificate in {path} does not belong to this laptop's signing key, so "
                  "nothing was signed."),
    "device_key.no_certificate": QT_TRANSLATE_NOOP(
        "Errors", "The signing key file {path} has no whole certificate, so nothing was signed."),
    "device_key.no_ca": QT_TRANSLATE_NOOP(
        "Errors", "The company certificate in {path} is damaged, so nothing was signed."),
    "setting.not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not one of the values this setting allows."),
    "time.zone_unknown": QT_TRANSLATE_NOOP(
        "Errors", "“{zone}” is not a time zone: use a name like Asia/Taipei or an offset "
                  "like +07:00."),
    "money.unsupported_currency": QT_TRANSLATE_NOOP(
        "Errors", "The currency {currency} is not supported."),
    "money.currency_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "Amounts in {first} and {second} cannot be added together."),
    "amount.not_a_number": QT_TRANSLATE_NOOP("Errors", "“{text}” is not an amount."),
    "amount.too_many_decimals": QT_TRANSLATE_NOOP(
        "Errors", "“{text}” has more decimals than {currency} allows."),
    "amount.too_large": QT_TRANSLATE_NOOP(
        "Errors", "“{text}” is too large: one amount can be at most {limit}."),
    "plan.no_installments": QT_TRANSLATE_NOOP(
        "Errors", "An installment plan needs at least one installment."),
    "demo.too_few_customers": QT_TRANSLATE_NOOP(
        "Errors", "The demo portfolio needs at least one customer."),
    "demo.database_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "Demo data can only be generated into an empty database."),
    "demo.profile_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "The database already holds {count} customers."),
    **OFFICE_WORDS,
    **SYNC_WORDS,
}
# What is said when a code has no sentence (a newer service, a missed one) or the error is not
# ours at all (a bug, a full disk): never the raw English, never an empty status bar.
UNKNOWN_CODE = QT_TRANSLATE_NOOP("Errors", "Something went wrong (error {code}).")
UNEXPECTED = QT_TRANSLATE_NOOP("Errors", "Something went wrong; the details are in the log.")
FILE_PROBLEM = QT_TRANSLATE_NOOP("Errors", "A file could not be read or written: {reason}")


class _Blanks(dict):
    """A translation that drops or misspells an argument keeps its braces rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _shown(value) -> str:
    if isinstance(value, Money):
        return formats.money(value)
    if isinstance(value, datetime):
        return formats.moment(value)
    if isinstance(value, date):
        return formats.day(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return formats.number(value)
    return str(value)


def words(code: str, params: dict) -> str:
    """The sentence for ``code`` in the UI language, with ``params`` in its notation."""
    source = WORDS.get(code)
    if source is None:
        source, params = UNKNOWN_CODE, {"code": code}
    values = _Blanks({k: _shown(v) for k, v in params.items()})
    try:
        return QCoreApplication.translate(CONTEXT, source).format_map(values)
    except (ValueError, IndexError, AttributeError):  # a translation with stray braces
        return source.format_map(values)


def describe(error: BaseException) -> str:
    """What a person reads about ``error``; the full English text goes to the log instead."""
    if isinstance(error, FieldappError):
        return words(error.code, error.params)
    if isinstance(error, OSError) and error.strerror:  # the system's own words for the cause
        return QCoreApplication.translate(CONTEXT, FILE_PROBLEM).format_map(
            _Blanks(reason=error.strerror))
    return QCoreApplication.translate(CONTEXT, UNEXPECTED)
