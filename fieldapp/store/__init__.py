"""SQLAlchemy persistence: tables, engine, migrations and queries returning domain records."""
