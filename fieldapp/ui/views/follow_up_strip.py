"""A line above a customer's tabs naming what is pending: promises due or broken, disputes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services.followups import FollowUp
from ..labels import label
from ..models.follow_ups import what, when
from .. import formats
from .common import Banner, Retranslating

MAX_ITEMS = 4  # more than this and the strip says how many more


class FollowUpStrip(Retranslating, Banner):
    """Hidden when nothing is pending for the customer on screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[FollowUp] = []
        self.hide()

    def set_follow_ups(self, items) -> None:
        self._items = list(items)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        items = self._items
        self.setVisible(bool(items))
        if not items:
            return
        lines = [self._line(f) for f in items[:MAX_ITEMS]]
        if len(items) > MAX_ITEMS:
            rest = len(items) - MAX_ITEMS
            lines.append(formats.counted(self.tr("… and %n more", "", rest), rest))
        self.setText(self.tr("Follow-ups:") + "\n" + "\n".join(lines))

    @staticmethod
    def _line(f: FollowUp) -> str:
        amount = f" {formats.money(f.amount)}" if f.amount else ""
        return f"• {label(f.kind)}: {what(f)}{amount} — {when(f)}"
