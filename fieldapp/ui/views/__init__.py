"""Widgets of the collector's window: route, customer list, customer file."""
