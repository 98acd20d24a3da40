"""Use cases: each owns its transaction and returns domain records."""
