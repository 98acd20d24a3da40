"""DESIGN.md §2 import rules, checked on the source of every module."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fieldapp"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.module


def _modules(sub=""):
    return sorted((PACKAGE / sub).rglob("*.py"))


def _offenders(modules, bad):
    return sorted(f"{m.relative_to(PACKAGE.parent)} imports {name}"
                  for m in modules for name in _imports(m) if bad(name))


def test_only_ui_imports_pyside6():
    outside = [m for m in _modules() if "ui" not in m.relative_to(PACKAGE).parts[:1]]
    assert _offenders(outside, lambda n: n.split(".")[0] == "PySide6") == []


def test_ui_never_reaches_the_store_or_sqlalchemy():
    bad = lambda n: n.split(".")[0] == "sqlalchemy" or n.startswith("fieldapp.store")  # noqa: E731
    assert _offenders(_modules("ui"), bad) == []


def test_domain_imports_only_the_standard_library_and_itself():
    import sys
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    bad = lambda n: not (n.split(".")[0] in allowed or n.startswith("fieldapp.domain"))  # noqa: E731
    assert _offenders(_modules("domain"), bad) == []


def test_sync_stays_below_the_services_and_the_window():
    """Bundles and enrollment are read and written by services and command-line tools; sync
    itself never reaches up into them, nor into Qt."""
    bad = lambda n: n.split(".")[0] == "PySide6" or n.startswith(  # noqa: E731
        ("fieldapp.ui", "fieldapp.services", "fieldapp.office_cli"))
    assert _offenders(_modules("sync"), bad) == []


def test_the_checker_sees_relative_imports():
    names = set(_imports(PACKAGE / "store" / "queries.py"))
    assert "fieldapp.domain.records" in names and "sqlalchemy" in names
