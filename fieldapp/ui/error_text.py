"""Errors raised below the UI, put in words in the UI language: each code has its own sentence."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from ..domain.errors import FieldappError
from ..domain.money import Money
from . import formats

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
    # Receivables imports (the office).
    "ar.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file cannot be read as a receivables export. Nothing was imported."),
    "ar.file_problems": QT_TRANSLATE_NOOP(
        "Errors", "The file has {count} problems that concern all of it (totals that do not add "
                  "up, dates that read two ways, lost letters). Nothing was imported."),
    "ar.summary_only": QT_TRANSLATE_NOOP(
        "Errors", "This is a summary with one balance per customer and no invoices, so it is not "
                  "imported as invoices. It can be loaded as opening balances on a date."),
    "ar.bad_rows": QT_TRANSLATE_NOOP(
        "Errors", "{count} rows have problems. Nothing was imported. Fix them, or import the "
                  "other rows and skip these."),
    "ar.no_rows": QT_TRANSLATE_NOOP(
        "Errors", "The file holds no invoices. Nothing was imported."),
    "ar.unknown_source": QT_TRANSLATE_NOOP("Errors", "There is no source called {source}."),
    "ar.source_name": QT_TRANSLATE_NOOP(
        "Errors", "\"{name}\" cannot name a source: use 1 to {limit} characters."),
    # Routes (the office)
    "route.unknown_collector": QT_TRANSLATE_NOOP("Errors", "There is no collector “{collector}”."),
    "route.unknown_customer": QT_TRANSLATE_NOOP(
        "Errors", "There is no customer with the code “{customer_code}”."),
    "route.not_assigned": QT_TRANSLATE_NOOP(
        "Errors", "Customer {customer} is not assigned to this collector: assign it first or "
                  "leave it off the route."),
    "route.customer_twice": QT_TRANSLATE_NOOP(
        "Errors", "Customer {customer} is on the route twice (again at stop {stop})."),
    "route.too_many_stops": QT_TRANSLATE_NOOP(
        "Errors", "{count} stops are more than a day holds (at most {limit})."),
    "route.bad_time": QT_TRANSLATE_NOOP(
        "Errors", "“{text}” is not a time of day: type it as HH:MM, for example 08:30."),
    # Collectors and assignments (the office).
    "filter.aging_bucket": QT_TRANSLATE_NOOP(
        "Errors", "{bucket} is not an aging bucket; choose current, 1–30, 31–60, 61–90 or 90+."),
    "collector.name_required": QT_TRANSLATE_NOOP("Errors", "A collector needs a name."),
    "collector.name_too_long": QT_TRANSLATE_NOOP(
        "Errors", "A collector's name has at most {max} characters, not {length}."),
    "collector.phone_too_long": QT_TRANSLATE_NOOP(
        "Errors", "A collector's phone has at most {max} characters, not {length}."),
    "collector.language": QT_TRANSLATE_NOOP(
        "Errors", "{language} is not a language a collector can use; choose one of {languages}."),
    "collector.not_found": QT_TRANSLATE_NOOP("Errors", "There is no collector {collector}."),
    "collector.name_taken": QT_TRANSLATE_NOOP(
        "Errors", "There is already a collector named {name}; choose another name."),
    "collector.has_customers": QT_TRANSLATE_NOOP(
        "Errors", "{name} has {count} customers and cannot be deleted. Deactivate the collector "
                  "instead, or move the customers first."),
    "collector.has_history": QT_TRANSLATE_NOOP(
        "Errors", "{name} appears in the assignment history or on routes and cannot be deleted. "
                  "Deactivate the collector instead."),
    "collector.inactive": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not active. Activate the collector before assigning customers."),
    "customer.code_not_found": QT_TRANSLATE_NOOP("Errors", "No customer has the code {codes}."),
    "assign.customers_or_filter": QT_TRANSLATE_NOOP(
        "Errors", "Choose the customers or a filter, not both."),
    "assign.count_changed": QT_TRANSLATE_NOOP(
        "Errors", "The matching customers changed since they were counted ({expected} then, "
                  "{now} now). Nothing was assigned; check the list and try again."),
    "assign.batch_not_found": QT_TRANSLATE_NOOP(
        "Errors", "This assignment cannot be found any more."),
    "assign.already_undone": QT_TRANSLATE_NOOP(
        "Errors", "This assignment was already undone."),
    "assign.changed_since": QT_TRANSLATE_NOOP(
        "Errors", "This assignment cannot be undone: {count} of its customers changed collector "
                  "since ({customers}). Nothing was undone."),
    # the office's demo, PostgreSQL connections and search
    "demo.office_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "The office database already holds {count} customers."),
    "db.pg_trgm_missing": QT_TRANSLATE_NOOP(
        "Errors", "The office database {database} lacks the pg_trgm extension that customer "
                  "search needs, and this account may not install it. The database owner "
                  "has to run CREATE EXTENSION pg_trgm in it once."),
    "db.bad_url": QT_TRANSLATE_NOOP(
        "Errors", "{url} is not a database address this program can use. Write it as "
                  "postgresql+psycopg://user:password@host:5432/database."),
    "db.pg_unreachable": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} cannot be reached. Check the address and that "
                  "the server is running."),
    "db.pg_login_refused": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} refused the user {user}. Check the user name "
                  "and the password."),
    "db.pg_no_database": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} has no database named {database}."),
    "db.pg_refused": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} refused the connection: {reason}"),
    "office.demo_not_shared": QT_TRANSLATE_NOOP(
        "Errors", "The demo opens a throwaway office of its own and never uses the database "
                  "{url}."),
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
    # Saved sources adjusted from the command line (the office).
    "ar.unknown_field": QT_TRANSLATE_NOOP(
        "Errors", "“{field}” is not a field of a column mapping. The fields are: {fields}."),
    "ar.empty_header": QT_TRANSLATE_NOOP(
        "Errors", "The column of {field} has no name: give its header as the file has it."),
    "ar.mapping_no_customer": QT_TRANSLATE_NOOP(
        "Errors", "Choose the column of the customer code or name."),
    "ar.mapping_no_amount": QT_TRANSLATE_NOOP(
        "Errors", "Choose at least one column of amounts: amount, open amount, debit, credit "
                  "or balance."),
    "ar.mapping_column_twice": QT_TRANSLATE_NOOP(
        "Errors", "The column “{header}” is chosen for two fields: choose each column once."),
    "ar.date_order": QT_TRANSLATE_NOOP(
        "Errors", "“{dates}” is not a date order. Use one of: {orders}."),
    "ar.number_marks": QT_TRANSLATE_NOOP(
        "Errors", "The decimal mark “{decimal}” and the group mark “{group}” cannot be read "
                  "together."),
    "ar.header_line": QT_TRANSLATE_NOOP(
        "Errors", "The header line is counted from 1, not {line}."),
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
    # device health (office window)
    "bundle.not_waiting": QT_TRANSLATE_NOOP(
        "Errors", "This bundle is no longer waiting: it was imported or discarded meanwhile."),
    # office sync folder
    "syncfolder.missing": QT_TRANSLATE_NOOP(
        "Errors", "The sync folder {folder} cannot be found (a drive not connected, or the "
        "folder moved?). Nothing was imported."),
    # master data edited on laptops, and the office's conflict queue
    "master.phone_required": QT_TRANSLATE_NOOP("Errors", "Type the phone number."),
    "master.phone_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The phone number is too long: at most {max} characters."),
    "master.phone_invalid": QT_TRANSLATE_NOOP(
        "Errors", "This is not a phone number: use digits (at least 6), spaces and + - ( ) . / "
                  "only."),
    "master.name_required": QT_TRANSLATE_NOOP("Errors", "Type the contact's name."),
    "master.name_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The name is too long: at most {max} characters."),
    "master.address_required": QT_TRANSLATE_NOOP("Errors", "Type the address line."),
    "master.address_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The address is too long: at most {max} characters per line."),
    "master.unknown_field": QT_TRANSLATE_NOOP(
        "Errors", "This detail cannot be changed on a laptop."),
    "master.no_customer": QT_TRANSLATE_NOOP("Errors", "This customer is no longer on this "
                                                      "computer."),
    "master.no_contact": QT_TRANSLATE_NOOP("Errors", "This contact is no longer on this "
                                                     "computer."),
    "master.contact_exists": QT_TRANSLATE_NOOP(
        "Errors", "The customer already has a contact called {name}: change that one's phone."),
    "master.bad_take": QT_TRANSLATE_NOOP(
        "Errors", "Choose the office's value, the laptop's value or type one."),
    "master.value_required": QT_TRANSLATE_NOOP("Errors", "Type the value to keep."),
    "master.no_conflict": QT_TRANSLATE_NOOP("Errors", "This conflict no longer exists."),
    "master.conflict_closed": QT_TRANSLATE_NOOP(
        "Errors", "This conflict was already resolved, perhaps by another supervisor."),
    "master.customer_gone": QT_TRANSLATE_NOOP(
        "Errors", "The customer is no longer in the office's records: keep the office's value."),
    # delta assignment packs
    "sync.pack_wrong_base": QT_TRANSLATE_NOOP(
        "Errors", "This assignment pack holds changes to a version this laptop does not hold. "
                  "Nothing was changed; ask the office for a full pack."),
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
    # KPI dashboard
    "kpi.bad_period": QT_TRANSLATE_NOOP(
        "Errors", "The period ends on {last}, before it starts on {first}."),
    "kpi.period_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The period from {first} to {last} is longer than {days} days."),
    "kpi.unknown_collector": QT_TRANSLATE_NOOP(
        "Errors", "There is no collector named “{collector}”."),
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
    # review inbox (office)
    "review.bad_state": QT_TRANSLATE_NOOP(
        "Errors", "This is not a review state: choose approved, has issues or rejected."),
    "review.reason_required": QT_TRANSLATE_NOOP(
        "Errors", "Say why the record is rejected: a reason is required."),
    "review.empty_comment": QT_TRANSLATE_NOOP("Errors", "Write the comment first."),
    "review.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The text is too long ({length} characters; at most {max})."),
    "review.count_changed": QT_TRANSLATE_NOOP(
        "Errors", "{expected} records matched when you confirmed, {found} match now. Nothing "
                  "was changed; look at the list again."),
    "review.bad_correction": QT_TRANSLATE_NOOP(
        "Errors", "The comment to correct is not a comment on this record."),
    "review.unknown_record": QT_TRANSLATE_NOOP(
        "Errors", "No imported record has the id {id}."),
    "review.ambiguous_id": QT_TRANSLATE_NOOP(
        "Errors", "Several imported records start with {id}; type more of the id."),
    # the office's PostgreSQL over TLS
    "db.pg_needs_tls": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} accepts encrypted connections only. Ask the "
        "administrator for the connection address with the certificate settings."),
    "db.pg_certificate": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} could not be verified: its certificate is not "
        "the one the office expects. Nothing was sent to it."),
    "db.pg_owner_needed": QT_TRANSLATE_NOOP(
        "Errors", "The account {user} may not prepare the database {database} on {server} for "
        "this version. The administrator opens it once with the owner's account first. "
        "Nothing was changed."),
    # the office's encrypted SQLite file
    "office.wrong_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "This is not the passphrase of the office database {database}. Nothing was "
        "changed."),
    "office.no_key_file": QT_TRANSLATE_NOOP(
        "Errors", "The key file of the encrypted office database {database} is missing ({path}): "
        "the database cannot be opened."),
    "office.key_file_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The key file of the office database {database} cannot be read: the database "
        "cannot be opened."),
    "office.encrypt_failed": QT_TRANSLATE_NOOP(
        "Errors", "The office database {database} could not be encrypted ({reason}). It was left "
        "as it was."),
    "office.no_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The office database {database} is encrypted and no passphrase was given."),
    "office.plain_exists": QT_TRANSLATE_NOOP(
        "Errors", "The office database {path} already exists and is not encrypted. Encrypt it "
        "with the command \"fieldapp office encrypt\", which makes a backup first."),
    "office.not_encrypted": QT_TRANSLATE_NOOP(
        "Errors", "The office database {path} is not encrypted."),
    "office.already_encrypted": QT_TRANSLATE_NOOP(
        "Errors", "The office database {path} is already encrypted."),
    "office.passphrases_differ": QT_TRANSLATE_NOOP(
        "Errors", "The two new passphrases are not the same. The old one still opens the office "
        "database."),
    "office.in_use": QT_TRANSLATE_NOOP(
        "Errors", "The office database {path} is open in another fieldapp window or command. "
        "Close it first. Nothing was changed."),
    "office.encrypt_not_file": QT_TRANSLATE_NOOP(
        "Errors", "The office database at {url} is on a PostgreSQL server: only an office "
        "database file can be encrypted here. A server is protected by its accounts and "
        "encrypted connections."),
    # batch printing (office)
    "printing.no_agreements": QT_TRANSLATE_NOOP(
        "Errors", "No installment agreement was recorded on {day}. There is nothing to print."),
    "printing.no_route_agreements": QT_TRANSLATE_NOOP(
        "Errors", "No installment agreement was recorded on {day} for the customers on the "
                  "route of {collector}. There is nothing to print."),
    "printing.no_route": QT_TRANSLATE_NOOP(
        "Errors", "{collector} has no route on {day}, so there are no customers to print for."),
    "printing.nothing_owed": QT_TRANSLATE_NOOP(
        "Errors", "No customer of {collector} has an open invoice. There is no statement to "
                  "print."),
    "printing.no_customers": QT_TRANSLATE_NOOP(
        "Errors", "Choose the customers first: a collector, a route or customer codes."),
    # money taken on site (office) and the export to accounting
    "receipt.bad_state": QT_TRANSLATE_NOOP(
        "Errors", "{state} is not a receipt state; use {states}."),
    "receipt.reason_required": QT_TRANSLATE_NOOP(
        "Errors", "Say why the receipt is voided: a reason is required."),
    "receipt.reason_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The reason is too long ({length} characters; at most {max})."),
    "receipt.count_changed": QT_TRANSLATE_NOOP(
        "Errors", "{expected} receipts were pending when you confirmed, {found} are now. "
                  "Nothing was changed; look at the list again."),
    "receipt.none_named": QT_TRANSLATE_NOOP("Errors", "Choose at least one receipt."),
    "receipt.unknown": QT_TRANSLATE_NOOP("Errors", "There is no receipt {receipt}."),
    "receipt.not_pending": QT_TRANSLATE_NOOP(
        "Errors", "Receipt {receipt} was already confirmed, matched or voided; nothing was changed."),
    "export.bad_from": QT_TRANSLATE_NOOP(
        "Errors", "The period's first day {text} is not a date."),
    "export.bad_to": QT_TRANSLATE_NOOP(
        "Errors", "The period's last day {text} is not a date."),
    "export.bad_period": QT_TRANSLATE_NOOP(
        "Errors", "The period ends ({last}) before it starts ({first})."),
    "export.bad_kind": QT_TRANSLATE_NOOP(
        "Errors", "{kind} is not a kind of export; use {kinds}."),
    "export.no_kinds": QT_TRANSLATE_NOOP(
        "Errors", "Choose at least one kind of record to export."),
    "export.bad_format": QT_TRANSLATE_NOOP(
        "Errors", "{format} is not an export format; use {formats}."),
    "export.out_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder; name the file to write."),
    "export.cannot_write": QT_TRANSLATE_NOOP(
        "Errors", "{path} cannot be written: {reason}"),
    # work queues (office)
    "queue.unknown": QT_TRANSLATE_NOOP(
        "Errors", "There is no queue called {queue}. The queues are: {queues}."),
    "queue.resolver_required": QT_TRANSLATE_NOOP(
        "Errors", "Name the person who will resolve the dispute."),
    "queue.root_cause_required": QT_TRANSLATE_NOOP(
        "Errors", "Write the root cause you found before resolving the dispute."),
    "queue.unknown_dispute": QT_TRANSLATE_NOOP("Errors", "No open dispute has the id {id}."),
    "queue.ambiguous_id": QT_TRANSLATE_NOOP(
        "Errors", "Several disputes start with {id}; type more of the id."),
    "queue.already_resolved": QT_TRANSLATE_NOOP(
        "Errors", "This dispute was already resolved ({at}), perhaps by another supervisor."),
    "queue.not_legal": QT_TRANSLATE_NOOP(
        "Errors", "This is not a refusal heading for the legal route."),
    # encrypted laptop: a key file that is not the database's
    "unlock.key_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The key file {path} does not belong to this database: the PIN opens it, but "
        "its key opens neither the database nor any of its backups. Put back the database's "
        "own key file from where it was copied, or ask your supervisor to enroll this laptop "
        "again on a new profile."),
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
