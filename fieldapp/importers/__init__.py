"""Receivables exports (CSV) read into domain records: encodings, header rows, row kinds, presets."""

from .importer import Import

__all__ = ["Import"]
