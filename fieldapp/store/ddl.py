"""The schema of every version as frozen DDL: a step means the same thing forever.

Never edit a step once released; add a new one. ``{blob}`` is the only dialect difference
(BLOB on SQLite, BYTEA on PostgreSQL). Office-owned ids (customers, invoices, …) are plain
INTEGER: the ERP hands them out, never a sequence here."""

from __future__ import annotations

V1 = (
    """CREATE TABLE schema_meta ("key" VARCHAR(40) NOT NULL, value VARCHAR(200) NOT NULL,
        PRIMARY KEY ("key"))""",
    """CREATE TABLE customer (id INTEGER NOT NULL, code VARCHAR(20) NOT NULL, name TEXT NOT NULL,
        tax_code VARCHAR(20) NOT NULL, phone VARCHAR(30) NOT NULL, address TEXT NOT NULL,
        district TEXT NOT NULL, province TEXT NOT NULL, country VARCHAR(2) NOT NULL,
        business_status VARCHAR(20) NOT NULL, business_notes TEXT NOT NULL,
        financial_notes TEXT NOT NULL, personality_notes TEXT NOT NULL,
        cooperation_since DATE NOT NULL, credit_limit_minor INTEGER NOT NULL,
        currency VARCHAR(3) NOT NULL, language VARCHAR(8) NOT NULL,
        PRIMARY KEY (id), UNIQUE (code))""",
    """CREATE TABLE contact (id INTEGER NOT NULL, customer_id INTEGER NOT NULL, name TEXT NOT NULL,
        role TEXT NOT NULL, phone VARCHAR(30) NOT NULL, email TEXT NOT NULL,
        authority_to_pay BOOLEAN NOT NULL, notes TEXT NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_contact_customer_id ON contact (customer_id)",
    """CREATE TABLE contract (id INTEGER NOT NULL, customer_id INTEGER NOT NULL,
        number VARCHAR(40) NOT NULL, signed_on DATE NOT NULL, goods TEXT NOT NULL,
        net_days INTEGER NOT NULL, installments_allowed BOOLEAN NOT NULL,
        early_discount_pct FLOAT NOT NULL, early_discount_days INTEGER NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_contract_customer_id ON contract (customer_id)",
    """CREATE TABLE invoice (id INTEGER NOT NULL, customer_id INTEGER NOT NULL, contract_id INTEGER,
        number VARCHAR(40) NOT NULL, issued_on DATE NOT NULL, due_on DATE NOT NULL,
        amount_minor INTEGER NOT NULL, open_minor INTEGER NOT NULL, currency VARCHAR(3) NOT NULL,
        disputed BOOLEAN NOT NULL, PRIMARY KEY (id),
        FOREIGN KEY(customer_id) REFERENCES customer (id),
        FOREIGN KEY(contract_id) REFERENCES contract (id))""",
    "CREATE INDEX ix_invoice_customer_open ON invoice (customer_id, open_minor, due_on, currency)",
    """CREATE TABLE delivery (id INTEGER NOT NULL, customer_id INTEGER NOT NULL,
        contract_id INTEGER, invoice_id INTEGER, note_number VARCHAR(40) NOT NULL,
        delivered_on DATE NOT NULL, receiver TEXT NOT NULL, status VARCHAR(20) NOT NULL,
        ordered_qty INTEGER NOT NULL, delivered_qty INTEGER NOT NULL, discrepancy TEXT NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customer (id),
        FOREIGN KEY(contract_id) REFERENCES contract (id),
        FOREIGN KEY(invoice_id) REFERENCES invoice (id))""",
    "CREATE INDEX ix_delivery_customer_id ON delivery (customer_id)",
    """CREATE TABLE payment (id INTEGER NOT NULL, customer_id INTEGER NOT NULL,
        paid_on DATE NOT NULL, amount_minor INTEGER NOT NULL, currency VARCHAR(3) NOT NULL,
        method VARCHAR(20) NOT NULL, reference TEXT NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_payment_customer_id ON payment (customer_id)",
    """CREATE TABLE allocation (id INTEGER NOT NULL, payment_id INTEGER NOT NULL,
        invoice_id INTEGER NOT NULL, amount_minor INTEGER NOT NULL, PRIMARY KEY (id),
        FOREIGN KEY(payment_id) REFERENCES payment (id),
        FOREIGN KEY(invoice_id) REFERENCES invoice (id))""",
    "CREATE INDEX ix_allocation_invoice_id ON allocation (invoice_id)",
    "CREATE INDEX ix_allocation_payment_id ON allocation (payment_id)",
    """CREATE TABLE route_stop (id INTEGER NOT NULL, route_date DATE NOT NULL, seq INTEGER NOT NULL,
        customer_id INTEGER NOT NULL, planned_time VARCHAR(5) NOT NULL, purpose TEXT NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_route_stop_route_date ON route_stop (route_date)",
)

V2 = (
    """CREATE TABLE customer_search (customer_id INTEGER NOT NULL, doc TEXT NOT NULL,
        wide BOOLEAN NOT NULL, PRIMARY KEY (customer_id),
        FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_customer_search_wide ON customer_search (wide, customer_id)",
)
# SQLite only: the FTS5 trigram index over customer_search and the triggers keeping it in sync.
V2_SQLITE = (
    "CREATE VIRTUAL TABLE customer_fts USING fts5(doc, content='customer_search', "
    "content_rowid='customer_id', tokenize='trigram')",
    "CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search BEGIN "
    "INSERT INTO customer_fts(rowid, doc) VALUES (new.customer_id, new.doc); END",
    "CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, doc) VALUES ('delete', old.customer_id, old.doc); END",
    "CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, doc) VALUES ('delete', old.customer_id, old.doc); "
    "INSERT INTO customer_fts(rowid, doc) VALUES (new.customer_id, new.doc); END",
)

V3 = (
    """CREATE TABLE setting ("key" VARCHAR(60) NOT NULL, value TEXT NOT NULL, PRIMARY KEY ("key"))""",
    """CREATE TABLE visit (uuid VARCHAR(36) NOT NULL, customer_id INTEGER NOT NULL,
        kind VARCHAR(10) NOT NULL, status VARCHAR(10) NOT NULL, started_at VARCHAR(32) NOT NULL,
        updated_at VARCHAR(32) NOT NULL, finalized_at VARCHAR(32), amends VARCHAR(36),
        body TEXT NOT NULL, sha256 VARCHAR(64) NOT NULL, PRIMARY KEY (uuid),
        FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_visit_customer_id ON visit (customer_id)",
    "CREATE INDEX ix_visit_status ON visit (status)",
    "CREATE INDEX ix_visit_amends ON visit (amends)",
    """CREATE TABLE outcome (uuid VARCHAR(36) NOT NULL, visit_uuid VARCHAR(36) NOT NULL,
        customer_id INTEGER NOT NULL, kind VARCHAR(20) NOT NULL, created_on DATE NOT NULL,
        due_on DATE, deadline_at VARCHAR(32), amount_minor INTEGER NOT NULL,
        currency VARCHAR(3) NOT NULL, receipt_no VARCHAR(40) NOT NULL,
        superseded_by VARCHAR(36), resolved BOOLEAN NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (uuid), FOREIGN KEY(visit_uuid) REFERENCES visit (uuid),
        FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_outcome_visit_uuid ON outcome (visit_uuid)",
    "CREATE INDEX ix_outcome_kind ON outcome (kind)",
    "CREATE INDEX ix_outcome_customer_id ON outcome (customer_id)",
    "CREATE INDEX ix_outcome_due_on ON outcome (due_on)",
    """CREATE TABLE attachment (uuid VARCHAR(36) NOT NULL, visit_uuid VARCHAR(36) NOT NULL,
        name TEXT NOT NULL, mime VARCHAR(80) NOT NULL, sha256 VARCHAR(64) NOT NULL,
        data {blob} NOT NULL, PRIMARY KEY (uuid))""",
    "CREATE INDEX ix_attachment_visit_uuid ON attachment (visit_uuid)",
    """CREATE TABLE receipt_counter (device_id VARCHAR(36) NOT NULL, last_no INTEGER NOT NULL,
        PRIMARY KEY (device_id))""",
    "ALTER TABLE payment ADD COLUMN visit_uuid VARCHAR(36)",
)

V4 = (
    """CREATE TABLE document (id VARCHAR(36) NOT NULL, kind VARCHAR(20) NOT NULL,
        customer_id INTEGER NOT NULL, visit_uuid VARCHAR(36), number VARCHAR(80) NOT NULL,
        language VARCHAR(8) NOT NULL, created_at VARCHAR(32) NOT NULL,
        sha256 VARCHAR(64) NOT NULL, record_sha256 VARCHAR(64) NOT NULL, signer TEXT NOT NULL,
        development BOOLEAN NOT NULL, data {blob} NOT NULL, PRIMARY KEY (id),
        FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_document_customer_id ON document (customer_id)",
    "CREATE INDEX ix_document_visit_uuid ON document (visit_uuid)",
    "CREATE INDEX ix_document_kind ON document (kind)",
)

# Payments and allocations get merge-safe UUID text ids: the old tables are set aside under
# another name, rebuilt, filled (migrations._v5 maps the ids) and dropped.
V5_SET_ASIDE = (
    "ALTER TABLE allocation RENAME TO allocation_v4",
    "ALTER TABLE payment RENAME TO payment_v4",
    "DROP INDEX ix_allocation_invoice_id",
    "DROP INDEX ix_allocation_payment_id",
    "DROP INDEX ix_payment_customer_id",
)
V5_CREATE = (
    """CREATE TABLE payment (id VARCHAR(36) NOT NULL, customer_id INTEGER NOT NULL,
        paid_on DATE NOT NULL, amount_minor INTEGER NOT NULL, currency VARCHAR(3) NOT NULL,
        method VARCHAR(20) NOT NULL, reference TEXT NOT NULL, visit_uuid VARCHAR(36),
        PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customer (id))""",
    "CREATE INDEX ix_payment_customer_id ON payment (customer_id)",
    """CREATE TABLE allocation (id VARCHAR(36) NOT NULL, payment_id VARCHAR(36) NOT NULL,
        invoice_id INTEGER NOT NULL, amount_minor INTEGER NOT NULL, PRIMARY KEY (id),
        FOREIGN KEY(payment_id) REFERENCES payment (id),
        FOREIGN KEY(invoice_id) REFERENCES invoice (id))""",
    "CREATE INDEX ix_allocation_invoice_id ON allocation (invoice_id)",
    "CREATE INDEX ix_allocation_payment_id ON allocation (payment_id)",
)
V5_DROP = ("DROP TABLE allocation_v4", "DROP TABLE payment_v4")
# Instants written as local text without a zone before schema 5: (table, key, columns).
V5_INSTANTS = (("visit", "uuid", ("started_at", "updated_at", "finalized_at")),
               ("outcome", "uuid", ("deadline_at",)),
               ("document", "id", ("created_at",)))

# What the follow-up reads need besides the tables' own indexes: live outcomes by kind and due
# day (the period around today), one customer's by kind (without it SQLite may prefer the first
# and walk every promise), a plan's lines by visit (the running sum of an installment line;
# without it SQLite walks every installment row for every line), and a customer's payments by
# day (those since the oldest commitment judged).
V7 = (
    "CREATE INDEX ix_outcome_kind_due ON outcome (kind, resolved, due_on)",
    "CREATE INDEX ix_outcome_customer_kind ON outcome (customer_id, kind, resolved)",
    "CREATE INDEX ix_outcome_visit_kind_due ON outcome (visit_uuid, kind, due_on)",
    "CREATE INDEX ix_payment_customer_paid ON payment (customer_id, paid_on)",
)

# Search ranks name and contact matches first and sorts by name or code: the folded name,
# contact names and phone digits apart, and an index for the list sorted by name.
V8 = (
    "ALTER TABLE customer_search ADD COLUMN name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE customer_search ADD COLUMN people TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE customer_search ADD COLUMN phones TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX ix_customer_search_name ON customer_search (name, customer_id)",
)


# The office (schema 9): collectors and their customers, the log of every assignment change (undone
# by batch), a collector per route stop, receivables keyed by (source, customer code, document
# number) with the day an invoice left the export, the supervisor's saved column mappings and the
# imports made. A laptop has the same tables, mostly empty: one schema serves both sides.
V9 = (
    "CREATE TABLE collector (id VARCHAR(36) NOT NULL PRIMARY KEY, name TEXT NOT NULL, "
    "phone VARCHAR(30) NOT NULL DEFAULT '', language VARCHAR(8) NOT NULL DEFAULT 'vi', "
    "active BOOLEAN NOT NULL DEFAULT TRUE, created_at VARCHAR(32) NOT NULL)",
    "CREATE UNIQUE INDEX ix_collector_name ON collector (name)",
    "ALTER TABLE customer ADD COLUMN collector_id VARCHAR(36) REFERENCES collector (id)",
    "ALTER TABLE customer ADD COLUMN territory TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX ix_customer_collector ON customer (collector_id)",
    "CREATE TABLE assignment_log (id VARCHAR(36) NOT NULL PRIMARY KEY, "
    "batch_id VARCHAR(36) NOT NULL, at VARCHAR(32) NOT NULL, actor TEXT NOT NULL DEFAULT '', "
    "customer_id INTEGER NOT NULL REFERENCES customer (id), "
    "from_collector VARCHAR(36), to_collector VARCHAR(36), "
    "undone_by VARCHAR(36))",
    "CREATE INDEX ix_assignment_log_batch ON assignment_log (batch_id)",
    "CREATE INDEX ix_assignment_log_customer ON assignment_log (customer_id, at)",
    "ALTER TABLE route_stop ADD COLUMN collector_id VARCHAR(36) REFERENCES collector (id)",
    "CREATE INDEX ix_route_stop_collector_day ON route_stop (collector_id, route_date, seq)",
    "ALTER TABLE invoice ADD COLUMN source VARCHAR(40) NOT NULL DEFAULT ''",
    "ALTER TABLE invoice ADD COLUMN closed_on DATE",
    "CREATE INDEX ix_invoice_source_key ON invoice (source, customer_id, number)",
    "CREATE TABLE ar_source (name VARCHAR(40) NOT NULL PRIMARY KEY, preset VARCHAR(40) NOT NULL, "
    "mapping TEXT NOT NULL, updated_at VARCHAR(32) NOT NULL)",
    "CREATE TABLE ar_import (id VARCHAR(36) NOT NULL PRIMARY KEY, at VARCHAR(32) NOT NULL, "
    "actor TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL, source VARCHAR(40) NOT NULL, "
    "sha256 VARCHAR(64) NOT NULL, report TEXT NOT NULL)",
)



# Schema 10, PostgreSQL only (SQLite's INTEGER is 64-bit and its search has FTS5 already).
# Amounts in minor units pass 2,147,483,647 (21 million đồng is a small invoice, a credit limit
# may be billions): PostgreSQL's INTEGER is 32-bit, so the money columns become BIGINT.
V10_PG_MONEY = (
    "ALTER TABLE customer ALTER COLUMN credit_limit_minor TYPE BIGINT",
    "ALTER TABLE invoice ALTER COLUMN amount_minor TYPE BIGINT",
    "ALTER TABLE invoice ALTER COLUMN open_minor TYPE BIGINT",
    "ALTER TABLE payment ALTER COLUMN amount_minor TYPE BIGINT",
    "ALTER TABLE allocation ALTER COLUMN amount_minor TYPE BIGINT",
    "ALTER TABLE outcome ALTER COLUMN amount_minor TYPE BIGINT",
)
# Search by substring served by trigram indexes (pg_trgm) on the folded columns; {trgm} is the
# operator class qualified by the schema the extension lives in (migrations._v10).
V10_PG_TRIGRAM = (
    "CREATE INDEX ix_customer_search_doc_trgm ON customer_search USING gin (doc {trgm})",
    # On ' ' || name: one pattern '% term%' then finds a word starting with the term.
    "CREATE INDEX ix_customer_search_name_trgm ON customer_search "
    "USING gin ((' ' || name) {trgm})",
    "CREATE INDEX ix_customer_search_people_trgm ON customer_search USING gin (people {trgm})",
    "CREATE INDEX ix_customer_search_phones_trgm ON customer_search USING gin (phones {trgm})",
)

# Schema 11: enrolled devices, each laptop's certificate from the company CA and its collector.
V11 = (
    "CREATE TABLE device (id VARCHAR(36) NOT NULL PRIMARY KEY, "
    "collector_id VARCHAR(36) NOT NULL REFERENCES collector (id), certificate TEXT NOT NULL, "
    "enrolled_at VARCHAR(32) NOT NULL, revoked_at VARCHAR(32), revoked_reason TEXT)",
    "CREATE INDEX ix_device_collector ON device (collector_id)",
)

# Schema 12: the assignment packs the office wrote for each enrolled device, with the version,
# expiry and the SHA-256 the next pack names as its predecessor.
V12 = (
    "CREATE TABLE pack_out (device_id VARCHAR(36) NOT NULL REFERENCES device (id), "
    "version INTEGER NOT NULL, bundle_id VARCHAR(36) NOT NULL, created_at VARCHAR(32) NOT NULL, "
    "expires_at VARCHAR(32) NOT NULL, sha256 VARCHAR(64) NOT NULL, customers INTEGER NOT NULL, "
    "confirmed_at VARCHAR(32), PRIMARY KEY (device_id, version))",
)

# Schema 13: day bundles. The laptop's outbox (each bundle sent, its bytes until an ack covers
# it) and which record went into which bundle; the office's bundles received, with the bytes of
# those held for a gap or quarantined (so Retry works).
V13 = (
    "CREATE TABLE sync_outbox (seq INTEGER NOT NULL PRIMARY KEY, bundle_id VARCHAR(36) NOT NULL, "
    "sha256 VARCHAR(64) NOT NULL, created_at VARCHAR(32) NOT NULL, records INTEGER NOT NULL, "
    "data {blob}, acked_at VARCHAR(32))",
    "CREATE TABLE sync_sent (kind VARCHAR(20) NOT NULL, record_id VARCHAR(36) NOT NULL, "
    "seq INTEGER NOT NULL, PRIMARY KEY (kind, record_id))",
    "CREATE INDEX ix_sync_sent_seq ON sync_sent (seq)",
    "CREATE TABLE bundle_in (id VARCHAR(36) NOT NULL PRIMARY KEY, bundle_id VARCHAR(36), "
    "device VARCHAR(64), seq INTEGER, sha256 VARCHAR(64) NOT NULL, status VARCHAR(12) NOT NULL, "
    "reason VARCHAR(60) NOT NULL, detail TEXT NOT NULL, records INTEGER NOT NULL, "
    "file_name TEXT NOT NULL, received_at VARCHAR(32) NOT NULL, data {blob})",
    "CREATE INDEX ix_bundle_in_device_seq ON bundle_in (device, seq)",
    "CREATE INDEX ix_bundle_in_sha256 ON bundle_in (sha256)",
    "CREATE INDEX ix_bundle_in_status ON bundle_in (status)",
)

# Schema 14: the office's sync folder. When each laptop says it wrote a bundle (the manifest's
# created_at, for its clock skew) and the last acknowledgement written for each laptop.
V14 = (
    "ALTER TABLE bundle_in ADD COLUMN sent_at VARCHAR(32)",
    "CREATE TABLE ack_out (device_id VARCHAR(64) NOT NULL PRIMARY KEY, seq INTEGER NOT NULL, "
    "written_at VARCHAR(32) NOT NULL)",
)

# Schema 15: master data edited on laptops. The office versions customers and contacts
# (``row_version``, bumped by its own edits and imports, carried in packs as each edit's base);
# ``master_edit`` holds a laptop's edits (to send) and, at the office, those received with what
# became of each; ``master_conflict`` is the supervisor's queue of fields changed on both sides.
V15 = (
    "ALTER TABLE customer ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE contact ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1",
    "CREATE TABLE master_edit (uuid VARCHAR(36) NOT NULL PRIMARY KEY, "
    "customer_code VARCHAR(20) NOT NULL, entity VARCHAR(10) NOT NULL, "
    "contact_name TEXT NOT NULL, field VARCHAR(20) NOT NULL, old_value TEXT NOT NULL, "
    "new_value TEXT NOT NULL, base_version INTEGER NOT NULL, at VARCHAR(32) NOT NULL, "
    "device VARCHAR(64) NOT NULL, result VARCHAR(12) NOT NULL DEFAULT '', "
    "seq INTEGER NOT NULL)",
    "CREATE INDEX ix_master_edit_customer ON master_edit (customer_code, at)",
    "CREATE UNIQUE INDEX ix_master_edit_seq ON master_edit (seq)",
    "CREATE TABLE master_conflict (id VARCHAR(36) NOT NULL PRIMARY KEY, "
    "edit_uuid VARCHAR(36) NOT NULL, customer_code VARCHAR(20) NOT NULL, "
    "entity VARCHAR(10) NOT NULL, contact_name TEXT NOT NULL, field VARCHAR(20) NOT NULL, "
    "base_value TEXT NOT NULL, office_value TEXT NOT NULL, laptop_value TEXT NOT NULL, "
    "device VARCHAR(64) NOT NULL, edited_at VARCHAR(32) NOT NULL, "
    "created_at VARCHAR(32) NOT NULL, resolved_at VARCHAR(32), resolution VARCHAR(10), "
    "resolved_value TEXT, resolved_by TEXT)",
    "CREATE INDEX ix_master_conflict_open ON master_conflict (resolved_at, created_at)",
)

# Schema 16: delta assignment packs. Per pack written, whether it is full or the changes since
# ``base``, the customer-set hash the laptop should report once it applied it, and the content
# hash of each customer's part (what the next delta is diffed against); per device, the pack
# state its last imported day bundle reported.
V16 = (
    "ALTER TABLE pack_out ADD COLUMN full_pack BOOLEAN NOT NULL DEFAULT TRUE",
    "ALTER TABLE pack_out ADD COLUMN base INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE pack_out ADD COLUMN set_hash VARCHAR(64) NOT NULL DEFAULT ''",
    "CREATE TABLE pack_customer (device_id VARCHAR(36) NOT NULL, version INTEGER NOT NULL, "
    "code VARCHAR(40) NOT NULL, sha256 VARCHAR(64) NOT NULL, "
    "PRIMARY KEY (device_id, version, code))",
    "CREATE TABLE pack_report (device_id VARCHAR(36) NOT NULL PRIMARY KEY "
    "REFERENCES device (id), version INTEGER NOT NULL, set_hash VARCHAR(64) NOT NULL, "
    "seq INTEGER NOT NULL, reported_at VARCHAR(32) NOT NULL)",
)

# Schema 17: the KPI dashboard. Disputes resolved at the office (when, by whom, the root cause
# found, apart from the customer's claimed reason): the resolution time is a KPI. Indexes for
# the period's sums: invoices issued by day, open ones by day (partial: only the open few of a
# million), those a later export closed, payments by day, visits by start, outcomes made by day.
V17 = (
    "CREATE TABLE dispute_resolution (outcome_uuid VARCHAR(36) NOT NULL PRIMARY KEY "
    "REFERENCES outcome (uuid), resolved_at VARCHAR(32) NOT NULL, "
    "resolved_by TEXT NOT NULL DEFAULT '', root_cause TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX ix_dispute_resolution_resolved_at ON dispute_resolution (resolved_at)",
    "CREATE INDEX ix_invoice_issued ON invoice (issued_on, customer_id, currency, amount_minor)",
    "CREATE INDEX ix_invoice_open_issued ON invoice (issued_on, customer_id, due_on, currency, "
    "open_minor) WHERE open_minor > 0 AND closed_on IS NULL",
    "CREATE INDEX ix_invoice_closed ON invoice (closed_on) WHERE closed_on IS NOT NULL",
    "CREATE INDEX ix_payment_paid ON payment (paid_on)",
    "CREATE INDEX ix_visit_started ON visit (started_at)",
    "CREATE INDEX ix_outcome_kind_created ON outcome (kind, created_on)",
    # Each customer's collector without reading the customer rows (every sum is by collector).
    "CREATE INDEX ix_customer_id_collector ON customer (id, collector_id)",
)

# Schema 18: the review inbox. One row per visit imported from a laptop (its collector, day and
# review state) and the append-only log of review states and comments.
V18 = (
    "CREATE TABLE review (visit_uuid VARCHAR(36) NOT NULL PRIMARY KEY, device VARCHAR(64) NOT "
    "NULL, collector_id VARCHAR(36), customer_id INTEGER NOT NULL, started_at VARCHAR(32) NOT "
    "NULL, day DATE NOT NULL, received_at VARCHAR(32) NOT NULL, state VARCHAR(12) NOT NULL, "
    "state_at VARCHAR(32), state_by TEXT NOT NULL, reason TEXT NOT NULL)",
    "CREATE INDEX ix_review_order ON review (started_at, visit_uuid)",
    "CREATE INDEX ix_review_state ON review (state, started_at, visit_uuid)",
    "CREATE INDEX ix_review_collector ON review (collector_id, started_at, visit_uuid)",
    "CREATE INDEX ix_review_collector_state ON review (collector_id, state, started_at, "
    "visit_uuid)",
    "CREATE INDEX ix_review_day ON review (day, started_at, visit_uuid)",
    "CREATE TABLE review_event (id VARCHAR(36) NOT NULL PRIMARY KEY, visit_uuid VARCHAR(36) NOT "
    "NULL, at VARCHAR(32) NOT NULL, actor TEXT NOT NULL, kind VARCHAR(10) NOT NULL, "
    "state VARCHAR(12), text TEXT NOT NULL, corrects VARCHAR(36))",
    "CREATE INDEX ix_review_event_visit ON review_event (visit_uuid, at)",
    "CREATE INDEX ix_review_event_at ON review_event (at)",
)
# Comments and states are evidence: the database itself refuses to change or remove one.
V18_SQLITE_APPEND_ONLY = (
    "CREATE TRIGGER review_event_no_update BEFORE UPDATE ON review_event "
    "BEGIN SELECT RAISE(ABORT, 'review_event is append-only'); END",
    "CREATE TRIGGER review_event_no_delete BEFORE DELETE ON review_event "
    "BEGIN SELECT RAISE(ABORT, 'review_event is append-only'); END",
)
V18_PG_APPEND_ONLY = (
    "CREATE FUNCTION review_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'review_event is append-only'; END $$",
    "CREATE TRIGGER review_event_no_change BEFORE UPDATE OR DELETE ON review_event "
    "FOR EACH ROW EXECUTE FUNCTION review_event_append_only()",
)

# Schema 19: the laptop's read marks on notes from the office (review states and comments
# today; other kinds of notes later), one row per note read, named by its kind and id.
V19 = (
    "CREATE TABLE office_note_read (kind VARCHAR(16) NOT NULL, note_id VARCHAR(36) NOT NULL, "
    "read_at VARCHAR(32) NOT NULL, PRIMARY KEY (kind, note_id))",
)

# Schema 20: money taken on site waiting for the office (pending → confirmed / matched /
# voided) — on a laptop only the receipts the office voided — and what went to accounting.
V20 = (
    "CREATE TABLE receipt (receipt_no VARCHAR(40) NOT NULL PRIMARY KEY, payment_id VARCHAR(36) "
    "NOT NULL, visit_uuid VARCHAR(36) NOT NULL, customer_id INTEGER NOT NULL, device "
    "VARCHAR(64) NOT NULL, collector_id VARCHAR(36), paid_on DATE NOT NULL, amount_minor "
    "BIGINT NOT NULL, currency VARCHAR(3) NOT NULL, received_at VARCHAR(32) NOT NULL, state "
    "VARCHAR(12) NOT NULL, state_at VARCHAR(32), state_by TEXT NOT NULL, reason TEXT NOT NULL, "
    "matched_invoice_id INTEGER)",
    "CREATE INDEX ix_receipt_state ON receipt (state, paid_on, receipt_no)",
    "CREATE INDEX ix_receipt_payment ON receipt (payment_id, state)",
    "CREATE UNIQUE INDEX ix_receipt_matched ON receipt (matched_invoice_id)",
    "CREATE TABLE export_batch (id VARCHAR(36) NOT NULL PRIMARY KEY, at VARCHAR(32) NOT NULL, "
    "actor TEXT NOT NULL, period_from DATE NOT NULL, period_to DATE NOT NULL, kinds TEXT NOT "
    "NULL, format VARCHAR(8) NOT NULL, file_name TEXT NOT NULL, rows INTEGER NOT NULL)",
    "CREATE TABLE export_row (kind VARCHAR(20) NOT NULL, record_id VARCHAR(80) NOT NULL, "
    "batch_id VARCHAR(36) NOT NULL, PRIMARY KEY (kind, record_id))",
)

# Schema 21: the work queues. Who resolves a dispute (assigned before it is resolved), and the
# office's invoices a dispute pauses (its record names the laptop's own invoice ids; the day
# bundle says their numbers, and the office keeps its ids here, so resolving resumes them).
V21 = (
    "CREATE TABLE dispute_case (outcome_uuid VARCHAR(36) NOT NULL PRIMARY KEY "
    "REFERENCES outcome (uuid), resolver TEXT NOT NULL, assigned_at VARCHAR(32) NOT NULL, "
    "assigned_by TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE dispute_invoice (outcome_uuid VARCHAR(36) NOT NULL REFERENCES outcome (uuid), "
    "invoice_id INTEGER NOT NULL REFERENCES invoice (id), PRIMARY KEY (outcome_uuid, invoice_id))",
    "CREATE INDEX ix_dispute_invoice_invoice ON dispute_invoice (invoice_id)",
)


def run(conn, statements) -> None:
    blob = "BLOB" if conn.dialect.name == "sqlite" else "BYTEA"
    for sql in statements:
        conn.exec_driver_sql(sql.replace("{blob}", blob))

# Schema 22: the KPI dashboard's kept sums, by collector ('': unassigned). ``kpi_balance``: the
# receivables held in each aging bucket from ``day`` on (until the collector's next row), and
# how many items make them; ``kpi_day``: credit sales and money received per day; ``kpi_made``:
# promises and plans made per day; ``kpi_contact``: final records per 15 minutes (UTC) with
# those that met the right party; ``kpi_commitment``: each live promise or installment line
# with what it took of its customer's payments (commitments.allocate). ``kpi_stale``: the
# collectors whose sums must be made again ('*': everyone's), marked by triggers on every
# table the sums are made from, so no writer can leave them behind.
V22 = (
    "CREATE TABLE kpi_balance (collector_id VARCHAR(36) NOT NULL, currency VARCHAR(3) NOT NULL, "
    "bucket INTEGER NOT NULL, day DATE NOT NULL, minor BIGINT NOT NULL, items BIGINT NOT NULL, "
    "PRIMARY KEY (collector_id, currency, bucket, day))",
    "CREATE TABLE kpi_day (collector_id VARCHAR(36) NOT NULL, currency VARCHAR(3) NOT NULL, "
    "day DATE NOT NULL, sold BIGINT NOT NULL, invoices INTEGER NOT NULL, paid BIGINT NOT NULL, "
    "on_site BIGINT NOT NULL, payments INTEGER NOT NULL, "
    "PRIMARY KEY (collector_id, currency, day))",
    "CREATE INDEX ix_kpi_day_day ON kpi_day (day, collector_id, currency, sold, invoices, paid, "
    "on_site, payments)",
    "CREATE TABLE kpi_made (collector_id VARCHAR(36) NOT NULL, kind VARCHAR(20) NOT NULL, "
    "day DATE NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (collector_id, kind, day))",
    "CREATE INDEX ix_kpi_made_day ON kpi_made (day, collector_id, kind, n)",
    "CREATE TABLE kpi_contact (collector_id VARCHAR(36) NOT NULL, kind VARCHAR(10) NOT NULL, "
    "slot VARCHAR(32) NOT NULL, n INTEGER NOT NULL, rpc INTEGER NOT NULL, "
    "PRIMARY KEY (collector_id, kind, slot))",
    "CREATE INDEX ix_kpi_contact_slot ON kpi_contact (slot, collector_id, kind, n, rpc)",
    "CREATE TABLE kpi_commitment (outcome_uuid VARCHAR(36) NOT NULL PRIMARY KEY, "
    "collector_id VARCHAR(36) NOT NULL, due_on DATE NOT NULL, amount_minor BIGINT NOT NULL, "
    "taken_minor BIGINT NOT NULL)",
    "CREATE INDEX ix_kpi_commitment_due ON kpi_commitment (due_on, collector_id, amount_minor, "
    "taken_minor)",
    "CREATE INDEX ix_kpi_commitment_collector ON kpi_commitment (collector_id)",
)
_STALE_OF = ("SELECT COALESCE(collector_id, '') AS w FROM customer "
             "WHERE id = {row}.customer_id")
_STALE_OF_ALLOCATION = ("SELECT COALESCE(c.collector_id, '') AS w FROM invoice i JOIN customer c "
                        "ON c.id = i.customer_id WHERE i.id = {row}.invoice_id")
# The same for all the rows a statement changed (PostgreSQL's transition table ``{rows}``).
_STALE_OF_ROWS = ("SELECT DISTINCT COALESCE(c.collector_id, '') FROM (SELECT DISTINCT "
                  "customer_id FROM {rows}) r JOIN customer c ON c.id = r.customer_id")
_STALE_OF_ALLOCATIONS = ("SELECT DISTINCT COALESCE(c.collector_id, '') FROM (SELECT DISTINCT "
                         "invoice_id FROM {rows}) r JOIN invoice i ON i.id = r.invoice_id "
                         "JOIN customer c ON c.id = i.customer_id")
# (table, the columns an UPDATE of which changes the sums, who is stale for a row, for rows)
_STALE_SOURCES = (
    ("invoice", "customer_id, issued_on, due_on, amount_minor, open_minor, currency, closed_on",
     _STALE_OF, _STALE_OF_ROWS),
    ("payment", "customer_id, paid_on, amount_minor, currency, visit_uuid", _STALE_OF,
     _STALE_OF_ROWS),
    ("allocation", "payment_id, invoice_id, amount_minor", _STALE_OF_ALLOCATION,
     _STALE_OF_ALLOCATIONS),
    ("outcome", "customer_id, kind, created_on, due_on, amount_minor, currency, superseded_by, "
     "resolved, visit_uuid", _STALE_OF, _STALE_OF_ROWS),
    ("visit", "customer_id, kind, status, started_at, amends, body", _STALE_OF, _STALE_OF_ROWS),
    # A receipt voided stops counting; one matched takes its accounting credit out of the sales.
    ("receipt", "customer_id, state, matched_invoice_id", _STALE_OF, _STALE_OF_ROWS),
)
# SQLite has one writer at a time: one mark per collector. On PostgreSQL marks are only ever
# appended (no key): two supervisors writing for the same collector never wait on each other's
# mark, and a refresh deletes exactly the marks it read, so a mark made meanwhile stays.
_SQLITE_STALE_TABLE = ("CREATE TABLE kpi_stale (collector_id VARCHAR(36) NOT NULL PRIMARY KEY)",
                       "INSERT INTO kpi_stale (collector_id) VALUES ('*')")
_PG_STALE_TABLE = ("CREATE TABLE kpi_stale (collector_id VARCHAR(36) NOT NULL)",
                   "CREATE INDEX ix_kpi_stale_collector ON kpi_stale (collector_id)",
                   "INSERT INTO kpi_stale (collector_id) VALUES ('*')")
_GRACE_KEY = "'promise.grace_days'"


def _sqlite_mark(select: str) -> str:
    """Mark the collectors ``select`` names (one column ``w``) not yet marked. Not OR IGNORE:
    in a trigger the outer statement's conflict rule wins, and a setting is written by an
    upsert (whose rule is to abort)."""
    return (f"INSERT INTO kpi_stale (collector_id) SELECT w FROM ({select}) "
            "WHERE w NOT IN (SELECT collector_id FROM kpi_stale);")


def _sqlite_mark_row(select: str) -> str:
    """The same for a row of a table no statement upserts into (invoices, payments, …): OR
    IGNORE costs half as much per row of a bulk import. An upsert into one of them would
    abort on a collector already marked: loudly, never leaving sums stale."""
    return f"INSERT OR IGNORE INTO kpi_stale (collector_id) {select};"


def _sqlite_stale_triggers() -> tuple[str, ...]:
    out = list(_SQLITE_STALE_TABLE)
    for table, columns, stale_of, _rows in _STALE_SOURCES:
        for event, rows in (("INSERT", ("NEW",)), (f"UPDATE OF {columns}", ("OLD", "NEW")),
                            ("DELETE", ("OLD",))):
            name = f"kpi_stale_{table}_{event.split()[0].lower()}"
            body = " ".join(_sqlite_mark_row(stale_of.format(row=r)) for r in rows)
            out.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {body} END")
    out.append(
        "CREATE TRIGGER kpi_stale_customer_update AFTER UPDATE OF collector_id ON customer "
        "WHEN OLD.collector_id IS NOT NEW.collector_id BEGIN "
        + _sqlite_mark("SELECT COALESCE(OLD.collector_id, '') AS w UNION "
                       "SELECT COALESCE(NEW.collector_id, '')") + " END")
    everyone = _sqlite_mark("SELECT '*' AS w")
    for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        out.append(f"CREATE TRIGGER kpi_stale_setting_{event.lower()} AFTER {event} ON setting "
                   f"WHEN {row}.\"key\" = {_GRACE_KEY} BEGIN {everyone} END")
    return tuple(out)


def _pg_stale_triggers() -> tuple[str, ...]:
    """Statement triggers reading the rows changed as a whole: an import of a million rows
    marks a few collectors once, not a million times."""
    out = list(_PG_STALE_TABLE)
    for table, _columns, _row, stale_of in _STALE_SOURCES:
        for event, tables in (("INSERT", ("kpi_new",)), ("UPDATE", ("kpi_old", "kpi_new")),
                              ("DELETE", ("kpi_old",))):
            name = f"kpi_stale_{table}_{event.lower()}"
            body = " ".join(f"INSERT INTO kpi_stale (collector_id) {stale_of.format(rows=t)};"
                            for t in tables)
            refs = " ".join(f"{'OLD' if t == 'kpi_old' else 'NEW'} TABLE AS {t}" for t in tables)
            out += [f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
                    f"$$ BEGIN {body} RETURN NULL; END $$",
                    f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {refs} "
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"]
    out += [
        "CREATE FUNCTION kpi_stale_customer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF OLD.collector_id IS DISTINCT FROM NEW.collector_id THEN INSERT INTO kpi_stale "
        "(collector_id) VALUES (COALESCE(OLD.collector_id, '')), (COALESCE(NEW.collector_id, "
        "'')); END IF; RETURN NULL; END $$",
        "CREATE TRIGGER kpi_stale_customer AFTER UPDATE OF collector_id ON customer "
        "FOR EACH ROW EXECUTE FUNCTION kpi_stale_customer()",
        "CREATE FUNCTION kpi_stale_setting() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "INSERT INTO kpi_stale (collector_id) VALUES ('*'); "
        "RETURN NULL; END $$",
        "CREATE TRIGGER kpi_stale_setting_change AFTER INSERT OR UPDATE ON setting FOR EACH ROW "
        f"WHEN (NEW.\"key\" = {_GRACE_KEY}) EXECUTE FUNCTION kpi_stale_setting()",
        "CREATE TRIGGER kpi_stale_setting_delete AFTER DELETE ON setting FOR EACH ROW "
        f"WHEN (OLD.\"key\" = {_GRACE_KEY}) EXECUTE FUNCTION kpi_stale_setting()",
    ]
    return tuple(out)


V22_SQLITE_STALE = _sqlite_stale_triggers()
V22_PG_STALE = _pg_stale_triggers()
