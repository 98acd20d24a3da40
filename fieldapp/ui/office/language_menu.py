"""View › Language: the UI language, switched live and remembered for this supervisor."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from ...i18n.languages import LANGUAGES, NATIVE_NAMES
from .. import language
from ..views.common import Retranslating


class LanguageMenu(Retranslating, QMenu):
    """"As the system", then each language named in itself (readable whatever is on screen)."""

    def __init__(self, preferences, parent=None):
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self._preferences = preferences
        self._group = QActionGroup(self)
        self.choices: dict[str, QAction] = {}
        for code in ("", *LANGUAGES):
            action = QAction(NATIVE_NAMES.get(code, ""), self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self._group.addAction(action)
            self.addAction(action)
            self.choices[code] = action
        self.choices[preferences.language].setChecked(True)
        self.retranslate_ui()

    def choose(self, code: str) -> None:
        """Remember ``code`` ("" = the system's) and show every window in it now."""
        self._preferences.language = code
        self.choices[code].setChecked(True)
        language.switch(QApplication.instance(), language.resolve(code or None))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.choices[""].setText(self.tr("As the system"))
