"""Editors of the Resolve step: one card per outcome (money, promise, plan, dispute, …)."""
