"""The window package keeps to its side of the import rules (DESIGN.md §2)."""

from __future__ import annotations

import ast
from pathlib import Path

import fieldapp.ui

UI_DIR = Path(fieldapp.ui.__file__).parent
FORBIDDEN = ("fieldapp.store", "sqlalchemy")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "fieldapp." + ".".join(path.relative_to(UI_DIR.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield _absolute(package, node)


def _absolute(package: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def test_ui_never_imports_the_store_or_sqlalchemy():
    offenders = [(path.name, name) for path in UI_DIR.rglob("*.py") for name in _imports(path)
                 if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)]
    assert offenders == []


def test_every_ui_module_opens_with_a_one_line_docstring():
    for path in UI_DIR.rglob("*.py"):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), path
