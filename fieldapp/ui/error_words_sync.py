"""Error sentences of sync, packs and bundles, and of the encrypted laptop profile."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Part of error_text.WORDS (same context, same rules): one sentence per code.
SYNC_WORDS = {
    # sync: bundles and enrollment
    "device_key.expired": QT_TRANSLATE_NOOP(
        "Errors", "This laptop's company certificate expired on {until}, so nothing was signed. "
                  "Ask the office to enroll it again."),
    "sync.not_a_bundle": QT_TRANSLATE_NOOP(
        "Errors", "This file is not a fieldapp bundle."),
    "sync.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The bundle is too large to be read safely: {size} bytes where at most "
                  "{limit} are allowed."),
    "sync.ratio": QT_TRANSLATE_NOOP(
        "Errors", "The bundle member {member} would inflate far more than a real file does, so it "
                  "was not opened."),
    "sync.bad_name": QT_TRANSLATE_NOOP(
        "Errors", "The bundle holds a member with a name that is not allowed: {member}."),
    "sync.duplicate_member": QT_TRANSLATE_NOOP(
        "Errors", "The bundle holds the member {member} twice."),
    "sync.extra_member": QT_TRANSLATE_NOOP(
        "Errors", "The bundle holds a member its list does not name: {member}."),
    "sync.missing_member": QT_TRANSLATE_NOOP(
        "Errors", "The bundle lacks the member {member} that its list names."),
    "sync.bad_hash": QT_TRANSLATE_NOOP(
        "Errors", "The bundle member {member} was changed after the bundle was signed."),
    "sync.bad_signature": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's signature does not verify: it was changed or damaged."),
    "sync.unknown_signer": QT_TRANSLATE_NOOP(
        "Errors", "The bundle was signed by {signer}, whose certificate the company did not "
                  "issue."),
    "sync.signer_expired": QT_TRANSLATE_NOOP(
        "Errors", "The certificate of {signer} is not valid now."),
    "sync.revoked": QT_TRANSLATE_NOOP(
        "Errors", "The bundle was signed by {signer}, a laptop the office revoked."),
    "sync.newer_format": QT_TRANSLATE_NOOP(
        "Errors", "The bundle was made by a newer fieldapp (format {format}; this one reads up to "
                  "{known}). Install the newer version."),
    "sync.bad_manifest": QT_TRANSLATE_NOOP(
        "Errors", "The bundle's list of contents is not valid."),
    "sync.wrong_sender": QT_TRANSLATE_NOOP(
        "Errors", "The bundle says it comes from another laptop than the one that signed it."),
    "sync.wrong_kind": QT_TRANSLATE_NOOP(
        "Errors", "This is not the kind of bundle expected here."),
    "enroll.bad_request": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a certificate request from fieldapp."),
    "enroll.ca_exists": QT_TRANSLATE_NOOP(
        "Errors", "The office already has a company CA; it is never replaced."),
    "enroll.passphrase_short": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase must have at least {minimum} characters."),
    "enroll.passphrase_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The two passphrases differ; nothing was created."),
    "enroll.no_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The company CA's passphrase is needed."),
    "enroll.no_ca": QT_TRANSLATE_NOOP(
        "Errors", "The office has no company CA yet: create it first."),
    "enroll.keys_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The office key file {path} cannot be read."),
    "enroll.bad_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase does not open the company CA's key."),
    "enroll.bad_answer": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a valid enrollment answer."),
    "enroll.not_for_this_laptop": QT_TRANSLATE_NOOP(
        "Errors", "This enrollment answer is for another laptop; nothing was installed."),
    "enroll.other_company": QT_TRANSLATE_NOOP(
        "Errors", "This laptop is enrolled with another company ({company}); nothing was "
                  "installed."),
    "enroll.unknown_collector": QT_TRANSLATE_NOOP(
        "Errors", "There is no collector named {collector}."),
    "enroll.device_revoked": QT_TRANSLATE_NOOP(
        "Errors", "This laptop was revoked and cannot be enrolled again."),
    "enroll.device_other_key": QT_TRANSLATE_NOOP(
        "Errors", "This laptop is enrolled with another key; revoke it first."),
    "device.not_found": QT_TRANSLATE_NOOP(
        "Errors", "There is no enrolled laptop {device}."),
    "device.ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "{device} matches {count} laptops; give more of the id."),
    # Assignment packs (office -> laptop).
    "pack.no_device": QT_TRANSLATE_NOOP(
        "Errors", "{collector} has no enrolled laptop; enroll one before making a pack."),
    "sync.bad_pack": QT_TRANSLATE_NOOP(
        "Errors", "The assignment pack is damaged and was not applied."),
    "sync.pack_other_device": QT_TRANSLATE_NOOP(
        "Errors", "This assignment pack is for another laptop."),
    "sync.pack_not_newer": QT_TRANSLATE_NOOP(
        "Errors", "This assignment pack is not newer than the one already applied."),
    "sync.pack_expired": QT_TRANSLATE_NOOP(
        "Errors", "This assignment pack expired on {expired}; ask the office for a new one."),
    "sync.not_enrolled": QT_TRANSLATE_NOOP(
        "Errors", "This laptop is not enrolled with the office yet."),
    # sync: day bundles, acknowledgements, import at the office
    "sync.ack_other_device": QT_TRANSLATE_NOOP(
        "Errors", "This acknowledgement is for another laptop. Nothing was removed."),
    "sync.ack_ahead": QT_TRANSLATE_NOOP(
        "Errors", "This acknowledgement covers more than this laptop has sent. Nothing was "
                  "removed."),
    "sync.bad_records": QT_TRANSLATE_NOOP(
        "Errors", "The records in this bundle cannot be imported: {reason}"),
    "sync.fork": QT_TRANSLATE_NOOP(
        "Errors", "This laptop sent two different bundles with the same number."),
    "sync.unknown_device": QT_TRANSLATE_NOOP(
        "Errors", "This laptop is not enrolled with this office."),
    "sync.no_files": QT_TRANSLATE_NOOP(
        "Errors", "There is no bundle file in {path}."),
    # the laptop's sync folder
    "sync.no_folder": QT_TRANSLATE_NOOP(
        "Errors", "No sync folder is set. Choose one in Settings."),
    "sync.folder_missing": QT_TRANSLATE_NOOP(
        "Errors", "The sync folder {path} is not there. Connect the drive or plug in the USB "
                  "stick, then sync again. Nothing was changed."),
    "sync.folder_unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The sync folder {path} cannot be read or written: {reason}. What was done is "
                  "kept; the next sync does the rest."),
    "sync.file_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file {file} in the sync folder cannot be read: {reason}. It was left "
                  "there."),
    # encrypted laptop profile (unlock, PIN)
    "unlock.wrong_secret": QT_TRANSLATE_NOOP(
        "Errors", "This passphrase or PIN is not the right one."),
    "unlock.wait": QT_TRANSLATE_NOOP(
        "Errors", "Too many wrong tries. Wait {seconds} seconds before trying again."),
    "unlock.key_file_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The key file of this profile cannot be read ({path}): the profile cannot be "
        "opened."),
    "unlock.no_key_file": QT_TRANSLATE_NOOP(
        "Errors", "The key file of this profile is missing ({path}). The database is not "
        "damaged, but it is encrypted and cannot be opened without its key file, not even with "
        "the right PIN. Put back the copy of the key file from where it was copied, next to "
        "the database, or ask your supervisor to enroll this laptop again on a new profile."),
    "unlock.secret_too_short": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase or PIN must have at least {least} characters."),
    "unlock.conversion_failed": QT_TRANSLATE_NOOP(
        "Errors", "The profile could not be encrypted ({reason}). It was left as it was."),
    "unlock.no_secret": QT_TRANSLATE_NOOP(
        "Errors", "This profile is encrypted and no passphrase was given."),
    "unlock.not_the_same": QT_TRANSLATE_NOOP(
        "Errors", "The two passphrases are not the same."),
    # encrypted laptop: a key file that is not the database's
    "unlock.key_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The key file {path} does not belong to this database: the PIN opens it, but "
        "its key opens neither the database nor any of its backups. Put back the database's "
        "own key file from where it was copied, or ask your supervisor to enroll this laptop "
        "again on a new profile."),
}
