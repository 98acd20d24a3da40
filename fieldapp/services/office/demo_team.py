"""The demo office's six collectors and the territories (provinces, districts) each one covers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

# Collector ids and log ids are derived from the seed: the same demo gives the same rows.
_DEMO = uuid.UUID("0b6f3c1e-5a8d-4f7e-9d21-7c4e2a9b1f60")


@dataclass(frozen=True)
class DemoCollector:
    """One collector and where the customers are: a province (with some of its districts, or
    all of them), or a whole country."""

    name: str
    phone: str
    language: str
    territory: str
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # within the first province; empty: the whole provinces
    country: str = ""


_HCMC = "TP. Hồ Chí Minh"
_HCMC_CENTRE = ("Quận 1", "Quận 3", "Quận 5", "Quận 7", "Quận 10", "Quận Tân Bình",
                "Quận Tân Phú", "Quận Bình Thạnh", "Quận Gò Vấp")

# The demo portfolio's places (resources/demo): a southern collector for central Saigon and the
# Mekong, one for the outer districts and the industrial provinces around them, one for Hanoi,
# one for the north coast and the centre; the few customers in Taiwan and on the mainland have
# a collector who speaks their language. Names are spelt as each region spells them.
TEAM = (
    DemoCollector("Nguyễn Thị Kim Loan", "0903 418 275", "vi", "TP.HCM – trung tâm và Cần Thơ",
                  (_HCMC, "Cần Thơ"), _HCMC_CENTRE),
    DemoCollector("Trần Minh Phúc", "0918 062 534", "vi", "TP.HCM – ngoại thành, Bình Dương, "
                  "Đồng Nai", (_HCMC, "Bình Dương", "Đồng Nai")),
    DemoCollector("Phạm Đức Thắng", "0912 735 106", "vi", "Hà Nội – Bắc Ninh",
                  ("Hà Nội", "Bắc Ninh")),
    DemoCollector("Hoàng Thị Thu Trang", "0936 580 412", "vi", "Duyên hải Bắc Bộ – miền Trung",
                  ("Hải Phòng", "Quảng Ninh", "Nghệ An", "Đà Nẵng", "Khánh Hòa")),
    DemoCollector("林志明", "0912-345-678", "zh_TW", "Đài Loan", country="TW"),
    DemoCollector("王建国", "138 1234 5678", "zh_CN", "Trung Quốc đại lục", country="CN"),
)


def collector_id(seed: int, index: int) -> str:
    return str(uuid.uuid5(_DEMO, f"{seed}/collector/{index}"))


def derived_id(seed: int, *parts) -> str:
    """A stable id for a row of the demo (the assignment batch, its log lines)."""
    return str(uuid.uuid5(_DEMO, "/".join(map(str, (seed, *parts)))))


def covering(country: str, province: str, district: str) -> int | None:
    """The index in TEAM of the collector whose territory holds this place."""
    for index, member in enumerate(TEAM):
        if member.country:
            if member.country == country:
                return index
            continue
        if country != "VN" or province not in member.provinces:
            continue
        if province == member.provinces[0] and member.districts \
                and district not in member.districts:
            continue
        return index
    return None
