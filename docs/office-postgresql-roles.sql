-- fieldapp office on PostgreSQL: the database and its roles (docs/office-postgresql.md).
--
-- Run once, as a superuser, with psql (it stops at the first error):
--     sudo -u postgres psql -X -v ON_ERROR_STOP=1 -f docs/office-postgresql-roles.sql
-- then give each login role its password with psql's \password (never written in a file):
--     sudo -u postgres psql -c '\password fieldapp_owner'
--
-- Roles:
--   fieldapp_owner       owns the database and its tables; runs the migrations (the first start
--                        of each new fieldapp version) and nothing else.
--   fieldapp_office      a group (no login): what the supervisors' program needs, reading and
--                        writing rows, never changing or dropping a table.
--   fieldapp_figures     a group (no login): read-only, for reports and spreadsheets.
--   fieldapp_supervisor  an example login in fieldapp_office; make one per supervisor:
--                        CREATE ROLE lan LOGIN IN ROLE fieldapp_office;
--   fieldapp_reader      an example login in fieldapp_figures.

CREATE ROLE fieldapp_owner LOGIN;
CREATE ROLE fieldapp_office NOLOGIN;
CREATE ROLE fieldapp_figures NOLOGIN;
CREATE ROLE fieldapp_supervisor LOGIN IN ROLE fieldapp_office;
CREATE ROLE fieldapp_reader LOGIN IN ROLE fieldapp_figures;

CREATE DATABASE fieldapp_office OWNER fieldapp_owner ENCODING 'UTF8' TEMPLATE template0;
-- Nobody else may connect; supervisors may make temporary tables (a receivables import stages
-- its rows in one).
REVOKE ALL ON DATABASE fieldapp_office FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE fieldapp_office TO fieldapp_office;
GRANT CONNECT ON DATABASE fieldapp_office TO fieldapp_figures;

\connect fieldapp_office

-- The office's search uses trigrams (package postgresql-contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Only the owner creates tables in the schema (PostgreSQL 14 and older let everybody).
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO fieldapp_owner;
GRANT USAGE ON SCHEMA public TO fieldapp_office, fieldapp_figures;

-- Tables already there (an office database moved here) ...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fieldapp_office;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fieldapp_office;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO fieldapp_figures;
-- ... and every table and sequence the owner's migrations create later.
ALTER DEFAULT PRIVILEGES FOR ROLE fieldapp_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fieldapp_office;
ALTER DEFAULT PRIVILEGES FOR ROLE fieldapp_owner IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO fieldapp_office;
ALTER DEFAULT PRIVILEGES FOR ROLE fieldapp_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO fieldapp_figures;
