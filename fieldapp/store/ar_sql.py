"""The statements of a receivables import (ar_writer): staging, the direct path, closing,
updating and adding invoices set-based."""

from __future__ import annotations

from sqlalchemy import text

STAGE_COLUMNS = ("seq", "line", "customer_id", "number", "issued_on", "due_on", "dated",
                 "amount", "open_amount", "currency", "closed_on")
STAGE_INSERT = f"INSERT INTO ar_stage VALUES ({','.join('?' * len(STAGE_COLUMNS))})"

# Straight into invoice (a source's first import): ?1 is the row's seq, ?12 the source.
DIRECT_SQLITE = ("INSERT INTO invoice (id, customer_id, contract_id, number, issued_on, due_on, "
                 "amount_minor, open_minor, currency, disputed, source, closed_on) VALUES "
                 "(?1 + {base}, ?3, NULL, ?4, ?5, ?6, ?8, ?9, ?10, 0, ?12, ?11)")
DIRECT_COPY = ("COPY invoice (id, customer_id, number, issued_on, due_on, amount_minor, "
               "open_minor, currency, disputed, source, closed_on) FROM STDIN")

INSERT_CUSTOMER = text(
    "INSERT INTO customer (id, code, name, tax_code, phone, address, district, province, "
    "country, business_status, business_notes, financial_notes, personality_notes, "
    "cooperation_since, credit_limit_minor, currency, language, territory) VALUES (:id, :code, "
    ":name, '', '', '', '', '', :country, 'active', '', '', '', :since, 0, :currency, :language, "
    "'')")

# An invoice of the source the file does not list any more was paid or written off.
CLOSE = ("UPDATE invoice SET open_minor = 0, closed_on = :today WHERE source = :src "
         "AND closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM ar_stage s WHERE "
         "s.customer_id = invoice.customer_id AND s.number = invoice.number)")
CLOSE_SCOPED = " AND customer_id IN (SELECT customer_id FROM ar_stage)"

# Listed again: written only when something differs, so the same file twice changes nothing.
# Dates the file did not state (an opening balance's) are left as they are.
SET = ("amount_minor = s.amount, open_minor = s.open_amount, currency = s.currency, "
       "closed_on = s.closed_on, issued_on = CASE WHEN s.dated = 1 THEN s.issued_on "
       "ELSE invoice.issued_on END, due_on = CASE WHEN s.dated = 1 THEN s.due_on "
       "ELSE invoice.due_on END")
DIFFERS = ("(invoice.amount_minor <> s.amount OR invoice.open_minor <> s.open_amount OR "
           "invoice.currency <> s.currency OR invoice.closed_on {isnt} s.closed_on OR "
           "(s.dated = 1 AND (invoice.issued_on <> s.issued_on OR invoice.due_on <> s.due_on)))")
UPDATE = ("UPDATE invoice SET {set} FROM ar_stage s WHERE invoice.source = :src AND "
          "invoice.customer_id = s.customer_id AND invoice.number = s.number AND {differs}")
UPDATE_SQLITE = UPDATE.format(set=SET, differs=DIFFERS.format(isnt="IS NOT"))
UPDATE_PG = UPDATE.format(set=SET, differs=DIFFERS.format(isnt="IS DISTINCT FROM"))

INSERT = ("INSERT INTO invoice (id, customer_id, contract_id, number, issued_on, due_on, "
          "amount_minor, open_minor, currency, disputed, source, closed_on) "
          "SELECT :base + s.seq, s.customer_id, NULL, s.number, s.issued_on, s.due_on, s.amount, "
          "s.open_amount, s.currency, FALSE, CAST(:src AS VARCHAR(40)), s.closed_on "
          "FROM ar_stage s WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.source = :src AND "
          "i.customer_id = s.customer_id AND i.number = s.number) ORDER BY s.seq")
