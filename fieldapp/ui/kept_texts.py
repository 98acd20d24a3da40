"""Texts that follow the language: set once through keep(), set again on every LanguageChange."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox

from .labels import label


class KeptTexts:
    """Mixin for a QWidget: ``keep(apply)`` runs ``apply`` now and after each language switch.

    For widgets whose texts are set while building (captions, headers, buttons): the call
    that sets a text is kept, with its literal, instead of a second copy in retranslate_ui.
    """

    def keep(self, apply: Callable[[], None]) -> None:
        if "_kept" not in self.__dict__:
            self._kept: list[Callable[[], None]] = []
        self._kept.append(apply)
        apply()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for apply in self.__dict__.get("_kept", ()):
                apply()


def fill_choices(combo: QComboBox, values: Iterable[Enum]) -> None:
    """Enum members as choices (the value as item data), named in the UI language."""
    for value in values:
        combo.addItem(label(value), value.value)


def relabel_choices(combo: QComboBox, values: Iterable[Enum]) -> None:
    """Name the choices again after a language switch (the data, and the choice, stay)."""
    for index, value in enumerate(values):
        combo.setItemText(index, label(value))
