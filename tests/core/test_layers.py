"""The house's layers, read from the source with `ast`: imports only go downwards.

From the ground up: core, auth, ideas, voting, comments, moderation, rounds, search (it filters
by round), then the packages that use all of these (exports, admin, privacy, feeds), then what
publishes them (api, opendata), then seed. `participation/__init__.py`, `models.py` and
`cli.py` put the app together and may import anything. A module may import its own package and
any lower layer; `participation.extensions` is below everything.

The one exception: the idea pages compose the comment thread and the support button, and the
submit page shows similar ideas, so `participation/ideas/views.py` may import comments, voting
and search (ALLOWED_UPWARDS). Imports
inside functions count too: hiding an import in a function does not change the layering.
"""

import ast
from pathlib import Path

import pytest

import participation

PACKAGE = Path(participation.__file__).parent
LAYERS = (
    {"core"},
    {"auth"},
    {"ideas"},
    {"voting"},
    {"comments"},
    {"moderation"},
    {"rounds"},
    {"search"},
    {"exports", "admin", "privacy", "feeds"},
    {"api", "opendata"},
    {"seed"},
)
BELOW_EVERYTHING = {"extensions"}
COMPOSITION_ROOT = {"__init__", "models", "cli"}
# (importing module, imported package): the documented exception, and nothing else.
ALLOWED_UPWARDS = {
    ("participation.ideas.views", "comments"),
    ("participation.ideas.views", "voting"),
    ("participation.ideas.views", "search"),
}


def module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path, known: set[str]) -> set[str]:
    """Every module of the package that `path` imports, at module level or in a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return {name for name in found if name.split(".")[0] == root.name}


def import_graph(root: Path) -> dict[str, set[str]]:
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    known = set(files)
    return {name: imported_modules(path, root, known) - {name} for name, path in files.items()}


def layer_of(package: str) -> int | None:
    for number, layer in enumerate(LAYERS):
        if package in layer:
            return number
    return None


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, imports in sorted(graph.items()):
        parts = module.split(".")
        if len(parts) < 2 or parts[1] in COMPOSITION_ROOT:
            continue
        own = layer_of(parts[1])
        for target in sorted(imports):
            package = target.split(".")[1] if "." in target else ""
            if package in BELOW_EVERYTHING or package == parts[1]:
                continue
            theirs = layer_of(package)
            if (module, package) in ALLOWED_UPWARDS:
                continue
            if own is None or theirs is None or theirs > own:
                problems.append(f"{module} imports {target}")
    return problems


def mutual_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{first} <-> {second}"
        for first, imports in graph.items()
        for second in imports
        if first < second and first in graph.get(second, set())
    )


def test_core_imports_no_domain_package():
    graph = import_graph(PACKAGE)
    core_imports = {
        f"{module} imports {target}"
        for module, imports in graph.items()
        if module.startswith("participation.core")
        for target in imports
        if not target.startswith(("participation.core", "participation.extensions"))
    }
    assert core_imports == set()


def test_every_import_goes_down_the_layers_but_the_documented_exception():
    assert layer_violations(import_graph(PACKAGE)) == []


def test_no_two_modules_import_each_other():
    assert mutual_imports(import_graph(PACKAGE)) == []


def test_every_package_has_a_layer():
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    placed = set().union(*LAYERS)
    assert packages - placed == set()


@pytest.fixture
def fake_package(tmp_path):
    """A small package with the faults the checks must find."""
    root = tmp_path / "participation"
    for folder in ("core", "ideas", "comments", "auth"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("from participation.comments import views\n")
    (root / "core" / "errors.py").write_text(
        "def init_app(app):\n    from participation.core.web import answer\n"
    )
    (root / "core" / "web.py").write_text("from participation.core.errors import init_app\n")
    (root / "core" / "permissions.py").write_text("from participation.auth.models import User\n")
    (root / "auth" / "models.py").write_text("from participation.ideas import queries\n")
    (root / "ideas" / "queries.py").write_text("")
    (root / "ideas" / "views.py").write_text("from participation.comments import views\n")
    (root / "comments" / "views.py").write_text("import participation.ideas.queries\n")
    return root


def test_the_checks_find_upward_imports_and_cycles_in_functions(fake_package):
    graph = import_graph(fake_package)
    assert layer_violations(graph) == [
        "participation.auth.models imports participation.ideas.queries",
        "participation.core.permissions imports participation.auth.models",
    ]
    assert mutual_imports(graph) == ["participation.core.errors <-> participation.core.web"]


def test_the_documented_exception_is_still_needed():
    """An exception nobody uses any more is removed from the list, not left as a loophole."""
    graph = import_graph(PACKAGE)
    used = {
        (module, target.split(".")[1])
        for module, imports in graph.items()
        for target in imports
        if "." in target
    }
    assert ALLOWED_UPWARDS - used == set()
