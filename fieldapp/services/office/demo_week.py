"""The demo office's routes: this week, Monday to Saturday, for every collector; the most
pressing customers first (promises falling due, disputes, the oldest overdue), day by day
in one area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil
from random import Random

from ..demo.vocab import pack as vocab_pack

WORKING_DAYS = 6  # Monday to Saturday
MIN_STOPS, MAX_STOPS = 8, 12
# Why we go, for the collectors who do not work in Vietnamese (the demo vocabulary has the
# Vietnamese ones) and, in every language, for a promise falling due this week.
_PURPOSES = {
    "zh_TW": {"overdue": "催收逾期 {days} 天的發票", "severe": "協商逾期 {days} 天欠款的分期付款",
              "several": "催收 {count} 張逾期發票（最久 {days} 天）",
              "dispute": "核對送貨單，處理客訴後催收", "visit": "拜訪客戶，核對帳款",
              "promise": "確認 {day} 到期的付款承諾"},
    "zh_CN": {"overdue": "催收逾期 {days} 天的发票", "severe": "协商逾期 {days} 天欠款的分期付款",
              "several": "催收 {count} 张逾期发票（最久 {days} 天）",
              "dispute": "核对送货单，处理投诉后催收", "visit": "拜访客户，核对账款",
              "promise": "确认 {day} 到期的付款承诺"},
    "vi": {"promise": "Nhắc cam kết thanh toán đến hạn ngày {day}"},
}


@dataclass(frozen=True)
class Candidate:
    """A customer worth a visit and why: its place, its overdue facts, a promise due."""

    customer_id: int
    place: tuple[str, str, str]  # province, district, address: stops of a day stay close
    late_count: int
    days_late: int
    overdue_minor: int
    disputed: bool
    promise_on: date | None

    def urgency(self) -> tuple:
        return (self.promise_on is None, not self.disputed, -self.days_late,
                -self.overdue_minor, self.customer_id)


def week_of(today: date) -> list[date]:
    """Monday to Saturday of the week holding ``today`` (of the next one on a Sunday)."""
    monday = today - timedelta(days=today.weekday())
    if today.weekday() == 6:
        monday += timedelta(days=7)
    return [monday + timedelta(days=n) for n in range(WORKING_DAYS)]


def plan_week(candidates: list[Candidate], days: list[date], seed: int, index: int,
              language: str) -> list[tuple[date, int, Candidate, str, str]]:
    """Stops ``(day, seq, candidate, planned time, purpose)`` of one collector's week."""
    rng = Random(f"{seed}/office-routes/{index}")
    per_day = ceil(len(candidates) / len(days)) if candidates else 0
    sizes = [min(per_day, MIN_STOPS + int(rng.random() * (MAX_STOPS - MIN_STOPS + 1)))
             for _ in days]
    chosen = sorted(candidates, key=Candidate.urgency)[:sum(sizes)]
    chosen.sort(key=lambda c: (c.place, c.customer_id))  # area by area across the week
    stops, start = [], 0
    for day, size in zip(days, sizes):
        today_stops = chosen[start:start + size]
        start += size
        for seq, (cand, slot) in enumerate(zip(today_stops, times(len(today_stops))), start=1):
            stops.append((day, seq, cand, slot, purpose(rng, cand, language)))
    return stops


def times(n: int) -> list[str]:
    """Planned times: half the stops from 08:00, the rest after the lunch break at 13:30."""
    morning = (n + 1) // 2
    slots = []
    for start, count in ((8 * 60, morning), (13 * 60 + 30, n - morning)):
        step = min(60, 210 // max(count, 1) // 5 * 5)
        slots += [f"{m // 60:02d}:{m % 60:02d}" for m in range(start, start + count * step, step)]
    return slots


def purpose(rng: Random, cand: Candidate, language: str) -> str:
    """What the visit is for, in the collector's language."""
    own = _PURPOSES.get(language, {})
    if cand.promise_on is not None:
        return own["promise"].format(day=cand.promise_on.strftime("%d/%m"))
    kind = ("dispute" if cand.disputed else "severe" if cand.days_late > 90
            else "several" if cand.late_count > 1 else "overdue" if cand.late_count else "visit")
    if language == "vi":
        options = vocab_pack("vi").route[kind]
        text = options[int(rng.random() * len(options))]
    else:
        text = own[kind]
    return text.format(days=cand.days_late, count=cand.late_count)
