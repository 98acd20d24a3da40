"""Checklist definitions (steps of labelled items, from resources/) and their step rules."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidValue
from .text_limits import answer_errors
from .validation import FieldError

# Kinds whose answer the visit keeps outside ``answers`` (outcomes, signatures) or that only show.
SPECIAL_KINDS = {"outcomes", "signatures", "deliveries", "history"}
ABSENT_ITEM = "customer_absent"  # the Meet answer that turns the visit into an absent visit


@dataclass(frozen=True)
class Option:
    id: str
    label: dict


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    label: dict
    required: bool = False
    required_if: tuple[tuple[str, str], ...] = ()
    options: tuple[Option, ...] = ()
    default: object = None
    internal: bool = False  # for the collector and the office; left out of the customer's copy
    skip_if: tuple[tuple[str, object], ...] = ()  # answers that make the item not apply

    def text(self, language: str) -> str:
        return localized(self.label, language)


@dataclass(frozen=True)
class Step:
    id: str
    title: dict
    hint: dict
    items: tuple[Item, ...]
    skip_if: tuple[tuple[str, object], ...] = ()  # answers that make the whole step not apply


@dataclass(frozen=True)
class Checklist:
    kind: str
    title: dict
    steps: tuple[Step, ...]

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)


def localized(texts: dict, language: str) -> str:
    """The text in ``language``, else English."""
    return texts.get(language) or texts.get("en", "")


def _item(d: dict) -> Item:
    options = tuple(Option(o["id"], o["label"]) for o in d.get("options", ()))
    return Item(d["id"], d["kind"], d["label"], bool(d.get("required")),
                tuple(d.get("required_if", {}).items()), options, d.get("default"),
                bool(d.get("internal")), tuple(d.get("skip_if", {}).items()))


def _step(d: dict, library: dict[str, dict]) -> Step:
    if "use" in d:
        base = next(s for s in library[d["use"]]["steps"] if s["id"] == d["step"])
        keep = d.get("items")
        relabel = d.get("labels", {})  # e.g. a call speaks to a person instead of meeting one
        items = [{**i, "label": relabel.get(i["id"], i["label"])} for i in base["items"]
                 if keep is None or i["id"] in keep]
        d = {**base, "items": items, **{k: d[k] for k in ("title", "hint") if k in d}}
    return Step(d["id"], d["title"], d.get("hint", {}), tuple(_item(i) for i in d["items"]),
                tuple(d.get("skip_if", {}).items()))


def parse(definition: dict, library: dict[str, dict]) -> Checklist:
    """A checklist from its JSON; ``library`` holds the definitions its steps may reuse."""
    if definition.get("format", 1) > 1:
        raise InvalidValue("checklist.format_newer", format=definition["format"])
    steps = tuple(_step(s, library) for s in definition["steps"])
    return Checklist(definition["kind"], definition["title"], steps)


def _empty(value) -> bool:
    return value is None or value is False or (isinstance(value, (str, list, dict)) and not value)


def skipped(part: Step | Item, answers: dict) -> bool:
    """The step or item does not apply (e.g. nobody to meet when the customer was absent)."""
    return any(answers.get(key) == value for key, value in part.skip_if)


def customer_absent(answers: dict) -> bool:
    """Nobody was met: the customer was absent or the premises closed (chosen at Meet)."""
    return bool(answers.get(ABSENT_ITEM))


def validate_answers(step: Step, answers: dict) -> list[FieldError]:
    """Required items of ``step`` that are still unanswered (steps and items that don't apply
    ask for nothing)."""
    errors = []
    if skipped(step, answers):
        return errors
    for item in step.items:
        if item.kind in SPECIAL_KINDS or skipped(item, answers):
            continue
        needed = item.required or any(answers.get(k) == v for k, v in item.required_if)
        value = answers.get(item.id)
        if needed and (_empty(value) or (isinstance(value, str) and not value.strip())):
            errors.append(FieldError(item.id, "required"))
    return errors + answer_errors(step.items, answers)


def customer_copy(visit, checklist: Checklist) -> tuple:
    """What the customer reads and signs: the answers that apply and are not internal, and the
    outcomes. Equal copies mean an amendment changed only what the customer never signed."""
    answers = visit.answers
    shown = tuple((item.id, None if _empty(answers.get(item.id)) else answers.get(item.id))
                  for step in checklist.steps if not skipped(step, answers)
                  for item in step.items
                  if item.kind not in SPECIAL_KINDS and not item.internal
                  and not skipped(item, answers))
    return shown, tuple(visit.outcomes)


def customer_signed_already(visit, checklist: Checklist, original) -> bool:
    """An amendment of only what the customer did not sign (the note to the supervisor,
    internal fields): the customer's signature on the original still covers every word."""
    return (original is not None and original.customer_signature is not None
            and visit.amends == original.uuid
            and customer_copy(visit, checklist) == customer_copy(original, checklist))
