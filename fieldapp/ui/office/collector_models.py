"""Table models of the collectors tab: collectors with their loads, customers, assignment history."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex

from ...i18n.languages import NATIVE_NAMES
from .. import formats
from ..models.table import RIGHT, Column, RecordTableModel


def _state(active: bool) -> str:
    return (QCoreApplication.translate("CollectorsModel", "Active") if active
            else QCoreApplication.translate("CollectorsModel", "Inactive"))


def _nobody(name: str) -> str:
    return name or QCoreApplication.translate("AssignmentLogModel", "No collector")


def _devices(collector) -> str:
    """One line per enrolled laptop: its short id and the day it was enrolled."""
    if not collector.devices:
        return QCoreApplication.translate("CollectorsModel", "No laptop enrolled")
    lines = []
    for device in collector.devices:
        day = formats.day(device.enrolled_at.astimezone().date())
        lines.append(QCoreApplication.translate(
            "CollectorsModel", "{device}: enrolled {day}, revoked").format(
                device=device.short_id, day=day) if device.revoked else
            QCoreApplication.translate("CollectorsModel", "{device}: enrolled {day}").format(
                device=device.short_id, day=day))
    return "\n".join(lines)


class CollectorsModel(RecordTableModel):
    """One row per CollectorLoad."""

    NAME, PHONE, LANGUAGE, STATE, CUSTOMERS, FOLLOW_UPS, LAPTOPS, OVERDUE = range(8)

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Collector"), lambda x: x.collector.name),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Phone"), lambda x: x.collector.phone),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Language"),
                   lambda x: NATIVE_NAMES.get(x.collector.language, x.collector.language)),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "State"),
                   lambda x: _state(x.collector.active)),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Customers"),
                   lambda x: formats.number(x.customers), RIGHT, sort=lambda x: x.customers),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Open follow-ups"),
                   lambda x: formats.number(x.follow_ups), RIGHT, sort=lambda x: x.follow_ups),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Laptops"),
                   lambda x: formats.number(x.collector.laptops), RIGHT,
                   sort=lambda x: x.collector.laptops, tooltip=lambda x: _devices(x.collector)),
            Column(QT_TRANSLATE_NOOP("CollectorsModel", "Overdue"),
                   lambda x: formats.moneys(x.overdue), RIGHT),
        ), "CollectorsModel", parent=parent)

    def row_of(self, collector_id: str | None) -> int:
        for row, load in enumerate(self.records()):
            if load.collector.id == collector_id:
                return row
        return -1


class AssignedCustomersModel(RecordTableModel):
    """Customers (AssignedCustomer), paged in: ``fetch_more(after_code)`` asks for the next
    page, which arrives through ``append_page``."""

    def __init__(self, fetch_more, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AssignedCustomersModel", "Code"), lambda c: c.code),
            Column(QT_TRANSLATE_NOOP("AssignedCustomersModel", "Customer"), lambda c: c.name),
            Column(QT_TRANSLATE_NOOP("AssignedCustomersModel", "District"), lambda c: c.district),
            Column(QT_TRANSLATE_NOOP("AssignedCustomersModel", "Territory"),
                   lambda c: c.territory),
            Column(QT_TRANSLATE_NOOP("AssignedCustomersModel", "Overdue"),
                   lambda c: formats.moneys(c.overdue), RIGHT),
        ), "AssignedCustomersModel", parent=parent)
        self._fetch_more = fetch_more
        self._more = False
        self._asking = False

    def set_page(self, records, more: bool) -> None:
        self._more, self._asking = more, False
        self.set_records(records)

    def append_page(self, records, more: bool) -> None:
        self._more, self._asking = more, False
        self.append_records(records)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self._more and not self._asking

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt's name)
        if self.canFetchMore(parent) and self.rowCount():
            self._asking = True
            self._fetch_more(self.record(self.rowCount() - 1).code)


class BatchesModel(RecordTableModel):
    """One row per AssignmentBatch, newest first."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("BatchesModel", "When"), lambda b: formats.moment(b.at.astimezone())),
            Column(QT_TRANSLATE_NOOP("BatchesModel", "Who"), lambda b: b.actor),
            Column(QT_TRANSLATE_NOOP("BatchesModel", "Customers"),
                   lambda b: formats.number(b.customers), RIGHT),
            Column(QT_TRANSLATE_NOOP("BatchesModel", "To"),
                   lambda b: ", ".join(_nobody(n) for n in b.to_names)),
            Column(QT_TRANSLATE_NOOP("BatchesModel", "Note"), self._note),
        ), "BatchesModel", parent=parent)

    @staticmethod
    def _note(batch) -> str:
        if batch.undone_by:
            return QCoreApplication.translate("BatchesModel", "Undone")
        if batch.undoes:
            return QCoreApplication.translate("BatchesModel", "Undoes an earlier assignment")
        return ""


class AssignmentLogModel(RecordTableModel):
    """One row per AssignmentChange: when, who, which customer, from whom to whom."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AssignmentLogModel", "When"),
                   lambda c: formats.moment(c.at.astimezone())),
            Column(QT_TRANSLATE_NOOP("AssignmentLogModel", "Who"), lambda c: c.actor),
            Column(QT_TRANSLATE_NOOP("AssignmentLogModel", "Customer"),
                   lambda c: f"{c.customer_code} {c.customer_name}"),
            Column(QT_TRANSLATE_NOOP("AssignmentLogModel", "From"), lambda c: _nobody(c.from_name)),
            Column(QT_TRANSLATE_NOOP("AssignmentLogModel", "To"), lambda c: _nobody(c.to_name)),
            Column(QT_TRANSLATE_NOOP("AssignmentLogModel", "Note"),
                   lambda c: QCoreApplication.translate("AssignmentLogModel", "Undone")
                   if c.undone_by else ""),
        ), "AssignmentLogModel", parent=parent)
