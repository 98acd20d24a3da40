"""Documents an amendment replaces are marked with their replacement, and stay verifiable."""

from dataclasses import replace
from datetime import timedelta

from pyhanko.keys import load_cert_from_pemder

from fieldapp.documents import verify
from fieldapp.documents.keys import trusted_ca_file
from fieldapp.domain.superseded import replaced_by, successor_record
from fieldapp.services.documents import DocumentKind
from tests.conftest import ON_BOTH_DATABASES
from tests.unit.test_documents_service import NOW, complete, money_and_plan, world  # noqa: F401


def test_the_successor_of_a_record_and_of_an_agreement_is_derived_from_its_number():
    assert successor_record("A1B2C3D4-20261122-3F9A1C") == "A1B2C3D4-20261122-3F9A1C/2"
    assert successor_record("A1B2C3D4-20261122-3F9A1C/2-P1") == "A1B2C3D4-20261122-3F9A1C/3"
    new = {"A-20261122-3F9A1C/2", "A-20261122-3F9A1C/2-P1"}
    assert replaced_by("agreement", "A-20261122-3F9A1C-P1", new) == "A-20261122-3F9A1C/2-P1"
    # The amendment dropped the second plan: its record replaces that agreement.
    assert replaced_by("agreement_print", "A-20261122-3F9A1C-P2", new) == "A-20261122-3F9A1C/2"
    assert replaced_by("receipt", "A1B2C3D4-000042", new) == ""


@ON_BOTH_DATABASES
def test_an_amended_agreement_is_marked_replaced_everywhere_and_stays_verifiable(world):
    visits, documents, ids, clock, home = world
    cash, plan = money_and_plan(visits._store, ids["vi"])
    final, _ = visits.finalize(complete(visits.start(ids["vi"]), "Nguyễn Thị Hường", cash, plan))
    documents.agreement_for_print(final.uuid)
    before = {d.kind: d for d in documents.of_visit(final.uuid)}
    assert all(d.replaced_by == "" for d in before.values())
    clock.value = NOW + timedelta(hours=1)
    draft = visits.amend(final.uuid, "Khách hàng xin đổi kỳ đầu")
    lines = (replace(plan.lines[0], due_on=plan.lines[0].due_on + timedelta(days=2)),) + plan.lines[1:]
    fixed = complete(draft, "Nguyễn Thị Hường", final.outcomes[0], replace(plan, lines=lines))
    amended, _ = visits.finalize(replace(fixed, amends=final.uuid, amend_reason=draft.amend_reason))
    new = {d.kind: d for d in documents.of_visit(amended.uuid)}
    old = {d.kind: d for d in documents.of_visit(final.uuid)}
    assert old[DocumentKind.AGREEMENT].replaced_by == new[DocumentKind.AGREEMENT].number
    assert old[DocumentKind.AGREEMENT_PRINT].replaced_by == new[DocumentKind.AGREEMENT].number
    assert old[DocumentKind.VISIT_RECORD].replaced_by == new[DocumentKind.VISIT_RECORD].number
    assert old[DocumentKind.RECEIPT].replaced_by == ""  # money taken stays taken
    assert all(d.replaced_by == "" for d in new.values())
    listed = {d.id: d.replaced_by for d in documents.of_customer(ids["vi"])}
    assert listed[old[DocumentKind.AGREEMENT].id] == new[DocumentKind.AGREEMENT].number
    day = {n.info.id: n.info.replaced_by for n in documents.agreements_made_on(NOW.date())}
    assert day == {old[DocumentKind.AGREEMENT].id: new[DocumentKind.AGREEMENT].number,
                   old[DocumentKind.AGREEMENT_PRINT].id: new[DocumentKind.AGREEMENT].number,
                   new[DocumentKind.AGREEMENT].id: ""}
    roots = [load_cert_from_pemder(str(trusted_ca_file(home)))]
    assert verify.verify_bytes(documents.pdf(old[DocumentKind.AGREEMENT].id), roots).ok
