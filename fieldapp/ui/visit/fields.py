"""Editors for checklist items (text, yes/no, choices); each holds a JSON-ready answer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QGridLayout, QHBoxLayout,
                               QLineEdit, QPlainTextEdit, QRadioButton, QWidget)

from ...domain.checklist import Item, localized
from ...domain.text_limits import LIMITS, LONG_TEXT, SHORT_TEXT
from ..kept_texts import KeptTexts
from .text_limit import LengthCounter

RADIO_LIMIT = 3  # up to this many options show as radio buttons, more as a drop-down list


class Field(KeptTexts, QWidget):
    """Base of the item editors: ``changed`` fires on user edits, not on ``set_value``."""

    changed = Signal()

    def __init__(self, item: Item, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.language = language
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def problem(self) -> str:
        """A problem only the editor can see (text that is not an amount); '' when none."""
        return ""

    def _add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self._layout.addWidget(widget, stretch)
        return widget


class TextField(Field):
    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        self.editor = self._add(QLineEdit(), 1)
        self.editor.textEdited.connect(self.changed)
        self.counter = LengthCounter(self.editor, LIMITS.get(item.kind, SHORT_TEXT))
        self.setFocusProxy(self.editor)

    def value(self) -> str:
        return self.editor.text()

    def set_value(self, value) -> None:
        self.editor.setText(value or "")


class LongTextField(Field):
    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        self.editor = self._add(QPlainTextEdit(), 1)
        self.editor.setTabChangesFocus(True)  # Tab moves on: the visit is done by keyboard
        self.editor.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.editor.textChanged.connect(self._edited)
        self.counter = LengthCounter(self.editor, LIMITS.get(item.kind, LONG_TEXT))
        self._loading = False
        self.setFocusProxy(self.editor)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def value(self) -> str:
        return self.editor.toPlainText()

    def set_value(self, value) -> None:
        self._loading = True
        self.editor.setPlainText(value or "")
        self._loading = False


class BoolField(Field):
    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        self.editor = self._add(QCheckBox(item.text(language)), 1)
        self.editor.clicked.connect(self.changed)
        self.setFocusProxy(self.editor)

    def value(self) -> bool:
        return self.editor.isChecked()

    def set_value(self, value) -> None:
        self.editor.setChecked(bool(value))


class RadioField(Field):
    """A few exclusive options side by side; arrows move between them."""

    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        self.group = QButtonGroup(self)
        self.buttons = {}
        for option in item.options:
            button = self._add(QRadioButton(localized(option.label, language)))
            self.group.addButton(button)
            self.buttons[option.id] = button
        self._layout.addStretch(1)
        self.group.buttonClicked.connect(lambda _b: self.changed.emit())
        self.setFocusProxy(next(iter(self.buttons.values())))

    def value(self) -> str | None:
        return next((key for key, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)


class ComboField(Field):
    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        self.editor = self._add(QComboBox(), 1)
        for option in item.options:
            self.editor.addItem(localized(option.label, language), option.id)
        self.editor.setCurrentIndex(-1)  # no silent default: the collector picks
        self.editor.activated.connect(lambda _i: self.changed.emit())
        self.setFocusProxy(self.editor)

    def value(self) -> str | None:
        return self.editor.currentData()

    def set_value(self, value) -> None:
        self.editor.setCurrentIndex(self.editor.findData(value))


class MultiField(Field):
    COLUMNS = 3

    def __init__(self, item, language, parent=None):
        super().__init__(item, language, parent)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(grid, 1)
        self.boxes = {}
        for n, option in enumerate(item.options):
            box = QCheckBox(localized(option.label, language))
            box.clicked.connect(self.changed)
            grid.addWidget(box, n // self.COLUMNS, n % self.COLUMNS)
            self.boxes[option.id] = box
        self.setFocusProxy(next(iter(self.boxes.values())))

    def value(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value) -> None:
        for key, box in self.boxes.items():
            box.setChecked(key in (value or ()))
