"""No function or method of the package is longer than 120 lines, from its ``def`` to the
end of its body: a longer one is split into parts that each say what they do."""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator

LIMIT = 120
PACKAGE = Path(facilitator.__file__).parent


def _lengths() -> list[tuple[str, int]]:
    """Each function and method of the package, as "path:line name", with its length."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                where = path.relative_to(PACKAGE.parent)
                found.append((f"{where}:{node.lineno} {node.name}", node.end_lineno - node.lineno + 1))
    return found


def test_no_function_is_longer_than_the_limit():
    too_long = [f"{name}: {length} lines" for name, length in _lengths() if length > LIMIT]
    assert too_long == []


def test_the_walk_sees_every_module_and_method():
    names = [name for name, _ in _lengths()]
    assert any(name.endswith(" sip_document") and "views/sipview.py" in name for name in names)
    assert any(name.endswith(" _widgets") and "screens/overview.py" in name for name in names)
