"""Demo vocabulary: the name, place and phrase lists of resources/demo, loaded once per language."""

from __future__ import annotations

import json
import unicodedata
from bisect import bisect
from functools import lru_cache
from itertools import accumulate

from ...domain.money import minor_units
from ...i18n.folding import fold
from ...paths import resource_dir

LANGUAGES = ("vi", "zh_TW", "zh_CN")


class Weighted:
    """Items with relative weights; ``pick`` costs one random() and a bisect, less than choices()."""

    __slots__ = ("items", "_cum", "_total")

    def __init__(self, pairs):
        items, weights = zip(*pairs)
        self.items = tuple(items)
        cum = list(accumulate(float(w) for w in weights))
        self._total = cum[-1]
        # An infinite last bound keeps a random() that rounds up to the total inside the table.
        cum[-1] = float("inf")
        self._cum = tuple(cum)

    def pick(self, rng):
        return self.items[bisect(self._cum, rng.random() * self._total)]


def _nfc(value):
    """Normalize every string of a loaded JSON tree: stored text is NFC (DESIGN §3)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def _raw(language: str) -> dict:
    """Merge ``<language>.json`` and ``<language>_*.json`` (one language is split by topic)."""
    folder = resource_dir() / "demo"
    merged: dict = {}
    for path in sorted(folder.glob(f"{language}*.json")):
        if path.stem == language or path.stem.startswith(language + "_"):
            merged.update(json.loads(path.read_text(encoding="utf-8")))
    if not merged:
        raise FileNotFoundError(f"no demo vocabulary for {language!r} in {folder}")
    return _nfc(merged)


class Pack:
    """Everything one language needs to invent customers, as tuples and weighted tables."""

    def __init__(self, raw: dict):
        for key in ("language", "country", "currency", "code_prefix", "what", "boss", "numbers",
                    "trouble_since", "receiver_role", "business", "financial", "personality"):
            setattr(self, key, raw[key])
        self.route = raw.get("route")  # only the collector's language (vi) has route purposes
        self._load_money(raw)
        self._load_customers(raw)
        self._load_payments(raw)
        self._load_people(raw)

    def _load_money(self, raw: dict) -> None:
        # JSON speaks in whole units (đồng, dollars, yuan); rows speak in minor units.
        scale = 10 ** minor_units(self.currency)
        self.amounts = {k: (lo * scale, hi * scale) for k, (lo, hi) in raw["amounts"].items()}
        self.amount_step, self.credit_step = raw["amount_step"], raw["credit_step"]
        self.cash_limit = raw["cash_limit"] * scale
        self.revenue = tuple(raw["revenue"])

    def _load_customers(self, raw: dict) -> None:
        self.kinds = Weighted(raw["kinds"])
        self.names = {kind: Weighted(t) for kind, t in raw["names"].items()}
        self.trade = tuple(raw.get("trade", ()))
        self.categories = Weighted((c, c["weight"]) for c in raw["categories"])
        self.roles = {kind: tuple(map(tuple, r)) for kind, r in raw["roles"].items()}
        self.titles = raw.get("titles", {})
        self.payer_notes = tuple(raw["contact_notes"]["payer"])
        self.other_notes = tuple(raw["contact_notes"]["other"])
        self.email_hosts, self.email_tlds = tuple(raw["email_hosts"]), tuple(raw["email_tlds"])
        self.mobile_prefixes = Weighted(raw["mobile_prefixes"])
        self.discrepancy = {s: tuple(t) for s, t in raw["discrepancy"].items()}

    def _load_payments(self, raw: dict) -> None:
        self.methods = Weighted(raw["methods"])
        self.banks = tuple(raw["banks"])
        self.references = {m: tuple(t) for m, t in raw["references"].items()}

    def _load_people(self, raw: dict) -> None:
        if self.country == "VN":
            self._load_vietnamese(raw)
        else:
            self.places = Weighted((p, p["weight"]) for p in raw["places"])
            self.surnames = Weighted(((s, r), w) for s, r, w in raw["surnames"])
            self.given = tuple(map(tuple, raw["given"]))
            self.brand_first = tuple(map(tuple, raw["brand_first"]))
            self.brand_second = tuple(map(tuple, raw["brand_second"]))

    def _load_vietnamese(self, raw: dict) -> None:
        self.places = Weighted((p, p["weight"]) for p in raw["provinces"])
        self.surnames = {"north": Weighted((s, n) for s, n, _ in raw["surnames"]),
                         "south": Weighted((s, so) for s, _, so in raw["surnames"])}
        # Central Vietnam spells like the north (Hoàng, Vũ) often enough to share its table.
        self.surnames["central"] = self.surnames["north"]
        self.middle = {"male": Weighted(raw["middle_male"]),
                       "female": Weighted(raw["middle_female"])}
        self.given = {"male": Weighted(raw["given_male"]), "female": Weighted(raw["given_female"])}
        self.second_middle = tuple(raw["second_middle_female"])
        self.nicknames = tuple(raw["nicknames_south"])
        self.brand_first, self.brand_second = tuple(raw["brand_first"]), tuple(raw["brand_second"])
        words = {s for s, _, _ in raw["surnames"]} | set(self.brand_first) | set(self.brand_second)
        words |= {w for table in ("given_male", "given_female") for w, _ in raw[table]}
        # E-mail addresses are ASCII; fold once here instead of per customer.
        self.ascii = {w: fold(w).replace(" ", "") for w in words}


@lru_cache(maxsize=None)
def pack(language: str) -> Pack:
    """The vocabulary of ``language`` (vi, zh_TW, zh_CN), loaded on first use."""
    return Pack(_raw(language))
