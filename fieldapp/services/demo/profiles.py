"""Payment behaviour of a customer: how late it pays, how often partly, and what that does to it."""

from __future__ import annotations

from .vocab import Weighted

# Most trade customers pay on time or a little late; a minority drags, a few are in real trouble.
PROFILES = Weighted([("punctual", 44), ("late", 32), ("very_late", 15), ("trouble", 9)])

# Days paid after the due date (negative: early), as (low, high) per profile.
DELAY = {"punctual": (-12, 5), "late": (2, 38), "very_late": (20, 115), "trouble": (5, 60)}
# Chance that an invoice is settled in two or three tranches instead of one.
SPLIT = {"punctual": 0.03, "late": 0.09, "very_late": 0.22, "trouble": 0.3}
# Chance that an old invoice is simply never paid (and sits in 90+).
SKIP = {"punctual": 0.0, "late": 0.004, "very_late": 0.035, "trouble": 0.05}
# How long the rest of a split invoice waits after the first tranche.
REST_WAIT = {"punctual": (7, 20), "late": (10, 60), "very_late": (30, 160), "trouble": (30, 120)}

STATUS = {
    "punctual": Weighted([("active", 97), ("slowing", 3)]),
    "late": Weighted([("active", 92), ("slowing", 8)]),
    "very_late": Weighted([("active", 68), ("slowing", 27), ("restructuring", 5)]),
    "trouble": Weighted([("slowing", 45), ("restructuring", 33), ("closed", 10), ("active", 12)]),
}

# Invoices per customer, 1 to 20, about 6 on average.
INVOICE_COUNT = Weighted([(1, 8), (2, 10), (3, 12), (4, 12), (5, 11), (6, 10), (7, 8), (8, 7),
                          (9, 5), (10, 4), (11, 3), (12, 2.5), (13, 2), (14, 1.5), (15, 1.2),
                          (16, 1), (17, 0.8), (18, 0.6), (19, 0.5), (20, 0.4)])

# Delivery outcome per invoice; customers that fight over quality see more problems.
PARTIAL_DELIVERY, PROBLEM_DELIVERY = 0.025, 0.015
# Share of problem/partial deliveries the customer still disputes (recent ones more often).
DISPUTE_IF = {"problem": 0.8, "partial": 0.45}
DISPUTE_RECENT_DAYS = 300


def delay(rng, profile: str) -> int:
    lo, hi = DELAY[profile]
    return lo + int(rng.random() * (hi - lo + 1))


def rest_wait(rng, profile: str) -> int:
    lo, hi = REST_WAIT[profile]
    return lo + int(rng.random() * (hi - lo + 1))
