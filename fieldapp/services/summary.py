"""Moved to fieldapp.i18n.summary (documents use it too); kept until the window's imports follow."""

from ..i18n.summary import Section, default_clause, label, texts, visit_summary  # noqa: F401
