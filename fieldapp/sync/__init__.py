"""Sync between laptops and the office: bundles (build, sign, verify, read) and enrollment."""
