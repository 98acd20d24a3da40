"""Thin Qt models over domain records; each is usable and tested without a window."""
