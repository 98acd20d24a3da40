"""The UI languages and which one a system locale ('vi_VN', 'zh-Hant-HK', 'de_DE') asks for."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

LANGUAGES = ("en", "vi", "zh_TW", "zh_CN")
# Each language's name in itself: a language picker must be readable by whoever needs it.
NATIVE_NAMES = {"en": "English", "vi": "Tiếng Việt", "zh_TW": "繁體中文（台灣）",
                "zh_CN": "简体中文（中国）"}
_TRADITIONAL_REGIONS = {"tw", "hk", "mo", "hant"}


def language_for_locale(name: str) -> str | None:
    """Our language for one locale name, or None if we don't carry it ('de_DE')."""
    parts = name.replace("-", "_").split(".")[0].split("@")[0].lower().split("_")
    if parts[0] == "vi":
        return "vi"
    if parts[0] == "zh":
        return "zh_TW" if _TRADITIONAL_REGIONS & set(parts[1:]) else "zh_CN"
    if parts[0] == "en":
        return "en"
    return None


def first_language(names: Iterable[str], fallback: str = "en") -> str:
    """The first of ``names`` (preferred first) that we carry, else ``fallback``."""
    for name in names:
        language = language_for_locale(name) if name else None
        if language:
            return language
    return fallback


def environment_locales(env: Mapping[str, str] = os.environ) -> list[str]:
    """The POSIX locale variables in the order gettext reads them (LANGUAGE may list several)."""
    names = env.get("LANGUAGE", "").split(":")
    names += [env.get(var, "") for var in ("LC_ALL", "LC_MESSAGES", "LANG")]
    return [n for n in names if n and n not in ("C", "POSIX")]
