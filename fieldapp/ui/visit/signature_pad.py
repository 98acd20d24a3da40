"""A signature pad: mouse, touch or stylus strokes kept as vectors, with clear and redo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.validation import ink_length
from ...domain.visit import Signature


class SignaturePad(QWidget):
    """Collects strokes as lists of points; ``changed`` fires after every stroke, clear or redo."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(320, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[tuple[float, float]]] = []
        self._undone: list[list[tuple[float, float]]] = []
        self._drawing = False

    # -- data -------------------------------------------------------------------------------
    def strokes(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        return tuple(tuple(s) for s in self._strokes if len(s) > 1)

    def set_strokes(self, strokes) -> None:
        self._strokes = [list(s) for s in strokes]
        self._undone.clear()
        self.update()

    def signature(self, name: str, title: str) -> Signature:
        return Signature(name, title, self.strokes(), self.width(), self.height())

    def ink(self) -> float:
        return ink_length(Signature("", "", self.strokes()))

    def is_empty(self) -> bool:
        return not self.strokes()

    def clear(self) -> None:
        if self._strokes:
            self._undone = self._strokes
            self._strokes = []
            self.update()
            self.changed.emit()

    def undo(self) -> None:
        if self._strokes:
            self._undone.append(self._strokes.pop())
            self.update()
            self.changed.emit()

    def redo(self) -> None:
        if self._undone:
            self._strokes.append(self._undone.pop())
            self.update()
            self.changed.emit()

    # -- input ------------------------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._undone.clear()
        self._strokes.append([(round(pos.x(), 1), round(pos.y(), 1))])

    def _extend(self, pos: QPointF) -> None:
        if self._drawing:
            self._strokes[-1].append((round(pos.x(), 1), round(pos.y(), 1)))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event):
        self._extend(event.position())

    def mouseReleaseEvent(self, event):
        self._extend(event.position())
        self._end()

    def tabletEvent(self, event):
        # Accepting stops Qt from also sending the synthesized mouse events (points twice).
        event.accept()
        kind = event.type()
        if kind == event.Type.TabletPress:
            self._begin(event.position())
        elif kind == event.Type.TabletMove:
            self._extend(event.position())
        elif kind == event.Type.TabletRelease:
            self._end()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
        else:
            super().keyPressEvent(event)

    # -- drawing ----------------------------------------------------------------------------
    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b0b0b0"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        painter.setPen(QPen(QColor("#0b2a6b"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self._strokes:
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.setPen(QColor("#444"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
