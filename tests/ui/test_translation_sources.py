"""Every window string reaches the translators, and what they write keeps its placeholders."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "fieldapp" / "ui"
LANGUAGES = ("en", "vi", "zh_TW", "zh_CN")
# Calls that pass on a text marked elsewhere with QT_TRANSLATE_NOOP (tables of enum labels,
# column headers, setting labels, validation texts): the literal is at the mark, not here.
FORWARDERS = {("labels.py", "label"), ("models/table.py", "title"),
              ("dialogs/settings_dialog.py", "retranslate_ui"), ("visit/errors.py", "translate"),
              ("error_text.py", "words"), ("error_text.py", "describe"),
              ("models/follow_ups.py", "what"), ("views/file_tabs.py", "show_default_empty_text"),
              ("office/import_words.py", "_say"), ("office/kpi_words.py", "_say"),
              ("office/route_stops_model.py", "reason_text"),
              ("office/route_stops_model.py", "headerData")}


def ts_file(language: str) -> Path:
    return ROOT / "translations" / f"fieldapp_{language}.ts"


def messages(language: str):
    """(context, source, translation element) of each current message (not vanished/obsolete)."""
    for context in ET.parse(ts_file(language)).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            yield name, message.findtext("source"), translation


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class Calls(ast.NodeVisitor):
    """translate("Ctx", "text"), self.tr("text") (context: the class) and QT_TRANSLATE_NOOP."""

    def __init__(self, path: Path):
        self.path = path
        self.classes: list[str] = []
        self.functions: list[str] = []
        self.found: list[tuple[str, str, int]] = []  # (context, text, line)
        self.hidden: list[str] = []  # calls whose text is no literal

    def visit_ClassDef(self, node):  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):  # noqa: N802
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_Call(self, node):  # noqa: N802
        name = node.func.attr if isinstance(node.func, ast.Attribute) else \
            node.func.id if isinstance(node.func, ast.Name) else None
        owner = node.func.value if isinstance(node.func, ast.Attribute) else None
        where = f"{self.path.relative_to(UI)}:{node.lineno}"
        if name == "tr" and isinstance(owner, ast.Name) and owner.id == "self" and node.args:
            self._take(self.classes[-1] if self.classes else "", node.args[0], where)
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2 and \
                (owner is None or getattr(owner, "id", "") == "QCoreApplication"):
            context = _literal(node.args[0])
            self._take(context, node.args[1], where, context_literal=context is not None)
        self.generic_visit(node)

    def _take(self, context, text_node, where, context_literal=True):
        text = _literal(text_node)
        function = self.functions[-1] if self.functions else ""
        if text is None or not context_literal:
            if (str(self.path.relative_to(UI)), function) not in FORWARDERS:
                self.hidden.append(where)
            return
        self.found.append((context, text, where))


def window_strings():
    calls = []
    for path in sorted(UI.rglob("*.py")):
        visitor = Calls(path)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        calls.append(visitor)
    return calls


def test_the_scan_sees_the_kinds_of_call_we_write():
    found = {(c, t) for v in window_strings() for c, t, _ in v.found}
    assert ("MainWindow", "Today's &route") in found  # self.tr in a class
    assert ("Finisher", "Finalized") in found  # QCoreApplication.translate
    assert ("Labels", "Promise to pay") in found  # QT_TRANSLATE_NOOP


def test_no_window_text_hides_behind_a_helper():
    hidden = [where for v in window_strings() for where in v.hidden]
    assert hidden == [], "pass the literal text at the call site: " + ", ".join(hidden)


def test_every_window_string_is_in_the_sources_under_its_run_time_context():
    extracted = {(c, s) for c, s, _ in messages("en")}
    missing = [f"{where}: [{c}] {t!r}" for v in window_strings() for c, t, where in v.found
               if (c, t) not in extracted]
    assert missing == [], "run pyside6-lupdate (see README):\n" + "\n".join(missing)
    assert not [s for c, s in extracted if not c], "a string in an empty context"


_PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[a-z_][a-z0-9_]*\}")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text or ""))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_source(language):
    wrong = []
    for context, source, translation in messages(language):
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        for form in forms:
            if form and placeholders(form) != placeholders(source):
                # A single-form language may spell out "one" instead of %n in no form at all.
                wrong.append(f"[{context}] {source!r} → {form!r}")
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_unfinished_or_obsolete_message(language):
    root = ET.parse(ts_file(language)).getroot()
    bad = [(m.findtext("source"), t.get("type")) for m in root.iter("message")
           for t in [m.find("translation")] if t.get("type") in ("unfinished", "vanished", "obsolete")
           # English is the source language: only its plural forms need writing out.
           and (language != "en" or m.get("numerus") == "yes" or t.get("type") != "unfinished")]
    assert bad == []
