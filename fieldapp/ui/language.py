"""The UI language: chosen from the setting or the system, switched live with new translators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..i18n.languages import LANGUAGES, environment_locales, first_language
from ..paths import resource_dir
from . import formats
from .fonts import font_for

# Translators installed by switch(), kept so the next switch can take them out again.
_installed: list[QTranslator] = []
# The profile's language noted in the clear (services.before_unlock): what everything before
# the unlock speaks, since the setting itself is inside the encrypted database.
_profile_language: str | None = None


def prefer(language: str | None) -> None:
    """Speak ``language`` (when it is one of ours) wherever no setting is at hand yet."""
    global _profile_language
    _profile_language = language if language in LANGUAGES else None


def system_language() -> str:
    """What the system asks for: vi* → vi, zh_TW/zh_HK/zh_Hant → zh_TW, zh* → zh_CN, else en."""
    return first_language([*QLocale.system().uiLanguages(), QLocale.system().name(),
                           *environment_locales()])


def resolve(stored: str | None) -> str:
    """The language to show: the one chosen in Settings, else (before the unlock, when the
    setting cannot be read) the one the profile noted, else the system's."""
    if stored in LANGUAGES:
        return stored
    return _profile_language if stored is None and _profile_language else system_language()


def translations_dir() -> Path:
    """Built .qm files sit next to ``resources/`` (checkout and bundle alike)."""
    return resource_dir().parent / "translations"


def _load(app: QApplication, name: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    return translator if translator.load(name, folder) else None


def switch(app: QApplication, language: str, folder: Path | None = None) -> list[QTranslator]:
    """Make ``language`` the UI language now.

    Installing a translator sends QEvent.LanguageChange to every widget, and each window's
    ``retranslate_ui()`` runs; formats follow first, so re-rendered dates and money do too.
    Qt's own texts (standard buttons) come from qtbase_<language>.qm where PySide6 ships one.
    """
    formats.set_ui_language(language)
    language = formats.ui_language()
    # Qt tells the windows only when a translator with messages comes or goes.
    told = any(not t.isEmpty() for t in _installed)
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Even English wants its .qm: it holds the plural forms ("1 delivery doesn't…").
    for name, where in ((f"qtbase_{language}", qt_folder),
                        (f"fieldapp_{language}", str(folder or translations_dir()))):
        translator = _load(app, name, where)
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
            told = told or not translator.isEmpty()
    app.setFont(font_for(language))
    if not told:
        # No translator came or went (English without a built .qm), yet dates and numbers
        # still change: tell every window as installTranslator would have.
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    return list(_installed)


def uninstall(app: QApplication) -> None:
    """Back to the English sources with no translator (tests restore the application so)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    formats.set_ui_language("en")
