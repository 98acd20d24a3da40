"""The aging strip: one row per currency with its buckets, total and overdue."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from ...domain.aging import CurrencyAging
from ...domain.enums import AgingBucket
from .. import formats
from ..labels import label
from .table import RIGHT, Column, RecordTableModel

_OVERDUE = QBrush(QColor("#b3261e"))


class _BucketColumn(Column):
    """A bucket column: its header is the bucket's translated label."""

    def title(self, default_context: str) -> str:
        return label(AgingBucket(self.header))


def _bucket_column(bucket: AgingBucket) -> Column:
    # Overdue buckets read red where they hold money, so the strip shows where the pressure is.
    late = bucket is not AgingBucket.CURRENT
    return _BucketColumn(bucket.value, lambda a: _amount(a.amount(bucket)), RIGHT,
                         sort=lambda a: a.amount(bucket).minor,
                         foreground=lambda a: _OVERDUE if late and a.amount(bucket).minor else None)


def _amount(value) -> str:
    return formats.money(value) if value.minor else "–"


class AgingModel(RecordTableModel):
    """Rows are CurrencyAging records; amounts never mix currencies."""

    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("AgingModel", "Currency"), lambda a: a.currency),
            *(_bucket_column(b) for b in AgingBucket),
            Column(QT_TRANSLATE_NOOP("AgingModel", "Total"), lambda a: formats.money(a.total),
                   RIGHT, sort=lambda a: a.total.minor),
            Column(QT_TRANSLATE_NOOP("AgingModel", "Overdue"), lambda a: _amount(a.overdue),
                   RIGHT, sort=lambda a: a.overdue.minor,
                   foreground=lambda a: _OVERDUE if a.overdue.minor else None),
        ), "AgingModel", parent=parent)

    def set_aging(self, aging: tuple[CurrencyAging, ...]) -> None:
        self.set_records(aging)
