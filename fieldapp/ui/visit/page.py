"""The frame every step page shares: the hint on top, scrolling content, errors by field."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain.checklist import Step, localized
from .. import formats
from ..views.common import Retranslating
from .errors import ErrorLabel, error_text

CONTENT_WIDTH = 820  # long lines are hard to read; the form keeps to a comfortable width


class HintLabel(QLabel):
    """The step's advice from the seed articles, as a quiet box above the form."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("stepHint")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#stepHint { background: #e8f0fe; color: #1a3a6b;"
                           " border: 1px solid #b6c9ef; border-radius: 4px; padding: 6px 8px; }")


class Page(Retranslating, QScrollArea):
    """Base of the step pages; ``changed`` fires after each edit by the collector."""

    changed = Signal()

    def __init__(self, step: Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = step
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._touched: set[str] = set()
        self._show_all = False
        self._errors: list = []
        self._error_labels: dict[str, ErrorLabel] = {}
        inner = QWidget()
        inner.setMaximumWidth(CONTENT_WIDTH)
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(12, 10, 12, 10)
        self.hint = HintLabel(localized(step.hint, formats.ui_language()))
        self.body.addWidget(self.hint)
        self.setWidget(inner)

    # -- errors -----------------------------------------------------------------------------
    def set_setup(self, setup) -> None:
        """Fresh balances from the store (another window took money); what was typed stays."""
        self.setup = setup

    def error_label(self, name: str) -> ErrorLabel:
        label = self._error_labels.get(name)
        if label is None:
            label = self._error_labels[name] = ErrorLabel()
        return label

    def touch(self, name: str) -> None:
        """The collector edited ``name``: its last verdict is stale until the next check."""
        self._touched.add(name)
        self._errors = [e for e in self._errors if e.field != name]

    def show_all_errors(self) -> None:
        """After Next was refused: every problem shows, touched or not."""
        self._show_all = True
        self._render_errors()

    def set_errors(self, errors) -> None:
        self._errors = list(errors)
        self._render_errors()

    def visible(self, name: str) -> bool:
        return self._show_all or name in self._touched

    def _render_errors(self) -> None:
        for name, label in self._error_labels.items():
            label.set_messages(self.messages_for(name))

    def messages_for(self, name: str) -> list[str]:
        local = self.local_problem(name)
        found = [error_text(e) for e in self._errors if e.field == name] if self.visible(name) else []
        return ([local] if local else []) + found

    def local_problem(self, name: str) -> str:
        """A problem the page sees itself (text that is not an amount)."""
        return ""

    def first_error_widget(self) -> QWidget | None:
        return None

    def focus_first(self) -> None:
        """Put the keyboard in the first field (or the first with a problem), scrolled into view
        with the message under it."""
        target = self.first_error_widget() or self.first_field()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)
            # After the layout gave the new error lines their room.
            QTimer.singleShot(0, lambda: self._scroll_to(target))

    def _scroll_to(self, target: QWidget) -> None:
        try:
            self.ensureWidgetVisible(target, 20, 60)  # 60 px: the error line below shows too
        except RuntimeError:  # the page went away meanwhile (window closed)
            pass

    def first_field(self) -> QWidget | None:
        return None

    def retranslate_ui(self) -> None:
        self.hint.setText(localized(self.step.hint, formats.ui_language()))
        self._render_errors()
