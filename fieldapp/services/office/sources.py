"""Sources of receivables: the built-in presets and the supervisor's saved column mappings."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, fields, replace

from ...domain.errors import FieldappError, InvalidValue
from ...domain.instants import to_text
from ...domain.money import MINOR_UNITS
from ...importers.mapping import (DATE_ORDERS, DECIMAL_MARKS, GROUP_MARKS, NO_AMOUNT,
                                  NO_CUSTOMER, labels_problem, relabeled)
from ...importers.presets import BY_NAME, FIELDS, Preset
from ...store import receivables_repo

NAME_LIMIT = 40  # ar_source.name and invoice.source are VARCHAR(40)
PLAIN = "plain"  # what a mapping typed from scratch starts from


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

    def adjust(self, base: str | None, headers: dict[str, str], *, dates: str | None = None,
               decimal: str | None = None, group: str | None = None,
               currency: str | None = None, header_line: int | None = None) -> Preset:
        """The preset or saved mapping ``base`` (default: the plain one) with each field of
        ``headers`` read from that header label and the formats given; refused, by the import
        wizard's rules, when it names no customer or no amount or reads one header twice."""
        start = self.resolve(base or PLAIN)
        preset = relabeled(start, _checked_headers(headers),
                           **_checked_formats(start, dates, decimal, group, currency, header_line))
        _refuse(labels_problem(preset))
        return preset

    def delete(self, name: str) -> bool:
        """Forget a saved mapping (a built-in preset of that name is used again)."""
        with self.store.sessions.begin() as session:
            return receivables_repo.delete_source(session, name)


def _refuse(problem: tuple[str, str] | None) -> None:
    if problem is None:
        return
    if problem[0] == NO_CUSTOMER:
        raise InvalidValue("ar.mapping_no_customer")
    if problem[0] == NO_AMOUNT:
        raise InvalidValue("ar.mapping_no_amount")
    raise InvalidValue("ar.mapping_column_twice", header=problem[1])


def _checked_headers(headers: dict[str, str]) -> dict[str, str]:
    checked = {}
    for field, header in headers.items():
        if field not in FIELDS:
            raise InvalidValue("ar.unknown_field", field=field, fields=", ".join(FIELDS))
        header = unicodedata.normalize("NFC", (header or "").strip())
        if not header:
            raise InvalidValue("ar.empty_header", field=field)
        checked[field] = header
    return checked


def _checked_formats(start: Preset, dates, decimal, group, currency, header_line) -> dict:
    """The formats given, checked; those not given stay the base's."""
    formats = {"dates": dates or start.dates, "decimal": decimal or start.decimal,
               "group": start.group if group is None else group,
               "currency": (currency or start.currency).upper(),
               "header_line": start.header_line if header_line is None else (header_line or None)}
    if formats["dates"] not in DATE_ORDERS:
        raise InvalidValue("ar.date_order", dates=formats["dates"],
                           orders=", ".join(DATE_ORDERS))
    if (formats["decimal"] not in DECIMAL_MARKS or formats["group"] not in GROUP_MARKS
            or formats["decimal"] == formats["group"]):
        raise InvalidValue("ar.number_marks", decimal=formats["decimal"], group=formats["group"])
    if formats["currency"] not in MINOR_UNITS:
        raise InvalidValue("money.unsupported_currency", currency=formats["currency"])
    if (formats["header_line"] or 0) < 0:
        raise InvalidValue("ar.header_line", line=formats["header_line"])
    return formats


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
