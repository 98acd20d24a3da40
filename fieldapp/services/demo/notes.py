"""Customer notes (business, finances, personality) composed from the language's phrase lists."""

from __future__ import annotations

# Head-count ranges by kind of customer; they feed sentences such as 'Khoảng 40 nhân viên'.
_STAFF = {"shop": (2, 6), "agent": (5, 25), "company": (10, 120), "jsc": (60, 450),
          "private": (5, 30), "trading": (3, 20)}


def _pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def _num(rng, lo: int, hi: int) -> int:
    return lo + int(rng.random() * (hi - lo + 1))


def _join(pack, parts) -> str:
    # Chinese sentences carry their own full stops and no spaces between them.
    sep = " " if pack.country == "VN" else ""
    return sep.join(p for p in parts if p)


def business(rng, pack, c: dict) -> str:
    """What they sell, to whom, how big they are; occasionally one more remark."""
    text = pack.business
    staff_lo, staff_hi = _STAFF[c["kind"]]
    where = c["place"]
    values = {
        "what": pack.what[c["kind"]], "sells": c["category"]["sells"],
        "buyers": c["category"]["buyers"], "since": c["since_year"],
        "staff": _num(rng, staff_lo, staff_hi), "outlets": _num(rng, 2, 5),
        "trucks": _num(rng, 1, 4), "retailers": _num(rng, 20, 150),
        "revenue": _num(rng, *pack.revenue), "street": where["street"],
        "district": where["district"], "province": where["province"],
    }
    parts = (_pick(rng, text["open"]), _pick(rng, text["size"][c["kind"]]),
             _pick(rng, text["extra"]))
    return _join(pack, (p.format(**values) for p in parts))


def financial(rng, pack, c: dict) -> str:
    """One or two remarks on cash flow, loans and seasons that fit the payment profile."""
    phrases = pack.financial[c["profile"]]
    first = _pick(rng, phrases)
    second = _pick(rng, phrases) if rng.random() < 0.6 else ""
    values = {"bank": _pick(rng, pack.banks), "loan": _num(rng, 1, 20), "net": c["net_days"],
              "months": _num(rng, 2, 4), "trouble_since": c.get("trouble_since", "")}
    return _join(pack, (p.format(**values) for p in (first, second if second != first else "")))


def personality(rng, pack, c: dict) -> str:
    """How to deal with the person who decides: temper, habits and the best way to meet."""
    style = _pick(rng, pack.personality["style"]).format(boss=c["boss"])
    advice = _pick(rng, pack.personality["advice"])
    return pack.personality["format"].format(style=style, advice=advice)


def boss(pack, kind: str, owner: tuple) -> str:
    """How notes refer to the decision maker: 'Chị Hường', 'Anh Tuấn (giám đốc)', '陳老闆'."""
    title = pack.titles.get(owner[3], "")
    return pack.boss[kind].format(title=title, given=owner[2], surname=owner[1])


def trouble_since(pack, when) -> str:
    """The month a customer's trouble began, written the local way."""
    return pack.trouble_since.format(month=when.month, year=when.year)
