"""The visit window: checklist steps, outcome editors, signature pads, finalization."""
