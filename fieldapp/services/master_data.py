"""The collector's corrections of master data on the laptop: a contact's new phone, a new
contact, the customer's address. Each is applied here at once and kept as an edit record that
travels in the next day bundle with the version it was made on (the office judges it)."""

from __future__ import annotations

import uuid

from ..domain import master_data as md
from ..domain.errors import InvalidValue, NotFound
from ..domain.instants import to_text
from ..domain.master_data import MasterEdit
from ..store import master_edits
from .changes import Changes


class MasterData:
    def __init__(self, store, settings, now):
        self._store, self._settings, self._now = store, settings, now

    def change_address(self, customer_id: int, address: str, district: str,
                       province: str) -> Changes:
        """One edit per part that differs (none when nothing does)."""
        typed = {"address": address, "district": district, "province": province}
        clean = {f: md.clean_address_part(f, v) for f, v in typed.items()}
        device = self._settings.device_id()  # its own transaction: before ours
        with self._store.sessions.begin() as session:
            base = master_edits.base_of_customer(session, customer_id)
            if base is None:
                raise NotFound("master.no_customer", customer=customer_id)
            code, version, held = base
            for field, value in clean.items():
                if value != held[field]:
                    master_edits.record(session, self._edit(
                        device, code, md.CUSTOMER, "", field, held[field], value, version))
        return self._changes(customer_id)

    def change_phone(self, contact_id: int, phone: str) -> Changes:
        phone = md.clean_phone(phone)
        device = self._settings.device_id()  # its own transaction: before ours
        with self._store.sessions.begin() as session:
            base = master_edits.base_of_contact(session, contact_id)
            if base is None:
                raise NotFound("master.no_contact", contact=contact_id)
            customer_id, name, old, version = base
            if phone != old:
                code = master_edits.base_of_customer(session, customer_id)[0]
                master_edits.record(session, self._edit(
                    device, code, md.CONTACT, name, "phone", old, phone, version))
        return self._changes(customer_id)

    def add_contact(self, customer_id: int, name: str, phone: str) -> Changes:
        name, phone = md.clean_name(name), md.clean_phone(phone)
        device = self._settings.device_id()  # its own transaction: before ours
        with self._store.sessions.begin() as session:
            base = master_edits.base_of_customer(session, customer_id)
            if base is None:
                raise NotFound("master.no_customer", customer=customer_id)
            if master_edits.contact_named(session, customer_id, name):
                raise InvalidValue("master.contact_exists", name=name)
            master_edits.record(session, self._edit(
                device, base[0], md.CONTACT, name, "added", "", phone, 0))
        return self._changes(customer_id)

    def edits(self, customer_code: str) -> list[MasterEdit]:
        with self._store.sessions.begin() as session:
            return master_edits.laptop_edits(session, customer_code)

    def _edit(self, device, code, entity, contact, field, old, new, version) -> MasterEdit:
        return MasterEdit(str(uuid.uuid4()), code, entity, contact, field, old, new, version,
                          to_text(self._now()), device)

    @staticmethod
    def _changes(customer_id: int) -> Changes:
        return Changes(customers=frozenset({customer_id}), details=True)
