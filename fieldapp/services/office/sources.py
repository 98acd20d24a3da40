"""Sources of receivables: the built-in presets and the supervisor's saved column mappings."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace

from ...domain.errors import FieldappError, InvalidValue
from ...domain.instants import to_text
from ...importers.presets import BY_NAME, FIELDS, Preset
from ...store import receivables_repo

NAME_LIMIT = 40  # ar_source.name and invoice.source are VARCHAR(40)


class UnknownSource(FieldappError):
    """A source name that is neither built in nor saved."""


class Sources:
    """``names()`` lists built-in presets and saved mappings (a saved one with a built-in's name
    replaces it); ``resolve(name)`` is the Preset an import reads with."""

    def __init__(self, store, now):
        self.store, self.now = store, now

    def names(self) -> list[str]:
        with self.store.sessions() as session:
            saved = receivables_repo.source_names(session)
        return sorted(set(BY_NAME) | set(saved))

    def saved_names(self) -> list[str]:
        with self.store.sessions() as session:
            return sorted(receivables_repo.source_names(session))

    def get(self, name: str) -> Preset | None:
        with self.store.sessions() as session:
            mapping = receivables_repo.load_source(session, name)
        if mapping is not None:
            return preset_from_json(mapping, name)
        return BY_NAME.get(name)

    def resolve(self, name: str) -> Preset:
        preset = self.get(name)
        if preset is None:
            raise UnknownSource("ar.unknown_source", source=name)
        return preset

    def save(self, name: str, preset: Preset) -> Preset:
        """Store ``preset`` under ``name`` (replacing a saved one); returns it as saved."""
        name = check_name(name)
        saved = replace(preset, name=name)
        with self.store.sessions.begin() as session:
            receivables_repo.save_source(session, name, preset.name, preset_to_json(saved),
                                         to_text(self.now()))
        return saved

    def delete(self, name: str) -> bool:
        """Forget a saved mapping (a built-in preset of that name is used again)."""
        with self.store.sessions.begin() as session:
            return receivables_repo.delete_source(session, name)


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > NAME_LIMIT:
        raise InvalidValue("ar.source_name", name=name, limit=NAME_LIMIT)
    return name


def preset_to_json(preset: Preset) -> str:
    data = asdict(preset)
    data["labels"] = {f: list(labels) for f, labels in preset.labels.items()}
    data["encodings"] = list(preset.encodings)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def preset_from_json(text: str, name: str) -> Preset:
    data = json.loads(text)
    known = {f.name for f in fields(Preset)}
    data = {k: v for k, v in data.items() if k in known}
    data["labels"] = {f: tuple(ls) for f, ls in data.get("labels", {}).items() if f in FIELDS}
    data["encodings"] = tuple(data.get("encodings", ()))
    data["name"] = name
    return Preset(**data)
