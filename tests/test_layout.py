"""The layout of the package: its layers, no import cycles, no import of the root, short modules.

Every module under ``src/gcm_model`` is parsed with ``ast`` and every
``import`` and ``from ... import`` statement in it is read, wherever it is:
at the top, inside functions and classes, and under ``if TYPE_CHECKING:``
(``importlib.import_module`` with a literal name counts too). An import
hidden in a function still runs, so it still closes a cycle. Imports under
``TYPE_CHECKING`` never run, but they count all the same: they say what a
module knows about, and a lower layer that needs a higher one's types for
its annotations holds those types in the wrong place.

What an import brings in:

* ``from gcm_model import registry`` imports the submodule
  ``gcm_model.registry`` (it does run the package root, but only as any
  import of a submodule does, and the root is running already whenever a
  module of the package is imported);
* ``import gcm_model``, and ``from gcm_model import X`` where ``X`` is not a
  submodule, import the package root itself: a module of the package that
  does so depends on a module that imports it, a cycle whatever the order;
* ``from gcm_model.validation._engine import X`` also runs
  ``gcm_model.validation``'s ``__init__`` first, unless the importer is
  inside ``gcm_model.validation`` (then it is running already).
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "gcm_model"
MAX_LINES = 1000

# The layers, lowest first. A module imports modules of its own layer or of
# lower layers, never of a higher one (the tests below check it); inside a
# layer the only rule is: no cycles. The kinds, with the decoder generated
# from them, sit below the reference records, which are declared by kinds
# and built by that decoder; the registry holds those records and hands
# itself to the kinds (``kinds.use_registries``) for the codes they look up.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        (
            "gcm_model.errors",
            "gcm_model.types",
            "gcm_model._version",
            "gcm_model._text",
            "gcm_model._html",
            "gcm_model._labels",
            "gcm_model._generated",
            "gcm_model.dates",
        ),
    ),
    (
        "kinds",
        (
            "gcm_model.models",
            "gcm_model.models.checks",
            "gcm_model.models._kind",
            "gcm_model.models._nested",
            "gcm_model.models.kinds",
            "gcm_model.models.periods",
            "gcm_model.models._base",
            "gcm_model._decode",
        ),
    ),
    (
        "reference data",
        (
            "gcm_model._data",
            "gcm_model.models.reference",
            "gcm_model._iso639",
            "gcm_model._registry",
            "gcm_model.registry",
        ),
    ),
    (
        "models",
        (
            "gcm_model.models.process",
            "gcm_model.models.followup",
            "gcm_model.models.reports",
            "gcm_model.models.dataset",
        ),
    ),
    (
        "wire",
        (
            "gcm_model._encode",
            "gcm_model._faults",
            "gcm_model._hooks",
            "gcm_model._detail",
            "gcm_model._migrations",
            "gcm_model.converters",
            "gcm_model.schema",
            "gcm_model.tabular",
            "gcm_model.formats",
        ),
    ),
    (
        "validation",
        (
            "gcm_model.validation",
            "gcm_model.validation._catalogue",
            "gcm_model.validation._report",
            "gcm_model.validation._context",
            "gcm_model.validation._rules_review",
            "gcm_model.validation._rules_followup",
            "gcm_model.validation._rules",
            "gcm_model.validation._judges",
            "gcm_model.validation._plan",
            "gcm_model.validation._engine",
        ),
    ),
    (
        "tools",
        (
            "gcm_model.conformance",
            "gcm_model.testing",
            "gcm_model.cli",
            "gcm_model.dask",
            "gcm_model.plot",
            "gcm_model.__main__",
        ),
    ),
    ("package root", ("gcm_model",)),
)


class Import(NamedTuple):
    """One module of the package that a module imports (or runs by importing)."""

    importer: str
    target: str
    line: int


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _ancestors(name: str) -> set[str]:
    """The packages a module is part of (for ``gcm_model.validation._rules``: two)."""
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def _in_package(name: str) -> bool:
    return name == ROOT or name.startswith(f"{ROOT}.")


def _named(importer: str, node: ast.AST) -> list[str]:
    """The modules of the package an import statement (or call) names explicitly."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if _in_package(alias.name)]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            package = importer.split(".")
            if not _is_package(importer):
                package = package[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, *([node.module] if node.module else [])])
        else:
            base = node.module or ""
        if not _in_package(base):
            return []
        out = []
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            out.append(submodule if submodule in MODULES else base)
        return out
    if isinstance(node, ast.Call) and _calls_import_module(node):
        name = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
        return [name] if isinstance(name, str) and _in_package(name) else []
    return []


def _calls_import_module(node: ast.Call) -> bool:
    """``importlib.import_module(...)`` or ``import_module(...)``."""
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr == "import_module"
    return isinstance(function, ast.Name) and function.id == "import_module"


def _imports_of(importer: str) -> list[Import]:
    """What a module imports: each module named, and the packages its import runs first."""
    tree = ast.parse(MODULES[importer].read_text(encoding="utf-8"))
    running = _ancestors(importer)
    found: list[Import] = []
    for node in ast.walk(tree):
        for target in _named(importer, node):
            line = getattr(node, "lineno", 0)
            found.append(Import(importer, target, line))
            found.extend(
                Import(importer, package, line)
                for package in sorted(_ancestors(target) - running)
                if package in MODULES
            )
    return found


IMPORTS = [found for name in MODULES for found in _imports_of(name)]


def _graph() -> dict[str, dict[str, int]]:
    """Importer -> imported -> the first line importing it."""
    graph: dict[str, dict[str, int]] = {name: {} for name in MODULES}
    for found in sorted(IMPORTS, key=lambda i: i.line):
        if found.target != found.importer:
            graph[found.importer].setdefault(found.target, found.line)
    return graph


def _shortest_cycle(graph: dict[str, dict[str, int]], start: str) -> list[str] | None:
    """The shortest chain of imports from ``start`` back to itself, if there is one."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return None


def _cycles(graph: dict[str, dict[str, int]]) -> list[str]:
    """Each import cycle: the shortest through each module on one, with the lines, readable."""
    shown: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for start in sorted(graph):
        cycle = _shortest_cycle(graph, start)
        if cycle is None:
            continue
        turn = cycle.index(min(cycle))  # the same cycle, found from another module, is shown once
        key = (*cycle[turn:-1], *cycle[:turn])
        if key in seen:
            continue
        seen.add(key)
        steps = [f"{a} (line {graph[a][b]}) -> " for a, b in itertools.pairwise((*key, key[0]))]
        shown.append("".join(steps) + key[0])
    return shown


def _layer_of(modules: Iterable[str] = MODULES) -> dict[str, int]:
    """Each module's layer: where it is listed, else where its nearest listed package is.

    A package listed in LAYERS (not the root) holds its submodules that are
    not listed themselves: ``gcm_model.testing`` holds ``gcm_model.testing._draw``.
    A module in no layer is left out.
    """
    listed = {name: number for number, (_, names) in enumerate(LAYERS) for name in names}
    found = {}
    for name in modules:
        holders = (name, *sorted(_ancestors(name) - {ROOT}, key=len, reverse=True))
        number = next((listed[p] for p in holders if p in listed), None)
        if number is not None:
            found[name] = number
    return found


def _lengths() -> dict[str, int]:
    """The number of lines of every Python file under src/, by module name."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = len(path.read_text(encoding="utf-8").splitlines())
    return found


def test_the_reader_sees_imports_everywhere() -> None:
    """Imports in functions, under TYPE_CHECKING, relative and by submodule are all read."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "import gcm_model.validation._rules\n"
        "from gcm_model import registry, known_meetings\n"
        "from . import dates\n"
        "if TYPE_CHECKING:\n"
        "    from gcm_model.converters import dumps\n"
        "def f():\n"
        "    from gcm_model.tabular import to_tables\n"
        "    importlib.import_module('gcm_model.schema')\n"
    )
    named = [t for node in ast.walk(ast.parse(source)) for t in _named("gcm_model.plot", node)]
    assert sorted(named) == [
        "gcm_model",
        "gcm_model.converters",
        "gcm_model.dates",
        "gcm_model.registry",
        "gcm_model.schema",
        "gcm_model.tabular",
        "gcm_model.validation._rules",
    ]


def test_a_cycle_is_found_and_shown() -> None:
    """The cycle finder reports a cycle as the chain of imports, with lines."""
    graph = {"a": {"b": 3}, "b": {"c": 5}, "c": {"a": 7, "d": 1}, "d": {"b": 2}}
    assert _cycles(graph) == [
        "a (line 3) -> b (line 5) -> c (line 7) -> a",
        "b (line 5) -> c (line 1) -> d (line 2) -> b",
    ]
    assert _cycles({"a": {"b": 1}, "b": {}}) == []


def test_every_import_names_a_module() -> None:
    """Each import the reader found is of a module of the package (the graph is whole)."""
    assert sorted({i.target for i in IMPORTS} - set(MODULES)) == []


def test_every_module_is_in_one_layer() -> None:
    """LAYERS places every module of the package once (a new module is placed on purpose)."""
    placed = [name for _, names in LAYERS for name in names]
    assert len(placed) == len(set(placed)), "a module is in two layers"
    assert sorted(set(placed) - set(MODULES)) == [], "LAYERS names modules that do not exist"
    assert sorted(set(MODULES) - set(_layer_of())) == [], "place these modules in LAYERS"


def test_a_listed_package_holds_its_submodules() -> None:
    """An unlisted submodule of a listed package is in its layer; one of the root in none."""
    tools = next(n for n, (name, _) in enumerate(LAYERS) if name == "tools")
    validation = next(n for n, (name, _) in enumerate(LAYERS) if name == "validation")
    found = _layer_of(["gcm_model.testing._draw", "gcm_model.validation._new", "gcm_model._new"])
    assert found == {"gcm_model.testing._draw": tools, "gcm_model.validation._new": validation}


def test_no_import_cycles() -> None:
    """No module imports, even inside a function, a module that leads back to it."""
    cycles = _cycles(_graph())
    assert not cycles, "import cycles:\n" + "\n".join(f"  {c}" for c in cycles)


def test_no_module_imports_a_package_it_is_part_of() -> None:
    """Internal modules never import the package root, nor their own subpackage's ``__init__``.

    The root (and ``__main__``, run as ``python -m gcm_model``) may.
    """
    allowed = {ROOT, f"{ROOT}.__main__"}
    found = sorted(
        {
            f"{i.importer} (line {i.line}) imports {i.target}"
            for i in IMPORTS
            if i.target in _ancestors(i.importer) and i.importer not in allowed
        }
    )
    assert not found, "imports of the package from inside it:\n" + "\n".join(found)


def test_no_layer_imports_a_higher_one() -> None:
    """Each import goes to the importer's layer or a lower one, never up."""
    layer = _layer_of()
    found = sorted(
        {
            f"{i.importer} ({LAYERS[layer[i.importer]][0]}, line {i.line}) imports "
            f"{i.target} ({LAYERS[layer[i.target]][0]})"
            for i in IMPORTS
            if i.importer in layer and i.target in layer and layer[i.target] > layer[i.importer]
        }
    )
    assert not found, "imports of a higher layer:\n" + "\n".join(found)


def test_no_module_over_a_thousand_lines() -> None:
    """No module under src/ is longer than 1,000 lines."""
    lengths = _lengths()
    assert set(MODULES) <= set(lengths)
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}
