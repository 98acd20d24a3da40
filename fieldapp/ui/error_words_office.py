"""The office's error sentences (imports, collectors, routes, review, money, queues, printing)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Part of error_text.WORDS (same context, same rules): one sentence per code.
OFFICE_WORDS = {
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
    # KPI dashboard
    "kpi.bad_period": QT_TRANSLATE_NOOP(
        "Errors", "The period ends on {last}, before it starts on {first}."),
    "kpi.period_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The period from {first} to {last} is longer than {days} days."),
    "kpi.unknown_collector": QT_TRANSLATE_NOOP(
        "Errors", "There is no collector named “{collector}”."),
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
}
