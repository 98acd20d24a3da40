"""Dialogs of the collector's window: recovery of drafts, settings, questions and reasons."""
