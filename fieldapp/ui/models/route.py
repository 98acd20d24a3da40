"""Today's route: planned stops in visiting order."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.records import RouteStop
from .. import formats
from .summary_columns import identity, summary_columns
from .table import CENTER, Column, RecordTableModel

_CONTEXT = "RouteModel"


def _summary(stop: RouteStop):
    return stop.customer


def _name_tooltip(stop: RouteStop) -> str:
    # The view shows the purpose elided under the name; the tooltip has all of it.
    return f"{identity(stop.customer)}\n{stop.purpose}"


class RouteModel(RecordTableModel):
    """One row per stop; ``RECORD_ROLE`` gives the RouteStop, ``customer_id`` its customer."""

    SEQ, TIME, NAME, DISTRICT, PURPOSE, OVERDUE, LATE = range(7)

    def __init__(self, parent=None):
        cols = summary_columns(_summary)
        super().__init__((
            Column(QT_TRANSLATE_NOOP("RouteModel", "#"), lambda s: formats.number(s.seq), CENTER,
                   sort=lambda s: s.seq),
            Column(QT_TRANSLATE_NOOP("RouteModel", "Time"), lambda s: formats.time_of_day(s.planned_time), CENTER),
            replace(cols["name"], tooltip=_name_tooltip),
            cols["district"],
            Column(QT_TRANSLATE_NOOP("RouteModel", "Purpose"), lambda s: s.purpose,
                   tooltip=lambda s: s.purpose),
            cols["overdue"],
            cols["late"],
        ), _CONTEXT, parent=parent)

    def customer_id(self, row: int) -> int:
        return self.record(row).customer.id
