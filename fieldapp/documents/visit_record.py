"""The visit record: who met whom, what was reviewed and said, every outcome, both signatures."""

from __future__ import annotations

from reportlab.platypus import Spacer

from ..domain.checklist import Checklist, customer_absent
from ..domain.validation import OVER_BALANCE_REASON
from ..domain.visit import OUTCOME_KINDS, InstallmentPlan, VisitKind
from ..i18n.formatting import format_datetime
from ..i18n.summary import answer_sections, label, outcome_rows
from . import layout, parts
from .model import RecordInput, numbered
from .styles import p
from .words import word

# The person met is printed in the header block, so the steps don't repeat it.
IN_HEADER = frozenset({"met_contact", "met_role", "authority_to_pay"})


def build(rec: RecordInput) -> bytes:
    """The unsigned PDF of ``rec`` in the customer's language."""
    return layout.build(*story(rec))


def story(rec: RecordInput) -> tuple[list, layout.Letterhead]:
    """The flowables of the record and its letterhead (the benchmark reuses the text)."""
    lang = rec.language
    title = word("call_record" if rec.visit.kind is VisitKind.CALL else "visit_record", lang)
    story = [p(title.upper() if lang in ("vi", "en") else title, "title"),
             p(f"{word('record_no', lang)}: {rec.number} · {word('revision', lang)} {rec.revision}"
               f" · {parts.finalized(rec)}", "subtitle"),
             _parties(rec), layout.heading(word("invoices_reviewed", lang)),
             parts.invoice_table(rec.invoices, rec.as_of, lang)]
    story += _steps(rec)
    story += _history(rec)
    story += [Spacer(1, 8), layout.KeepShort(_closing(rec))]
    return story, parts.letterhead(rec, title, word("record_no", lang), rec.number)


def _parties(rec: RecordInput):
    lang, c, v = rec.language, rec.customer, rec.visit
    w = lambda key: word(key, lang)  # noqa: E731
    place = c.full_address
    collector = ", ".join(x for x in (v.collector, rec.collector_title) if x)
    if customer_absent(v.answers):
        met = (w("person_met"), w("absent"))
    elif v.kind is VisitKind.CALL:
        met = (w("person_spoken_to"), parts.person_met(v, lang))
    else:
        met = (w("person_met"), parts.person_met(v, lang))
    left = [(w("customer"), c.name), (w("customer_code"), c.code), (w("tax_code"), c.tax_code),
            (w("address"), place), met]
    right = [(w("collector"), collector), (w("device"), v.device_id[:8].upper()),
             (w("started_at"), format_datetime(v.started_at, lang, "short")),
             (w("finalized_at"), parts.finalized(rec)), ("", "")]
    return layout.fields([row for pair in zip(left, right) for row in pair], pairs=2)


def _steps(rec: RecordInput) -> list:
    """Checklist steps in order, with the outcomes where the 'outcomes' item stands."""
    story = []
    for step in rec.checklist.steps:
        if any(item.kind == "outcomes" for item in step.items):
            story += _outcomes(rec)
            continue
        one = Checklist(rec.checklist.kind, rec.checklist.title, (step,))
        for section in answer_sections(rec.visit, one, rec.language, IN_HEADER):
            story += [layout.heading(section.title), layout.fields(section.rows, label_share=0.4)]
    return story


def _outcomes(rec: RecordInput) -> list:
    lang = rec.language
    story = []
    # The heading rides in the first block: a kept-together block cannot be kept with what
    # comes before it, so a heading alone could end a page.
    heading = [layout.heading(word("outcomes", lang))]
    for n, outcome in enumerate(rec.visit.outcomes, 1):
        title = f"{n}. {label('kinds', OUTCOME_KINDS[type(outcome)].value, lang)}"
        rows = outcome_rows(outcome, lang, rec.invoice_numbers())
        block, heading = heading + [p(title, "strong")], []
        if isinstance(outcome, InstallmentPlan):
            schedule = {label("fields", "down_payment", lang), label("fields", "installment", lang)}
            rows = tuple(r for r in rows if not any(r[0].startswith(s) for s in schedule))
            block += [layout.fields(rows, label_share=0.4), Spacer(1, 3),
                      parts.schedule_table(outcome, lang)]
        else:
            block.append(layout.fields(rows, label_share=0.4))
        story += [layout.KeepShort(block), Spacer(1, 5)]
    reason = rec.visit.answers.get(OVER_BALANCE_REASON, "")
    if reason:  # the collector confirmed commitments above what is owed, and why
        story.append(layout.fields([(word("over_balance", lang), reason)], label_share=0.4))
    return story or heading


def _history(rec: RecordInput) -> list:
    if not rec.history:
        return []
    lang = rec.language
    w = lambda key: word(key, lang)  # noqa: E731
    rows = [[str(n), numbered(rec.record_no, n), parts.moment(r.finalized_at, lang),
             r.reason or w("original")] for n, r in enumerate(rec.history, 1)]
    rows.append([str(rec.revision), rec.number, parts.finalized(rec),
                 f"{rec.visit.amend_reason} {w('this_revision')}"])
    return [layout.heading(w("history")),
            layout.table([w("revision"), w("record_no"), w("finalized_at"),
                          label("fields", "reason", lang)], rows, [.1, .34, .2, .36])]


def _closing(rec: RecordInput) -> list:
    lang, v = rec.language, rec.visit
    block = []
    if v.kind is VisitKind.CALL:
        block += [p(word("call_confirm", lang), "small"), Spacer(1, 6)]
    elif customer_absent(v.answers):
        # Nobody to sign for the customer: no empty box waiting for a signature.
        block += [layout.heading(word("signatures", lang)), p(word("absent_signed", lang)),
                  parts.pair(parts.signature_cell(word("collector", lang), v.collector_signature,
                                                  v.collector, rec.collector_title, lang), []),
                  Spacer(1, 6)]
    elif v.kind is VisitKind.VISIT:
        block += [layout.heading(word("signatures", lang)), p(word("confirm", lang)),
                  parts.pair(parts.signature_cell(word("customer_rep", lang), v.customer_signature,
                                                  v.answers.get("met_contact", ""),
                                                  v.answers.get("met_role", ""), lang),
                             parts.signature_cell(word("collector", lang), v.collector_signature,
                                                  v.collector, rec.collector_title, lang)),
                  Spacer(1, 6)]
    return block + [parts.qr_block(rec)]
