"""Signed documents on screen and on paper: the viewer, printing, lists and a day's agreements."""
