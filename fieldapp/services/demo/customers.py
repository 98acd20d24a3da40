"""One customer: who it is (country, kind, name, place, profile) and whom we deal with there."""

from __future__ import annotations

from math import exp, log
from random import Random

from . import notes, people, places, profiles, taxcodes
from .vocab import pack as vocab_pack

BLOCK = 100
# The first block places Chinese customers early so a 30- or 300-customer demo shows them.
_FIXED = {3: "zh_TW", 7: "zh_CN", 12: "zh_TW", 18: "zh_CN", 25: "zh_TW", 31: "zh_CN"}
# Contacts beyond the owner: chance of a second and of a third person, by kind.
_MORE_CONTACTS = {"shop": (0.45, 0.1), "agent": (0.7, 0.3), "private": (0.6, 0.2)}
_MORE_DEFAULT = (0.95, 0.6)
_NAME_TRIES = 6
# What the README's search examples find in every demo, whatever its size and seed: the first
# Taiwanese customer trades as 永豐 and the first customer's owner has a 0903 966 mobile.
_README_BRAND = (3, "永豐")
_README_MOBILE = (1, "0903 966 ")


def language_of(k: int, ctx) -> str:
    """vi for ~98 % of customers; one Taiwanese and one mainland customer per block of 100."""
    if k <= BLOCK:
        return _FIXED.get(k, "vi")
    block = k // BLOCK
    slots = ctx.blocks.get(block)
    if slots is None:
        slots = tuple(Random(f"{ctx.seed}/block/{block}").sample(range(BLOCK), 2))
        ctx.blocks[block] = slots
    offset = k % BLOCK
    return "zh_TW" if offset == slots[0] else "zh_CN" if offset == slots[1] else "vi"


def draft(rng, k: int, ctx) -> dict:
    """The facts every later step needs, drawn in a fixed order from the customer's own Random."""
    pack = vocab_pack(language_of(k, ctx))
    kind, category = pack.kinds.pick(rng), pack.categories.pick(rng)
    where = places.place(rng, pack)
    region = where["region"] if pack.country == "VN" else "north"
    owner = people.person(rng, pack, region)
    brand, brand_ascii = people.brand(rng, pack, owner[1])
    if k == _README_BRAND[0] and pack.country == "TW":
        brand = _README_BRAND[1]  # drawn all the same, so later draws stay as they were
    profile = profiles.PROFILES.pick(rng)
    since_off = -(90 + int(rng.random() ** 1.6 * 4300))
    c = {"k": k, "pack": pack, "kind": kind, "category": category, "place": where, "region": region,
         "owner": owner, "brand": brand, "profile": profile, "since_off": since_off,
         "since_year": ctx.day(since_off).year, "status": profiles.STATUS[profile].pick(rng),
         "domain": people.company_domain(rng, pack, brand_ascii, kind),
         "boss": notes.boss(pack, kind, owner),
         "base_amount": _base_amount(rng, pack, kind, category)}
    c["name"] = _unique_name(rng, pack, c, ctx)
    if profile == "trouble":
        # Trouble starts 3–14 months ago, but not before a new customer's first weeks.
        c["trouble_off"] = min(-30, max(-(90 + int(rng.random() * 330)), since_off + 60))
        c["trouble_since"] = notes.trouble_since(pack, ctx.day(c["trouble_off"]))
    return c


def _base_amount(rng, pack, kind: str, category: dict) -> float:
    """A customer's typical invoice, log-uniform in its kind's range and scaled by trade."""
    lo, hi = pack.amounts[kind]
    return exp(log(lo) + rng.random() * (log(hi) - log(lo))) * category["scale"]


def _unique_name(rng, pack, c: dict, ctx) -> str:
    """A name no earlier customer has: Vietnamese enterprise names are unique nationwide."""
    for attempt in range(_NAME_TRIES):
        if attempt:  # taken: try other brand words (the e-mail domain follows the brand)
            c["brand"], brand_ascii = people.brand(rng, pack, c["owner"][1])
            c["domain"] = people.company_domain(rng, pack, brand_ascii, c["kind"])
        name = _name(rng, pack, c)
        if name not in ctx.names:
            break
    # A shop named after a common owner name may still repeat; households are not unique.
    ctx.names.add(name)
    return name


def _name(rng, pack, c: dict) -> str:
    template = pack.names[c["kind"]].pick(rng)
    sector = c["category"]["sector"]
    # Generic trade words, plus the trade's own ('Xây dựng và Thương mại' only for builders).
    trades = pack.trade + tuple(c["category"].get("trade", ()))
    trade = trades[int(rng.random() * len(trades))] if trades else ""
    if trade and "{sector}" in template and set(trade.split()) & set(sector.split()):
        trade = trades[0]  # not 'Xây dựng và Thương mại Vật liệu Xây dựng'
    return template.format(
        shop=c["category"]["shop"], sector=sector, brand=c["brand"], trade=trade,
        owner_tag=people.owner_tag(rng, pack, c["owner"], c["region"]),
        city=c["place"].get("city", ""))


def row(rng, c: dict, ctx) -> tuple:
    """The customer table row (needs the contracts' net days, so it is built after them)."""
    pack, where, k = c["pack"], c["place"], c["k"]
    phone = (places.mobile(rng, pack) if c["kind"] in ("shop", "agent") and rng.random() < 0.7
             else places.landline(rng, pack, where["info"]))
    credit = max(1, round(c["base_amount"] * (2 + rng.random() * 4) / pack.credit_step))
    return (k, f"{pack.code_prefix}{k:06d}", c["name"], _tax_code(pack, where, k, ctx.salt), phone,
            where["address"], where["district"], where["province"], pack.country, c["status"],
            notes.business(rng, pack, c), notes.financial(rng, pack, c),
            notes.personality(rng, pack, c), ctx.day(c["since_off"]), credit * pack.credit_step,
            pack.currency, pack.language)


def _tax_code(pack, where: dict, k: int, salt: int) -> str:
    if pack.country == "VN":
        return taxcodes.vn_mst(where["info"]["tax"], k, salt)
    if pack.country == "TW":
        return taxcodes.tw_ban(k, salt)
    return taxcodes.cn_uscc(where["region"], k, salt)


def contacts(rng, c: dict, ctx, out: list) -> list[tuple[str, str]]:
    """Append 1–3 contacts (the owner first, always with authority to pay); return (name, role)."""
    pack, kind, cid = c["pack"], c["kind"], c["k"]
    roles = pack.roles[kind]
    second, third = _MORE_CONTACTS.get(kind, _MORE_DEFAULT)
    extra = (rng.random() < second) + (rng.random() < third)
    chosen = [roles[0]] + rng.sample(roles[1:], min(extra, len(roles) - 1))
    found = []
    for i, (role, pay_chance) in enumerate(chosen):
        who = c["owner"] if i == 0 else people.person(rng, pack, c["region"])
        pays = i == 0 or rng.random() < pay_chance
        mobile = places.mobile(rng, pack)
        if (cid, i) == (_README_MOBILE[0], 0) and pack.country == "VN":
            mobile = _README_MOBILE[1] + mobile[-3:]
        out.append((ctx.next_id("contact"), cid, who[0], role, mobile,
                    _contact_email(rng, pack, c, who, role, i), pays,
                    _pick(rng, pack.payer_notes if pays else pack.other_notes)))
        found.append((who[0], role))
    return found


def _contact_email(rng, pack, c: dict, who: tuple, role: str, index: int) -> str:
    if index and rng.random() < 0.35:
        return ""  # warehouse and sales staff often have no address on file
    box = "ketoan" if "Kế toán" in role and c["domain"] and rng.random() < 0.5 else ""
    return people.email(rng, pack, who, c["domain"], box)


def _pick(rng, seq):
    return seq[int(rng.random() * len(seq))]
