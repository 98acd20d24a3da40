"""Receivables exports (CSV, XLSX) read into domain records: encodings, header rows, row kinds,
presets, aging buckets, sheets of a workbook."""

from .importer import Import
from .xlsx import sheet_names

__all__ = ["Import", "sheet_names"]
