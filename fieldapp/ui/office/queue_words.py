"""The words of the Queues tab: each queue's name and empty state, ages, hours left, next steps."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from ...domain import queues as q
from ...domain.visit import DisputeReason, NextStep
from .. import formats
from ..labels import label

def _names() -> dict[str, str]:
    return {
        q.DISPUTES: QCoreApplication.translate("QueueWords", "Disputes"),
        q.PROMISES_DUE: QCoreApplication.translate("QueueWords", "Promises due today"),
        q.PROMISES_BROKEN: QCoreApplication.translate("QueueWords", "Broken promises"),
        q.PROMISES_PARTIAL: QCoreApplication.translate("QueueWords", "Partially kept promises"),
        q.NOTES: QCoreApplication.translate("QueueWords", "Notes to the supervisor"),
        q.LEGAL: QCoreApplication.translate("QueueWords", "Refusals heading for the legal route"),
        q.ISSUES: QCoreApplication.translate("QueueWords", "Records with issues"),
        q.MONEY: QCoreApplication.translate("QueueWords", "Money to confirm"),
    }


def _empty() -> dict[str, str]:
    return {
        q.DISPUTES: QCoreApplication.translate(
            "QueueWords", "No open disputes: every dispute imported so far is resolved."),
        q.PROMISES_DUE: QCoreApplication.translate(
            "QueueWords", "No promise falls due today that is not already kept."),
        q.PROMISES_BROKEN: QCoreApplication.translate(
            "QueueWords", "No promise was broken in the last 30 days."),
        q.PROMISES_PARTIAL: QCoreApplication.translate(
            "QueueWords", "No promise was only partly kept in the last 30 days."),
        q.NOTES: QCoreApplication.translate(
            "QueueWords", "No notes waiting: a note leaves this queue once its record is "
                          "reviewed in the Inbox."),
        q.LEGAL: QCoreApplication.translate(
            "QueueWords", "No refusal is waiting to be handed over to the legal route."),
        q.ISSUES: QCoreApplication.translate(
            "QueueWords", "No record is marked as having issues."),
        q.MONEY: QCoreApplication.translate(
            "QueueWords", "No money taken on site waits for confirmation."),
    }


def name(queue: str) -> str:
    return _names().get(queue, queue)


def empty(queue: str) -> str:
    return _empty().get(queue, "")


def age(delta: timedelta) -> str:
    """'3 h' under a day, else '2 d 5 h'."""
    hours = max(int(delta.total_seconds() // 3600), 0)
    if hours < 24:
        return QCoreApplication.translate("QueueWords", "%1 h").replace("%1", formats.number(hours))
    return (QCoreApplication.translate("QueueWords", "%1 d %2 h")
            .replace("%1", formats.number(hours // 24)).replace("%2", formats.number(hours % 24)))


def entry(count: q.QueueCount, now: datetime) -> str:
    """A queue in the list: its name, count and the age of its oldest item."""
    if count.oldest is None:
        return QCoreApplication.translate("QueueWords", "%1 (none)").replace("%1", name(count.queue))
    return (QCoreApplication.translate("QueueWords", "%1 (%2, oldest %3)")
            .replace("%1", name(count.queue)).replace("%2", formats.number(count.count))
            .replace("%3", age(now - count.oldest)))


def hours(deadline: datetime, now: datetime) -> str:
    left = q.hours_left(deadline, now)
    if q.overdue(deadline, now):
        return QCoreApplication.translate("QueueWords", "Overdue by %1 h").replace(
            "%1", formats.number(-left))
    return QCoreApplication.translate("QueueWords", "%1 h left").replace("%1", formats.number(left))


def reason(item: q.QueueItem) -> str:
    """A dispute's claimed reason or a refusal's, in words."""
    if item.queue == q.DISPUTES:
        try:
            return label(DisputeReason(item.reason))
        except ValueError:
            return item.reason
    if item.queue in q.PROMISE_QUEUES:
        return (QCoreApplication.translate("QueueWords", "Installment line")
                if item.reason == "installment"
                else QCoreApplication.translate("QueueWords", "Promise to pay"))
    return item.reason


def next_step(step: q.NextStep) -> str:
    """What the record planned next, or that it did not say."""
    parts = []
    if step.follow_up_on is not None:
        parts.append(QCoreApplication.translate("QueueWords", "Follow up on %1").replace(
            "%1", formats.day(step.follow_up_on)))
    if step.revisit_on is not None:
        parts.append(QCoreApplication.translate("QueueWords", "Revisit on %1").replace(
            "%1", formats.day(step.revisit_on)))
    if step.refusal is not None:
        try:
            parts.append(label(NextStep(step.refusal)))
        except ValueError:
            parts.append(step.refusal)
    if step.next_visit is not None:
        parts.append(QCoreApplication.translate("QueueWords", "On the route on %1").replace(
            "%1", formats.day(step.next_visit)))
    if not parts:
        return QCoreApplication.translate("QueueWords", "None planned: the record sets no "
                                                        "follow-up day or revisit, and no "
                                                        "route has the customer yet.")
    return "; ".join(parts)
