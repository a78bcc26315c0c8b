"""The suite's own house rules: helpers are imported from tests/helpers.py, never a conftest."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_no_test_module_imports_a_conftest():
    offenders = {
        str(path.relative_to(TESTS.parent)): sorted(
            name for name in _imported_modules(path) if "conftest" in name.split(".")
        )
        for path in sorted(TESTS.rglob("*.py"))
    }
    offenders = {path: names for path, names in offenders.items() if names}
    assert offenders == {}, (
        "import helpers from tests/helpers.py (or the folder's helpers.py) and use fixtures by "
        f"name; these modules import a conftest: {offenders}"
    )
