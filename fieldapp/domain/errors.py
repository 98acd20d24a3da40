"""Errors raised below the UI: a stable code and plain arguments, which the UI puts in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

# The registry of codes. The English text is for logs and the command line (``str(error)``);
# the window words each code itself in the UI language (ui/error_text.py; a test checks that
# every code raised anywhere is here and has a wording there, with the same arguments).
MESSAGES = {
    "db.newer": "{database} was written by a newer fieldapp (schema {version}; this program "
                "knows up to {latest}). Install the newer version to open it.",
    "db.migration_failed": "upgrading the database to schema {step} failed: {reason}",
    "db.migration_failed_backup": "upgrading the database to schema {step} failed: {reason}; "
                                  "the backup is {backup}",
    "db.damaged": "the database {database} is damaged ({reason}); it was left as it is. Restore "
                  "a backup (the window offers the newest one in backups/) or move the file away",
    "db.is_a_folder": "{database} is a folder where the database file should be; move it away "
                      "or choose another profile with --home",
    "db.read_only": "the profile folder {folder} cannot be written ({reason}): it or its disk is "
                    "read-only; fieldapp keeps its database there",
    "db.cannot_open": "the database {database} cannot be opened: {reason}",
    "disk.full": "the disk holding {database} is full, so the last change was not written. Free "
                 "some space and try again",
    "db.restore_failed": "the backup {backup} could not be restored: {reason}; the damaged "
                         "database was left as it was",
    "customer.not_found": "customer {customer} does not exist",
    "visit.not_found": "visit {visit} does not exist",
    "document.not_found": "document {document} does not exist",
    "attachment.not_found": "attachment {attachment} does not exist",
    "visit.final_not_saved": "visit {visit} is final; record a correction as an amendment",
    "visit.final_not_deleted": "visit {visit} is final and cannot be deleted",
    "visit.already_final": "visit {visit} is not a draft any more",
    "visit.save_not_draft": "only drafts are saved; a final visit is corrected by an amendment",
    "visit.draft_no_documents": "visit {visit} is a draft; documents are made once it is "
                                "finalized",
    "visit.incomplete": "the visit cannot be finalized yet: fix the steps {steps}",
    "visit.format_newer": "visit format {format} is newer than this program ({known})",
    "amendment.reason_required": "an amendment needs a reason",
    "amendment.not_final": "only a final visit can be amended; edit the draft instead",
    "receipt.already_issued": "receipt {receipts} was already issued; the office voids receipts, "
                              "an amendment cannot remove them",
    "document.no_plan": "visit {visit} has {count} installment plan(s); there is no plan {index}",
    "document.unreadable": "the document could not be read ({reason})",
    "document.not_made": "{kind} {number} could not be drawn (see the log); it stays pending",
    "record.tampered": "the stored record {visit} does not match its SHA-256; it was changed "
                       "outside fieldapp",
    "checklist.missing": "no checklist named {kind!r} in {folder}",
    "checklist.format_newer": "checklist format {format} is newer than this program",
    "attachment.not_a_file": "{path} is not a file",
    "attachment.size": "{name} is {size} bytes; attach files of 1 byte to 20 MB",
    "profile.not_created": "the profile folder {folder} cannot be created: {reason}",
    "profile.empty_name": "--home was given an empty folder name; name the profile folder (or "
                          "leave --home out to use the per-user profile)",
    "profile.is_a_file": "the profile folder {folder} is a file, not a folder; name a folder (it "
                         "is created when missing)",
    "profile.in_use": "fieldapp is already running with the profile {folder}; use that window "
                      "(two programs on one profile would overwrite each other's drafts)",
    "profile.read_only": "the profile folder {folder} cannot be written ({reason}): it or its "
                         "disk is read-only",
    "display.missing": "there is no display to show the window on (neither DISPLAY nor "
                       "WAYLAND_DISPLAY is set): start fieldapp in a desktop session, or set "
                       "QT_QPA_PLATFORM=offscreen for a window nobody sees",
    "profile.no_home": "a profile folder is needed for the device keys",
    "device_key.damaged": "the device key file {path} cannot be read ({reason}); nothing was "
                          "signed and no new key was made over it (move the file away to have a "
                          "new key made)",
    "device_key.mismatch": "the certificate in {path} is not the device key's: it was issued for "
                           "another key, so nothing is signed with it",
    "device_key.no_certificate": "the device key file {path} holds no whole certificate",
    "device_key.no_ca": "{path} holds no whole CA certificate",
    "setting.not_allowed": "{value!r} is not allowed for the setting {setting}",
    "time.zone_unknown": "unknown time zone {zone!r}; use a name like Asia/Ho_Chi_Minh or an "
                         "offset like +07:00",
    "money.unsupported_currency": "unsupported currency {currency!r}",
    "money.currency_mismatch": "{first} vs {second}: amounts in different currencies cannot be "
                               "combined",
    "amount.not_a_number": "{text!r} is not an amount",
    "amount.too_many_decimals": "{text!r} has more decimals than {currency} allows",
    "amount.too_large": "{text!r} is more than {limit}, the most one amount can be",
    "plan.no_installments": "an installment plan needs at least one installment",
    "demo.too_few_customers": "the demo portfolio needs at least one customer, not {customers}",
    "demo.database_not_empty": "demo data can only be generated into an empty database, but this "
                               "one already has customers",
    "demo.profile_not_empty": "{database} already holds {count} customers; add --replace to move "
                              "it to backups/ and start over",
    # Receivables imports (the office): why a whole file was not imported, saved sources.
    "ar.unreadable": "the file cannot be read as a receivables export; nothing was imported",
    "ar.file_problems": "the file has {count} problem(s) that concern all of it (totals that do "
                        "not add up, dates readable two ways, lost letters); nothing was imported",
    "ar.summary_only": "this is a summary with one balance per customer and no invoices; it is "
                       "not imported as invoices. Load it as opening balances on a date instead",
    "ar.bad_rows": "{count} row(s) have problems; nothing was imported. Fix them, or import the "
                   "other rows and skip these",
    "ar.no_rows": "the file holds no invoices; nothing was imported (an empty export would close "
                  "every open invoice of its source)",
    "ar.unknown_source": "there is no source called {source!r}",
    "ar.source_name": "{name!r} cannot name a source: use 1 to {limit} characters",
    # Routes (the office)
    "route.unknown_collector": "there is no collector {collector!r}",
    "route.unknown_customer": "there is no customer with the code {customer_code!r}",
    "route.not_assigned": "customer {customer} is not assigned to this collector; assign it "
                          "first or leave it off the route",
    "route.customer_twice": "customer {customer} is on the route twice (again at stop {stop})",
    "route.too_many_stops": "{count} stops are more than a day holds (at most {limit})",
    "route.bad_time": "{text!r} is not a time of day (HH:MM)",
    # Collectors and assignments (the office).
    "filter.aging_bucket": "{bucket!r} is not an aging bucket; use current, 1-30, 31-60, 61-90 "
                           "or 90+",
    "collector.name_required": "a collector needs a name",
    "collector.name_too_long": "a collector's name has at most {max} characters, not {length}",
    "collector.phone_too_long": "a collector's phone has at most {max} characters, not {length}",
    "collector.language": "{language!r} is not a collector language; use one of {languages}",
    "collector.not_found": "there is no collector {collector!r}",
    "collector.name_taken": "there is already a collector named {name!r}; choose another name",
    "collector.has_customers": "{name} has {count} customers and cannot be deleted; deactivate "
                               "the collector instead (or move the customers first)",
    "collector.has_history": "{name} appears in the assignment history or on routes and cannot "
                             "be deleted; deactivate the collector instead",
    "collector.inactive": "{name} is not active; activate the collector before assigning "
                          "customers",
    "customer.code_not_found": "no customer has the code {codes}",
    "assign.customers_or_filter": "name the customers or give a filter, not both",
    "assign.count_changed": "the customers matching changed since they were counted ({expected} "
                            "then, {now} now); nothing was assigned, count again",
    "assign.batch_not_found": "there is no assignment batch {batch}",
    "assign.already_undone": "assignment batch {batch} was already undone (by batch {by})",
    "assign.changed_since": "assignment batch {batch} cannot be undone: {count} of its customers "
                            "changed collector since ({customers}); nothing was undone",
    # the office's demo, PostgreSQL connections and search
    "demo.office_not_empty": "the office database {database} already holds {count} customers; "
                             "add --replace to empty it and start over",
    "db.pg_trgm_missing": "the PostgreSQL database {database} lacks the pg_trgm extension that "
                          "customer search needs, and this account may not install it "
                          "({reason}); the database owner runs CREATE EXTENSION pg_trgm once",
    "db.bad_url": "{url} is not a database URL this program can use ({reason}); write it as "
                  "postgresql+psycopg://user:password@host:5432/database",
    "db.pg_unreachable": "the PostgreSQL server {server} cannot be reached ({reason}); check the "
                         "host and port, and that the server is running",
    "db.pg_login_refused": "the PostgreSQL server {server} refused user {user} ({reason}); check "
                           "the user name and password",
    "db.pg_no_database": "the PostgreSQL server {server} has no database {database}; create it "
                         "or correct its name",
    "db.pg_refused": "the PostgreSQL server {server} refused the connection: {reason}",
    "office.demo_not_shared": "--demo opens a throwaway office of its own and never uses the "
                              "database {url}; leave --db out",
    # sync: bundles and enrollment
    "device_key.expired": "the company certificate in {path} expired on {until}; enroll this "
                          "laptop again (fieldapp enroll request) before signing",
    "sync.not_a_bundle": "this file is not a fieldapp bundle: {reason}",
    "sync.too_large": "{what} is {size} bytes, more than the {limit} a bundle may hold",
    "sync.ratio": "member {member} inflates {ratio}:1, more than the {limit}:1 allowed (a zip "
                  "bomb?)",
    "sync.bad_name": "member name {member!r} is not allowed (a path, '..', a link or unusual "
                     "characters)",
    "sync.duplicate_member": "member {member} appears twice in the bundle",
    "sync.extra_member": "member {member} is not named by the manifest",
    "sync.missing_member": "member {member} named by the manifest is missing",
    "sync.bad_hash": "member {member} does not match the size or SHA-256 the manifest gives",
    "sync.bad_signature": "the bundle's signature does not verify: {reason}",
    "sync.unknown_signer": "the bundle was signed by {signer}, who is not certified by the "
                           "company CA",
    "sync.signer_expired": "the certificate of {signer} is not valid now (valid until {until})",
    "sync.revoked": "the bundle was signed by {signer}, a revoked device",
    "sync.newer_format": "the bundle has format {format}; this program reads formats up to "
                         "{known}: install the newer fieldapp",
    "sync.bad_manifest": "the bundle's manifest is not valid: {reason}",
    "sync.wrong_sender": "the bundle says it comes from {sender}, but {signer} signed it",
    "sync.wrong_kind": "expected a bundle of kind {expected}, this one is {kind}",
    "enroll.bad_request": "{file} is not a certificate request from fieldapp: {reason}",
    "enroll.ca_exists": "the office already has a company CA in {folder}; it is never replaced "
                        "(every enrolled laptop trusts it)",
    "enroll.passphrase_short": "the passphrase must have at least {minimum} characters",
    "enroll.passphrase_mismatch": "the two passphrases typed differ; nothing was created",
    "enroll.no_passphrase": "the company CA's passphrase is needed: set {env} or run in a "
                            "terminal",
    "enroll.no_ca": "the office has no company CA in {folder}: run `fieldapp office init` first",
    "enroll.keys_damaged": "the office key file {path} cannot be read: {reason}",
    "enroll.bad_passphrase": "the passphrase does not open the key in {path} (wrong passphrase, "
                             "or a damaged file)",
    "enroll.bad_answer": "{file} is not a valid enrollment answer: {reason}",
    "enroll.not_for_this_laptop": "{file} answers the request of another laptop (device "
                                  "{device}); nothing was installed",
    "enroll.other_company": "this laptop is enrolled with another company's CA ({company}); "
                            "nothing was installed",
    "enroll.unknown_collector": "there is no collector named {collector}",
    "enroll.device_revoked": "device {device} was revoked; a revoked laptop is not enrolled again",
    "enroll.device_other_key": "device {device} is enrolled with another key; revoke it before "
                               "enrolling a new key under its id",
    "device.not_found": "no enrolled device {device}",
    "device.ambiguous": "{device} is the start of {count} device ids; give more of it",
    # Saved sources adjusted from the command line (the office).
    "ar.unknown_field": "{field!r} is not a field of a receivables mapping; the fields are "
                        "{fields}",
    "ar.empty_header": "the header of {field} is empty; give the column's label as the file "
                       "has it",
    "ar.mapping_no_customer": "the mapping names no column of the customer code or name (nor "
                              "of the document, as a ledger has)",
    "ar.mapping_no_amount": "the mapping names no column of amounts: amount, open_amount, "
                            "debit, credit or balance",
    "ar.mapping_column_twice": "the header {header!r} is given for two fields; give each "
                               "column once",
    "ar.date_order": "{dates!r} is not a date order; use {orders}",
    "ar.number_marks": "decimal mark {decimal!r} with group mark {group!r} cannot be read: the "
                       "decimal mark is . or , and the group mark another one (or none)",
    "ar.header_line": "the header line is counted from 1 (0: find it), not {line}",
    # Assignment packs (office -> laptop).
    "pack.no_device": "{collector} has no enrolled laptop that is not revoked: enroll one "
                      "before writing a pack",
    "sync.bad_pack": "the pack's content is not valid: {reason}",
    "sync.pack_other_device": "this pack is for device {device}, not for this laptop ({this})",
    "sync.pack_not_newer": "this pack has version {version}, and version {applied} is already "
                           "applied: an older or equal pack is never applied",
    "sync.pack_expired": "pack version {version} expired on {expired}; ask the office for a "
                         "new one",
    "sync.not_enrolled": "this laptop is not enrolled: run `fieldapp enroll request` and "
                         "install the office's answer first",
    # sync: day bundles, acknowledgements, import at the office
    "sync.ack_other_device": "this acknowledgement is for another laptop (device {device}); "
                             "nothing was pruned",
    "sync.ack_ahead": "this acknowledgement covers bundle {seq}, but this laptop sent only up "
                      "to {sent}; nothing was pruned",
    "sync.bad_records": "the bundle's records cannot be imported: {reason}",
    "sync.fork": "device {device} sent another bundle {seq} with different contents (a fork)",
    "sync.unknown_device": "device {device} is not enrolled with this office",
    "sync.no_files": "{path} holds no bundle files",
    # device health (office window)
    "bundle.not_waiting": "bundle {id} is no longer held or quarantined",
    # office sync folder
    "syncfolder.missing": "the sync folder {folder} is not there (a drive not connected, a "
                          "folder moved?); nothing was imported",
    # master data edited on laptops, and the office's conflict queue
    "master.phone_required": "a phone number is required",
    "master.phone_too_long": "a phone number has at most {max} characters, not {length}",
    "master.phone_invalid": "{phone!r} is not a phone number: digits (at least 6) with + - ( ) . / "
                            "and spaces only",
    "master.name_required": "a contact's name is required",
    "master.name_too_long": "a contact's name has at most {max} characters, not {length}",
    "master.address_required": "the address line is required",
    "master.address_too_long": "an address part has at most {max} characters, not {length}",
    "master.unknown_field": "{entity} field {field!r} cannot be edited on a laptop",
    "master.no_customer": "customer {customer} does not exist",
    "master.no_contact": "contact {contact} does not exist",
    "master.contact_exists": "the customer already has a contact called {name}",
    "master.bad_take": "resolve with {takes}, not {take!r}",
    "master.value_required": "--take value needs --value",
    "master.no_conflict": "no single conflict has the id {id}",
    "master.conflict_closed": "conflict {id} is already resolved",
    "master.customer_gone": "customer {customer} is no longer at the office: keep the office's "
                            "value",
    # delta assignment packs
    "sync.pack_wrong_base": "pack version {version} holds the changes since version {base}, "
                            "but this laptop holds version {applied}; nothing was changed: ask "
                            "the office for a full pack (`fieldapp office pack --full`)",
    # the laptop's sync folder
    "sync.no_folder": "no sync folder is set: choose one in Settings (or give --folder)",
    "sync.folder_missing": "the sync folder {path} is not there (a drive not connected, a USB "
                           "stick not plugged in?); nothing was changed",
    "sync.folder_unreachable": "the sync folder {path} cannot be read or written ({reason}); "
                               "what was done is kept and the next sync does the rest",
    "sync.file_unreadable": "{file} in the sync folder cannot be read ({reason}); it was left "
                            "there",
    # KPI dashboard
    "kpi.bad_period": "the period ends on {last}, before it starts on {first}",
    "kpi.period_too_long": "the period from {first} to {last} is longer than {days} days",
    "kpi.unknown_collector": "there is no collector named {collector!r}",
    # encrypted laptop profile (unlock, PIN)
    "unlock.wrong_secret": "wrong passphrase or PIN for this profile",
    "unlock.wait": "too many wrong tries: wait {seconds} s before the next one",
    "unlock.key_file_damaged": "the profile's key file {path} cannot be read: {reason}",
    "unlock.no_key_file": "the key file {path} is missing: the encrypted database {database} "
                          "is not damaged, but it cannot be opened without its key file, not "
                          "even with the right PIN. Put back the copy of the key file (from "
                          "where it was copied) next to the database, or enroll the laptop "
                          "again on a new profile",
    "unlock.secret_too_short": "the passphrase or PIN must have at least {least} characters",
    "unlock.conversion_failed": "the database {database} could not be encrypted ({reason}); it "
                                "is left as it was",
    "unlock.no_secret": "this profile is encrypted: set {variable} or run from a terminal to "
                        "be asked for the passphrase",
    "unlock.not_the_same": "the two passphrases differ",
    # review inbox (office)
    "review.bad_state": "{state!r} is not a review state a supervisor sets; use {states}",
    "review.reason_required": "a reason is required to reject a record",
    "review.empty_comment": "a comment needs some text",
    "review.too_long": "the text has {length} characters; at most {max} are kept",
    "review.count_changed": "{expected} records matched when this was confirmed, {found} match "
                            "now; nothing was changed: look at the list again",
    "review.bad_correction": "{id} is not a comment on this record",
    "review.unknown_record": "no imported record has the id {id}",
    "review.ambiguous_id": "several imported records start with {id}; type more of the id",
    # the office's PostgreSQL over TLS
    "db.pg_needs_tls": "the PostgreSQL server {server} takes encrypted connections only: add "
                       "?sslmode=verify-full&sslrootcert=FILE (the office CA's certificate) to "
                       "the URL",
    "db.pg_certificate": "the PostgreSQL server {server} could not be verified ({reason}): "
                         "sslrootcert must name the office CA's certificate and the URL the "
                         "name in the server's certificate",
    "db.pg_owner_needed": "user {user} may not create or upgrade the tables of the database "
                          "{database} on {server}: its owner opens it once with this version "
                          "first (docs/office-postgresql.md); nothing was changed",
    # the office's encrypted SQLite file
    "office.wrong_passphrase": "wrong passphrase for the encrypted office database {database}; "
                               "nothing was changed",
    "office.no_key_file": "the encrypted office database {database} has no key file ({path} is "
                          "missing)",
    "office.key_file_damaged": "the key file of the office database {database} cannot be read: "
                               "{reason}",
    "office.encrypt_failed": "the office database {database} could not be encrypted ({reason}); "
                             "it was left as it was",
    "office.no_passphrase": "the office database {database} is encrypted: set {variable} or run "
                            "from a terminal to type its passphrase",
    "office.plain_exists": "{path} is an unencrypted office database: `fieldapp office encrypt` "
                           "encrypts it (a backup is made first)",
    "office.not_encrypted": "the office database {path} is not encrypted",
    "office.already_encrypted": "the office database {path} is already encrypted",
    "office.passphrases_differ": "the two new passphrases differ; the old one still opens the "
                                 "office database",
    "office.in_use": "the office database {path} is open in another fieldapp (a window or a "
                     "command): close it, then encrypt it; nothing was changed",
    "office.encrypt_not_file": "{url} is a PostgreSQL office: only an office database file is "
                               "encrypted by fieldapp (a server is protected by its roles and "
                               "TLS)",
    # batch printing (office)
    "printing.no_agreements": "no installment agreement was recorded on {day}: nothing to print",
    "printing.no_route_agreements": "no installment agreement was recorded on {day} for the "
                                    "customers on {collector}'s route: nothing to print",
    "printing.no_route": "{collector} has no route on {day}: no customers to print for",
    "printing.nothing_owed": "no customer of {collector} has an open invoice: no statement to "
                             "print",
    "printing.no_customers": "choose the customers: a collector, a route or customer codes",
    # money taken on site (office) and the export to accounting
    "receipt.bad_state": "{state!r} is not a receipt state; use {states}",
    "receipt.reason_required": "a reason is required to void a receipt",
    "receipt.reason_too_long": "the reason has {length} characters; at most {max} are kept",
    "receipt.count_changed": "{expected} receipts were pending when this was confirmed, {found} "
                             "are now; nothing was changed: look at the list again",
    "receipt.none_named": "no receipt was named",
    "receipt.unknown": "there is no receipt {receipt}",
    "receipt.not_pending": "receipt {receipt} is {state}, not pending; nothing was changed",
    "export.bad_from": "the first day {text!r} is not a date (write it as YYYY-MM-DD)",
    "export.bad_to": "the last day {text!r} is not a date (write it as YYYY-MM-DD)",
    "export.bad_period": "the period ends ({last}) before it starts ({first})",
    "export.bad_kind": "{kind} is not a kind of export; use {kinds}",
    "export.no_kinds": "choose at least one kind of record to export",
    "export.bad_format": "{format!r} is not an export format; use {formats}",
    "export.out_is_folder": "{path} is a folder; name the file to write",
    "export.cannot_write": "{path} cannot be written: {reason}",
    # work queues (office)
    "queue.unknown": "{queue!r} is not a queue; the queues are {queues}",
    "queue.resolver_required": "name the person who resolves the dispute",
    "queue.root_cause_required": "write the root cause found before resolving the dispute",
    "queue.unknown_dispute": "no open dispute has the id {id}",
    "queue.ambiguous_id": "several disputes start with {id}; type more of the id",
    "queue.already_resolved": "the dispute {id} was already resolved on {at}",
    "queue.not_legal": "{id} is not a refusal heading for the legal route",
    # encrypted laptop: a key file that is not the database's
    "unlock.key_mismatch": "the key file {path} does not belong to the database {database}: "
                           "the PIN opens it, but its key opens neither the database nor any "
                           "backup. Put back this database's own key file (from where it was "
                           "copied), or enroll the laptop again on a new profile",
}


class FieldappError(Exception):
    """A problem a person is told about: ``code`` keys MESSAGES, ``params`` are plain values
    (ints, strings, dates, Money) that the UI formats in its own language."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params

    def __str__(self) -> str:
        return english(self.code, self.params)


class InvalidValue(FieldappError, ValueError):
    """A value that breaks a rule; still a ValueError, so parsers' callers keep catching it."""


class NewerDatabaseError(FieldappError):
    """The database was written by a newer fieldapp than this one."""


class MigrationError(FieldappError):
    """A schema migration failed; the backup taken before it is named in the message."""


class NotFound(FieldappError):
    """A record asked for by id does not exist."""


def english(code: str, params: dict) -> str:
    """The English text of ``code``: for logs, the command line and developers."""
    template = MESSAGES.get(code)
    plain = {k: _plain(v) for k, v in params.items()}
    if template is None:
        return f"{code} {plain}" if plain else code
    try:
        return template.format(**plain)
    except (KeyError, IndexError, ValueError):  # wrong arguments still give a readable text
        return f"{template} {plain}"


def _plain(value):
    """Money as 'VND 12500000' and dates as ISO; the UI formats them in its language instead."""
    if hasattr(value, "minor") and hasattr(value, "currency"):  # Money, without importing it here
        from .money import minor_units  # noqa: PLC0415 (money imports this module)
        return f"{value.currency} {Decimal(value.minor).scaleb(-minor_units(value.currency))}"
    if isinstance(value, date):
        return value.isoformat()
    return value
