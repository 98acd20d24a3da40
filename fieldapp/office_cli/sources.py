"""`fieldapp office sources`: list, show, save (from a preset, adjusted) or delete mappings."""

from __future__ import annotations

import json
import sys

from ..domain.errors import FieldappError
from ..importers.presets import BY_NAME, FIELDS

# Exit statuses: done; nothing to delete; bad arguments (an unknown source, field or format).
DONE, NOT_SAVED, BAD_ARGUMENTS = 0, 1, 2


def main(services, args) -> int:
    action = args.sources_action or "list"
    try:
        if action == "list":
            return _list(services.sources, args)
        if action == "show":
            return _show(services.sources, args)
        if action == "save":
            return _save(services.sources, args)
        return _delete(services.sources, args)
    except FieldappError as error:
        print(f"fieldapp office sources: {error}", file=sys.stderr)
        return BAD_ARGUMENTS


def _list(sources, args) -> int:
    saved = set(sources.saved_names())
    rows = [{"name": name, "saved": name in saved, "built_in": name in BY_NAME}
            for name in sources.names()]
    if getattr(args, "json", False):
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return DONE
    for row in rows:
        mark = "saved" + (" (replaces the built-in one)" if row["built_in"] else "") \
            if row["saved"] else "built in"
        print(f"{row['name']:<24}  {mark}")
    return DONE


def _show(sources, args) -> int:
    preset = sources.resolve(args.name)
    shown = as_json(preset, saved=args.name in sources.saved_names())
    if getattr(args, "json", False):
        print(json.dumps(shown, ensure_ascii=False, indent=1))
        return DONE
    print(f"{preset.name} ({'saved' if shown['saved'] else 'built in'})")
    for field in FIELDS:
        labels = shown["columns"].get(field)
        print(f"  {field:<14} {' | '.join(labels) if labels else '-'}")
    print(f"  dates: {preset.dates}, decimal mark {preset.decimal!r}, group mark "
          f"{preset.group!r}, currency {preset.currency}")
    print(f"  header line: {preset.header_line or 'found in the file'}"
          f"{', ledger (debit and credit postings)' if preset.ledger else ''}")
    return DONE


def as_json(preset, saved: bool) -> dict:
    return {"name": preset.name, "saved": saved,
            "columns": {f: list(preset.labels[f]) for f in FIELDS if preset.labels.get(f)},
            "dates": preset.dates, "decimal": preset.decimal, "group": preset.group,
            "currency": preset.currency, "header_line": preset.header_line,
            "ledger": preset.ledger}


def _save(sources, args) -> int:
    headers = {}
    for given in args.column or ():
        field, sep, header = given.partition("=")
        if not sep:
            print(f"fieldapp office sources: --column {given!r}: write FIELD=HEADER, FIELD one "
                  f"of {', '.join(FIELDS)}", file=sys.stderr)
            return BAD_ARGUMENTS
        headers[field.strip()] = header
    preset = sources.adjust(args.base, headers, dates=args.dates, decimal=args.decimal,
                            group=args.group, currency=args.currency,
                            header_line=args.header_line)
    saved = sources.save(args.name, preset)
    if getattr(args, "json", False):
        print(json.dumps(as_json(saved, saved=True), ensure_ascii=False, indent=1))
    else:
        print(f"saved: {saved.name} (from {preset.name})")
    return DONE


def _delete(sources, args) -> int:
    if sources.delete(args.name):
        print(f"deleted: {args.name}")
        return DONE
    print(f"fieldapp office sources: there is no saved source called {args.name!r}"
          + (" (built-in presets cannot be deleted)" if args.name in BY_NAME else ""),
          file=sys.stderr)
    return NOT_SAVED
