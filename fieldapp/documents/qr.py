"""The record QR code (payload: see model.qr_payload) drawn as one vector path."""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.platypus import Flowable

QUIET = 2  # modules of white border; scanners want some, the page margin supplies the rest


def modules(text: str) -> list[list[bool]]:
    """The QR matrix (error correction M, smallest version that fits)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


class QrCode(Flowable):
    """A square QR code of ``size`` points, dark modules filled as one path (small, fast)."""

    def __init__(self, text: str, size: float):
        super().__init__()
        self.matrix = modules(text)
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        count = len(self.matrix) + 2 * QUIET
        step = self.size / count
        path = self.canv.beginPath()
        for r, row in enumerate(self.matrix):
            for c, dark in enumerate(row):
                if dark:  # rows run top-down, PDF y runs bottom-up
                    path.rect((c + QUIET) * step, self.size - (r + QUIET + 1) * step, step, step)
        self.canv.saveState()
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()
