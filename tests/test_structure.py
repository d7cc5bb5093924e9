"""The shape of the code: dependencies between apps point one way, and modules stay small.

``newstext ← newsroom ← people, images ← articles ← editorial, api``: each package may
import only the packages listed before it (``newstext``, the pure text
analysis, imports none). Imports are read from the source, so a function-level
import counts as much as one at the top; the only function-level imports
allowed are in an ``AppConfig.ready()``, where Django wants them.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What each first-party package may import, besides itself.
ALLOWED = {
    "newstext": set(),
    "newsroom": {"newstext"},
    "people": {"newstext", "newsroom"},
    "images": {"newstext", "newsroom"},
    "articles": {"newstext", "newsroom", "people", "images"},
    "editorial": {"newstext", "newsroom", "people", "images", "articles"},
    "api": {"newstext", "newsroom", "people", "images", "articles"},
}
FIRST_PARTY = set(ALLOWED)
MAX_LINES = 400


def app_modules():
    for package in sorted(ALLOWED):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield package, path


def imported_packages(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & FIRST_PARTY


def function_level_imports(tree: ast.AST) -> list[int]:
    """Lines of imports inside functions other than ``ready()``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "ready":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    lines.append(inner.lineno)
    return lines


MODULES = list(app_modules())


@pytest.mark.parametrize(("package", "path"), MODULES, ids=[str(p.relative_to(ROOT)) for _, p in MODULES])
def test_a_module_imports_only_the_packages_below_its_own(package, path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    upward = imported_packages(tree) - ALLOWED[package] - {package}
    assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"


@pytest.mark.parametrize(("package", "path"), MODULES, ids=[str(p.relative_to(ROOT)) for _, p in MODULES])
def test_no_import_hides_inside_a_function(package, path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert function_level_imports(tree) == [], path.relative_to(ROOT)


@pytest.mark.parametrize(("package", "path"), MODULES, ids=[str(p.relative_to(ROOT)) for _, p in MODULES])
def test_a_module_stays_under_the_size_limit(package, path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines"


def test_the_walk_sees_an_upward_import():
    """The check itself: an import of a package above is found, also inside a function."""
    tree = ast.parse("def f():\n    from editorial.admin import ArticleAdmin\n")
    assert imported_packages(tree) == {"editorial"}
    assert function_level_imports(tree) == [2]
