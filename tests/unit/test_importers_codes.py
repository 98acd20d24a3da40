"""Every problem code the importers produce is registered with its arguments, so the window can
word each one later (domain.receivables.PROBLEMS, like errors.MESSAGES)."""

import ast
import string
from pathlib import Path

from fieldapp.domain.receivables import PROBLEMS, RowProblem

PACKAGE = Path(__file__).resolve().parents[2] / "fieldapp" / "importers"


def _uses():
    """(where, code, keyword names or None when passed as a dict) of every literal code."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name in ("BadValue", "Unreadable", "Refused") and node.args and \
                    isinstance(node.args[0], ast.Constant):
                yield path.name, node.args[0].value, {k.arg for k in node.keywords}
            if name == "RowProblem" and len(node.args) >= 3 and \
                    isinstance(node.args[2], ast.Constant):
                params = node.args[3] if len(node.args) > 3 else None
                keys = ({k.value for k in params.keys} if isinstance(params, ast.Dict) else None)
                yield path.name, node.args[2].value, keys


def _placeholders(text):
    return {name.split("!")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_used_is_registered_with_its_arguments():
    uses = list(_uses())
    assert len(uses) >= 15  # the scan sees them
    bad = [(where, code, keys) for where, code, keys in uses
           if code not in PROBLEMS or (keys is not None and keys != _placeholders(PROBLEMS[code]))]
    assert bad == []
    assert {code for _, code, _ in uses} == set(PROBLEMS), "registered but never used"


def test_a_problem_reads_in_english_for_logs_and_json():
    problem = RowProblem(12, "Số phát sinh/Nợ", "amount.bad", {"text": "1,2,3"})
    assert problem.english() == "'1,2,3' is not an amount"
