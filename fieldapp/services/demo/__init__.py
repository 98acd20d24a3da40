"""Deterministic demo portfolio: a Vietnamese distributor's customers, invoices and routes."""

from .generator import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]
