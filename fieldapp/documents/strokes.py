"""Handwritten signatures: pad strokes drawn as vector paths, scaled into a box on the page."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..domain.visit import Signature
from .styles import INK, RULE

PAD = 3.0  # points kept clear inside the box
# A tiny scribble is not blown up beyond twice the scale that fits the whole pad.
MAX_ZOOM = 2.0


def _ink_box(strokes) -> tuple[float, float, float, float]:
    xs = [x for s in strokes for x, _ in s]
    ys = [y for s in strokes for _, y in s]
    return min(xs), min(ys), max(xs), max(ys)


def _scale(sig: Signature, ink_w: float, ink_h: float, w: float, h: float) -> float:
    room_w, room_h = w - 2 * PAD, h - 2 * PAD
    scale = min(room_w / max(ink_w, 1e-6), room_h / max(ink_h, 1e-6))
    if sig.width and sig.height:
        scale = min(scale, MAX_ZOOM * min(room_w / sig.width, room_h / sig.height))
    return scale


def draw_signature(canvas, sig: Signature | None, x: float, y: float, w: float, h: float) -> None:
    """Draw ``sig`` centred in the box whose lower-left corner is (x, y); pad y grows downwards."""
    strokes = [s for s in (sig.strokes if sig else ()) if s]
    if not strokes:
        return
    x0, y0, x1, y1 = _ink_box(strokes)
    scale = _scale(sig, x1 - x0, y1 - y0, w, h)
    left = x + (w - (x1 - x0) * scale) / 2
    bottom = y + (h - (y1 - y0) * scale) / 2
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(1.1)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    for stroke in strokes:
        points = [(left + (px - x0) * scale, bottom + (y1 - py) * scale) for px, py in stroke]
        if len(points) == 1:  # a dot (the tittle of an i) is a stroke of one point
            canvas.circle(*points[0], 0.7, stroke=0, fill=1)
            continue
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class SignatureBox(Flowable):
    """A box holding a signature above a rule; empty boxes leave room for a wet signature."""

    def __init__(self, sig: Signature | None, width: float, height: float):
        super().__init__()
        self.sig, self.width, self.height = sig, width, height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        draw_signature(self.canv, self.sig, 0, 4, self.width, self.height - 4)
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 2, self.width, 2)
        self.canv.restoreState()
