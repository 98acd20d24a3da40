"""`fieldapp office print agreements|statements … --out FILE`: one signed PDF for many customers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..domain.errors import FieldappError
from ..files import write_atomically
from ..paths import resolve_profile
from ..services.office.printing import StatementGroup
from ..sync import office_keys
from . import passphrase

REFUSED, CANNOT_WRITE = 1, 2


def main(services, args) -> int:
    printing = services.printing
    home = resolve_profile(args.home, office=True).home
    try:
        # What is wrong with the request, and a missing CA, are said before the passphrase.
        if args.print_kind == "agreements":
            printing.agreement_visits(args.day, args.route or "")
        else:
            group = _group(args)
            printing.statement_customers(group, args.as_of or services.now().date())
        office_keys.certificates(office_keys.keys_folder(home))
        secret = passphrase.ask(confirm=False)
        if args.print_kind == "agreements":
            printed = printing.agreements(args.day, args.route or "", home, secret)
        else:
            printed = printing.statements(group, args.as_of, home, secret)
    except FieldappError as error:
        print(f"fieldapp office print: {error}", file=sys.stderr)
        return REFUSED
    out = Path(args.out)
    try:
        write_atomically(out, printed.data)
    except OSError as error:
        print(f"fieldapp office print: {out} cannot be written: {error.strerror or error}",
              file=sys.stderr)
        return CANNOT_WRITE
    if args.json:
        print(json.dumps({"file": str(out), "kind": printed.kind, "pages": printed.pages,
                          "documents": printed.documents, "customers": printed.customers,
                          "signer": printed.signer,
                          "items": [{"customer": n, "first_page": p}
                                    for n, p in zip(printed.names, printed.starts)]},
                         ensure_ascii=False))
    else:
        print(f"{printed.pages} pages, {printed.documents} {printed.kind} for "
              f"{printed.customers} customers, signed by {printed.signer}, written to {out}")
    return 0


def _group(args) -> StatementGroup:
    if args.customers is not None:
        codes = tuple(c.strip() for c in args.customers.split(",") if c.strip())
        return StatementGroup(codes=codes) if codes else StatementGroup()
    return StatementGroup(collector=args.collector or "", route=args.route or "",
                          route_day=args.day)
