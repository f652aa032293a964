"""The house rules of ``src/sastra``, read from ``docs/architecture.md`` and checked on the code.

Every ``import`` statement counts: at module level, inside a function, and under
``if TYPE_CHECKING:`` (a circle hidden from the interpreter is still a circle for the
reader). The layer list and the library rules are parsed from the document, so the
document and this test cannot drift apart. The checker is tried on small packages
written here, so it is known to fail when it should.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
DOC = REPO / "docs" / "architecture.md"


@dataclass(frozen=True, order=True)
class Edge:
    """One import of a module of the package by another."""

    source: str
    """The importing module (dotted name)."""
    target: str
    """The imported module of the package (dotted name; a package is its ``__init__``)."""
    where: str
    """``path:line`` of the import statement."""


# --- reading the code ---------------------------------------------------------------------


def modules(src: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``src``, by dotted name."""
    found: dict[str, Path] = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> Iterator[str]:
    """The dotted names an import statement asks for (``from a import b`` gives ``a.b``,
    which :func:`_owner` trims to the module ``a`` when ``b`` is not a module)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:
        parts = module.split(".")
        keep = len(parts) - node.level + (1 if is_package else 0)
        base = ".".join([*parts[:keep], *([base] if base else [])])
    for alias in node.names:
        yield f"{base}.{alias.name}"


def _owner(name: str, known: Mapping[str, Path]) -> str | None:
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(src: Path, package: str) -> list[Edge]:
    """Every import between modules of ``package``, wherever it is written."""
    known = modules(src, package)
    edges: set[Edge] = set()
    for module, path in known.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name in _imported(node, module, path.name == "__init__.py"):
                target = _owner(name, known)
                if target is not None and target != module:
                    where = f"{path.relative_to(src).as_posix()}:{node.lineno}"
                    edges.add(Edge(module, target, where))
    return sorted(edges)


def library_imports(src: Path, package: str) -> list[tuple[str, str, str]]:
    """``(module, library, path:line)`` for every import of a module outside ``package``."""
    found: list[tuple[str, str, str]] = []
    for module, path in modules(src, package).items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            where = f"{path.relative_to(src).as_posix()}:{node.lineno}"
            found.extend((module, name, where) for name in names if name.split(".")[0] != package)
    return found


# --- reading the document -----------------------------------------------------------------


def fenced(doc: str, info: str) -> list[str]:
    """The non-empty lines of the first fenced block tagged ``info`` (``#`` starts a comment)."""
    match = re.search(rf"^```{info}\n(.*?)^```", doc, re.M | re.S)
    assert match, f"docs/architecture.md has no ```{info} block"
    lines = (line.split("#", 1)[0].strip() for line in match.group(1).splitlines())
    return [line for line in lines if line]


def layers(doc: str) -> list[list[str]]:
    """The layer list, bottom first: each line of the ``layers`` block is one layer, top of
    the house first; ``a | b`` are units of one layer that must not import each other."""
    rows = [[unit.strip() for unit in line.split("|")] for line in fenced(doc, "layers")]
    return rows[::-1]


def library_rules(doc: str) -> dict[str, tuple[str, ...]]:
    """``library -> the units or modules that may import it``, from the ``libraries`` block."""
    rules: dict[str, tuple[str, ...]] = {}
    for line in fenced(doc, "libraries"):
        library, _, allowed = line.partition(":")
        rules[library.strip()] = tuple(allowed.split())
    return rules


# --- the checks -----------------------------------------------------------------------------


def unit_of(module: str, package: str) -> str:
    """The unit a module belongs to: the top-level module or subpackage below ``package``
    (``sastra.names.align`` → ``names``; the package's own ``__init__`` is ``package``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else package


def circles(edges: list[Edge]) -> list[list[Edge]]:
    """One shortest circle through each strongly connected group of modules."""
    graph: dict[str, list[Edge]] = {}
    for edge in edges:
        graph.setdefault(edge.source, []).append(edge)
        graph.setdefault(edge.target, [])
    found: list[list[Edge]] = []
    covered: set[str] = set()
    for start in sorted(graph):
        if start in covered:
            continue
        path = _shortest_return(graph, start)
        if path:
            found.append(path)
            covered.update(edge.source for edge in path)
    return found


def _shortest_return(graph: Mapping[str, list[Edge]], start: str) -> list[Edge]:
    """The shortest path of imports from ``start`` back to itself (empty when none)."""
    came: dict[str, Edge] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for edge in graph[node]:
                if edge.target == start:
                    path = [edge]
                    while path[0].source != start:
                        path.insert(0, came[path[0].source])
                    return path
                if edge.target not in came:
                    came[edge.target] = edge
                    following.append(edge.target)
        frontier = following
    return []


def circle_errors(edges: list[Edge]) -> list[str]:
    """One line per import circle: the modules in order and where each import is."""
    lines = []
    for circle in circles(edges):
        names = " -> ".join([circle[0].source, *(edge.target for edge in circle)])
        places = ", ".join(edge.where for edge in circle)
        lines.append(f"import circle: {names} ({places})")
    return lines


def layer_errors(src: Path, package: str, rows: list[list[str]]) -> list[str]:
    """Units the layer list does not place, units it places twice, and imports that point
    up the list or across one layer's independent units."""
    level = {unit: index for index, row in enumerate(rows) for unit in row}
    listed = [unit for row in rows for unit in row]
    units = sorted({unit_of(module, package) for module in modules(src, package)})
    errors = [
        f"{u}: not in the layer list of docs/architecture.md" for u in units if u not in level
    ]
    errors += [
        f"{u}: listed twice in the layer list" for u in sorted(set(listed)) if listed.count(u) > 1
    ]
    errors += [
        f"{u}: in the layer list but not in {package}" for u in sorted(set(listed) - set(units))
    ]
    for edge in imports(src, package):
        low, high = unit_of(edge.source, package), unit_of(edge.target, package)
        if low == high or low not in level or high not in level:
            continue
        if level[high] > level[low]:
            errors.append(
                f"{edge.where}: {edge.source} imports {edge.target}, "
                f"which is above it ({low} is below {high} in the layer list)"
            )
        elif level[high] == level[low]:
            errors.append(
                f"{edge.where}: {edge.source} imports {edge.target}, "
                f"but {low} and {high} are independent units of one layer"
            )
    return errors


def library_errors(
    found: list[tuple[str, str, str]], rules: Mapping[str, tuple[str, ...]], package: str
) -> list[str]:
    """Imports of a ruled library from a module its rule does not name."""
    errors = []
    for module, name, where in found:
        for library, allowed in rules.items():
            if name != library and not name.startswith(library + "."):
                continue
            rel = module.partition(".")[2] or package
            if not any(rel == a or rel.startswith(a + ".") for a in allowed):
                errors.append(f"{where}: {module} imports {name}; only {', '.join(allowed)} may")
    return errors


# --- the house -------------------------------------------------------------------------------


def test_no_import_circle() -> None:
    assert circle_errors(imports(SRC, "sastra")) == []


def test_imports_point_down_the_layer_list() -> None:
    rows = layers(DOC.read_text("utf-8"))
    assert layer_errors(SRC, "sastra", rows) == []


def test_libraries_are_imported_only_where_the_rules_say() -> None:
    rules = library_rules(DOC.read_text("utf-8"))
    assert {"jinja2", "polib", "babel.messages"} <= set(rules)
    assert library_errors(library_imports(SRC, "sastra"), rules, "sastra") == []


# --- the checker itself --------------------------------------------------------------------

FAKE_DOC = """\
# Architecture

```layers
cli
stage_a | stage_b   # independent
model | pkg
```

```libraries
jinja2: stage_a.render
```
"""

FAKE = {
    "pkg/__init__.py": "",
    "pkg/model.py": "from __future__ import annotations\ndef g():\n    from .cli import main\n",
    "pkg/stage_a/__init__.py": "",
    "pkg/stage_a/one.py": "from pkg.stage_a import two\n",
    "pkg/stage_a/two.py": (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from pkg.stage_a.one import thing\n"
    ),
    "pkg/stage_a/render.py": "import jinja2\nfrom . import two\n",
    "pkg/stage_b.py": "def f():\n    from pkg import stage_a\n    import jinja2.sandbox\n",
    "pkg/cli.py": "from pkg.model import x\n",
    "pkg/extra.py": "",
}

FAKE_DOC_TWICE = FAKE_DOC.replace("cli\n", "cli | model | gone\n")


@pytest.fixture
def fake(tmp_path: Path) -> Path:
    for rel, text in FAKE.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, "utf-8")
    return tmp_path


def test_the_checker_names_every_circle_hidden_or_local(fake: Path) -> None:
    assert circle_errors(imports(fake, "pkg")) == [
        "import circle: pkg.cli -> pkg.model -> pkg.cli (pkg/cli.py:1, pkg/model.py:3)",
        "import circle: pkg.stage_a.one -> pkg.stage_a.two -> pkg.stage_a.one "
        "(pkg/stage_a/one.py:1, pkg/stage_a/two.py:3)",
    ]


def test_the_checker_finds_upward_imports_local_and_relative(fake: Path) -> None:
    assert layer_errors(fake, "pkg", layers(FAKE_DOC)) == [
        "extra: not in the layer list of docs/architecture.md",
        "pkg/model.py:3: pkg.model imports pkg.cli, which is above it "
        "(model is below cli in the layer list)",
        "pkg/stage_b.py:2: pkg.stage_b imports pkg.stage_a, "
        "but stage_b and stage_a are independent units of one layer",
    ]


def test_the_checker_finds_a_library_out_of_place(fake: Path) -> None:
    found = library_imports(fake, "pkg")
    assert library_errors(found, library_rules(FAKE_DOC), "pkg") == [
        "pkg/stage_b.py:3: pkg.stage_b imports jinja2.sandbox; only stage_a.render may"
    ]


def test_the_checker_finds_a_unit_listed_twice_or_gone(fake: Path) -> None:
    errors = layer_errors(fake, "pkg", layers(FAKE_DOC_TWICE))
    assert errors[:3] == [
        "extra: not in the layer list of docs/architecture.md",
        "model: listed twice in the layer list",
        "gone: in the layer list but not in pkg",
    ]


def test_the_layer_list_is_read_bottom_first() -> None:
    assert layers(FAKE_DOC) == [["model", "pkg"], ["stage_a", "stage_b"], ["cli"]]
