"""Item delegates: a name with a quieter second line, for the narrow route list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models.table import RECORD_ROLE

LINE_GAP = 2


class TwoLineDelegate(QStyledItemDelegate):
    """Draws the cell's text, and below it ``second_line(record)`` in the placeholder colour.

    The route pane is narrow: district and purpose under the name keep every stop readable
    without a horizontal scrollbar.
    """

    def __init__(self, second_line: Callable[[Any], str], parent=None):
        super().__init__(parent)
        self._second_line = second_line

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        first, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is None:
            return super().paint(painter, option, index)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        top, bottom = self._halves(rect.adjusted(3, 1, -3, -1))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        self._draw(painter, opt, top, first, QPalette.ColorRole.HighlightedText if selected
                   else QPalette.ColorRole.Text)
        second = self._second_line(index.data(RECORD_ROLE))
        self._draw(painter, opt, bottom, second, QPalette.ColorRole.HighlightedText if selected
                   else QPalette.ColorRole.PlaceholderText)
        painter.restore()

    @staticmethod
    def _halves(rect: QRect) -> tuple[QRect, QRect]:
        half = rect.height() // 2
        return (QRect(rect.left(), rect.top(), rect.width(), half),
                QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half))

    @staticmethod
    def _draw(painter: QPainter, opt: QStyleOptionViewItem, rect: QRect, text: str,
              role: QPalette.ColorRole) -> None:
        painter.setPen(opt.palette.color(role))
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         elided)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), row_height(option.fontMetrics.height()))


def row_height(font_height: int) -> int:
    """Two lines of text with room for Vietnamese stacked marks above and below."""
    return 2 * font_height + LINE_GAP + 10
