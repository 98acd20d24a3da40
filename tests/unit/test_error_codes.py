"""Every error raised below the UI carries a registered code with its arguments, and the window
has a sentence for each code (DESIGN §9c), read from the source of every module."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from fieldapp.domain.errors import MESSAGES, FieldappError, InvalidValue, NotFound
from fieldapp.domain.money import Money
from fieldapp.ui.error_text import WORDS

PACKAGE = Path(__file__).resolve().parents[2] / "fieldapp"
# Raises of Python's own exceptions that only a programming mistake or a broken installation
# reaches (an unknown outcome class, a bulk write to a table that does not exist, a missing demo
# resource): no person is told about them in words, so they carry no code.
PROGRAMMER_ERRORS = {
    ("fieldapp/store/bulk.py", "ValueError"),
    ("fieldapp/domain/instants.py", "ValueError"),  # a naive datetime: a bug, not input
    ("fieldapp/i18n/formatting.py", "ValueError"),  # the same, at display
    ("fieldapp/i18n/amount_words.py", "ValueError"),  # receipts are positive and bounded
    ("fieldapp/i18n/dates.py", "ValueError"),  # the date editor catches it and shows an example
    ("fieldapp/services/visit_check.py", "TypeError"),
    ("fieldapp/i18n/summary.py", "TypeError"),
    ("fieldapp/domain/money.py", "TypeError"),
    ("fieldapp/services/demo/vocab.py", "FileNotFoundError"),
    ("fieldapp/sync/manifest.py", "ValueError"),  # a naive created_at: a bug, not input
}
BELOW_UI = ("domain", "store", "services", "documents", "i18n", "sync", "files.py", "paths.py",
            "__main__.py")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _trees():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE.parent).as_posix(), ast.parse(path.read_text("utf-8"))


def _error_classes(trees) -> tuple[set[str], set[str]]:
    """Names of FieldappError and its subclasses, and those with their own __init__."""
    classes = [node for _, tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    names, grew = {"FieldappError"}, True
    while grew:
        found = {c.name for c in classes
                 if any(getattr(b, "id", getattr(b, "attr", None)) in names for b in c.bases)}
        grew = not found <= names
        names |= found
    # FieldappError's own __init__ is the one taking (code, **params).
    own_init = {c.name for c in classes if c.name in names - {"FieldappError"} and
                any(isinstance(f, ast.FunctionDef) and f.name == "__init__" for f in c.body)}
    return names, own_init


def _callee(call: ast.Call) -> str | None:
    return getattr(call.func, "id", getattr(call.func, "attr", None))


def _constructions(tree, names: set[str], own_init: set[str]):
    """Calls of error classes, and their super().__init__ in classes with their own __init__."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _callee(node) in names - own_init:
            yield node
        if isinstance(node, ast.ClassDef) and node.name in own_init:
            yield from (call for call in ast.walk(node) if isinstance(call, ast.Call)
                        and _callee(call) == "__init__" and isinstance(call.func.value, ast.Call)
                        and _callee(call.func.value) == "super")


def _raised_codes(trees):
    """(where, code, keyword names) of every construction of an error with a code."""
    names, own_init = _error_classes(trees)
    for where, tree in trees:
        for call in _constructions(tree, names, own_init):
            first = call.args[0] if call.args else None
            code = first.value if isinstance(first, ast.Constant) else None
            yield f"{where}:{call.lineno}", code, {k.arg for k in call.keywords}


def test_every_raise_names_a_registered_code_with_its_arguments():
    trees = list(_trees())
    raised = list(_raised_codes(trees))
    assert len(raised) >= 30  # the scan sees the raises (a broken scan must not pass silently)
    bad = [(where, code, sorted(keys)) for where, code, keys in raised
           if code not in MESSAGES or None in keys or keys != placeholders(MESSAGES[code])]
    assert bad == []
    assert {code for _, code, _ in raised} == set(MESSAGES), "registered but never raised"


def test_below_the_ui_nothing_a_person_meets_is_raised_without_a_code():
    trees = list(_trees())
    names, _ = _error_classes(trees)
    plain = set()
    for where, tree in trees:
        if not where.removeprefix("fieldapp/").startswith(BELOW_UI):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = _callee(node.exc)
                if name not in names:
                    plain.add((where, name))
    assert plain == PROGRAMMER_ERRORS


def test_every_code_has_a_window_sentence_with_only_its_own_arguments():
    assert set(WORDS) == set(MESSAGES)
    for code, sentence in WORDS.items():
        assert placeholders(sentence) <= placeholders(MESSAGES[code]), code


def test_the_english_text_is_kept_for_logs_and_the_command_line():
    error = NotFound("customer.not_found", customer=999)
    assert str(error) == "customer 999 does not exist"
    assert (error.code, error.params) == ("customer.not_found", {"customer": 999})
    # Parsers' callers still catch ValueError; money and dates read plainly.
    assert isinstance(InvalidValue("amount.not_a_number", text="x"), ValueError)
    assert str(FieldappError("receipt.already_issued", receipts=Money(1250, "TWD"))).startswith(
        "receipt TWD 12.50 was already issued")
    # A code nobody registered still says what it is.
    assert str(FieldappError("no.such_code", n=1)) == "no.such_code {'n': 1}"
