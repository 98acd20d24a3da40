"""Addresses and phone numbers as they are written in Vietnam, Taiwan and mainland China."""

from __future__ import annotations

_ALLEY_LETTERS = "ABCD"


def _pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def _num(rng, lo: int, hi: int) -> int:
    return lo + int(rng.random() * (hi - lo + 1))


def place(rng, pack) -> dict:
    """A street address of the pack's country: address, ward, district, province, street."""
    if pack.country == "VN":
        return _vn_place(rng, pack)
    if pack.country == "TW":
        return _tw_place(rng, pack)
    return _cn_place(rng, pack)


def _vn_number(rng, region: str) -> str:
    """House numbers: plain, an alley '123/4A' (south, centre) or a Hanoi-style 'Số 12 ngõ 56'."""
    roll = rng.random()
    n = _num(rng, 1, 420)
    if roll < 0.6:
        return str(n)
    if region == "north":
        return f"Số {_num(rng, 1, 60)} ngõ {n}"
    tail = _pick(rng, _ALLEY_LETTERS) if roll > 0.9 else ""
    return f"{n}/{_num(rng, 1, 40)}{tail}"


def _vn_place(rng, pack) -> dict:
    province = pack.places.pick(rng)
    district = _pick(rng, province["districts"])
    ward, street = _pick(rng, district["wards"]), _pick(rng, district["streets"])
    # '45 3 Tháng 2' would misread; streets named after dates take 'đường'.
    shown = f"đường {street}" if street[:1].isdigit() else street
    address = f"{_vn_number(rng, province['region'])} {shown}, {ward}, {district['name']}, " \
              f"{province['name']}"
    return {"address": address, "ward": ward, "district": district["name"], "street": street,
            "province": province["name"], "region": province["region"], "info": province}


def _tw_place(rng, pack) -> dict:
    city = pack.places.pick(rng)
    district = _pick(rng, city["districts"])
    road = _pick(rng, district["streets"])
    lane = f"{_num(rng, 2, 180)}巷" if rng.random() < 0.25 else ""
    floor = f"{_num(rng, 2, 12)}樓" if rng.random() < 0.5 else ""
    number = f"{_num(rng, 1, 400)}號"
    address = f"{district['zip']}{city['name']}{district['name']}{road}{lane}{number}{floor}"
    return {"address": address, "ward": "", "district": district["name"], "street": road,
            "province": city["name"], "region": "", "info": city, "city": city["name"]}


def _cn_place(rng, pack) -> dict:
    area = pack.places.pick(rng)
    district = _pick(rng, area["districts"])
    road = _pick(rng, district["streets"])
    if rng.random() < 0.5:
        unit = f"{_num(rng, 2, 28)}楼"
    else:
        unit = f"{_num(rng, 1, 12)}栋{_num(rng, 1, 20)}{_num(rng, 1, 12):02d}室"
    address = f"{area['name']}{area['city']}{district['name']}{road}{_num(rng, 1, 2000)}号{unit}"
    return {"address": address, "ward": "", "district": f"{area['city']}{district['name']}",
            "street": road, "province": area["name"], "region": district["rc"], "info": area,
            "city": area["prefix"]}


def mobile(rng, pack) -> str:
    """A mobile number in the local written form: 0903 123 456, 0912-345-678, 138 1234 5678."""
    prefix = pack.mobile_prefixes.pick(rng)
    if pack.country == "VN":
        return f"{prefix}{_num(rng, 0, 9)} {_num(rng, 0, 999):03d} {_num(rng, 0, 999):03d}"
    if pack.country == "TW":
        return f"{prefix}-{_num(rng, 0, 999):03d}-{_num(rng, 0, 999):03d}"
    return f"{prefix} {_num(rng, 0, 9999):04d} {_num(rng, 0, 9999):04d}"


def landline(rng, pack, info: dict) -> str:
    """An office number of the customer's city with its area code."""
    area, digits = info["area"], info["digits"]
    first = _pick(rng, info.get("first", "3"))
    rest = f"{first}{_num(rng, 0, 10 ** (digits - 1) - 1):0{digits - 1}d}"
    if pack.country == "VN":
        return f"{area} {rest[:-4]} {rest[-4:]}"
    if pack.country == "TW":
        return f"({area}) {rest[:-4]}-{rest[-4:]}"
    return f"{area}-{rest}"
