"""fieldapp: offline portfolio and visit records for field collectors of trade receivables."""

__version__ = "0.1.0"
