"""The layout is the design (issue 11): imports only point down the layers, never round in a
circle; only the command line imports typer, only ui and cli import rich or questionary; text/ is
standard library only; every module is on the map in docs/design.md."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quiz"

# Layers, lowest first. A module may import its own layer's package and any lower layer;
# progress and authoring share a layer but do not import each other; so do study and exchange.
FOUNDATION = {"quiz", "quiz.errors", "quiz.messages", "quiz.settings"}
LAYERS = {"text": 1, "bank": 2, "progress": 3, "authoring": 3, "study": 4, "exchange": 4, "ui": 5, "cli": 6}
FRONT_END = {"rich", "questionary", "prompt_toolkit"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> tuple[int, str]:
    """(rank, package) of a quiz module."""
    if module in FOUNDATION:
        return 0, ""
    if module == "quiz.__main__":
        return LAYERS["cli"], "cli"
    package = module.split(".")[1]
    return LAYERS[package], package


def imports(module: str) -> list[tuple[str, int]]:
    """Every module `module` imports (at any depth in the file), with its line."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.append((candidate if candidate in MODULES else node.module, node.lineno))
    return found


def internal(module: str) -> list[tuple[str, int]]:
    return [(name, line) for name, line in imports(module) if name == "quiz" or name.startswith("quiz.")]


def external(module: str) -> set[str]:
    return {name.split(".")[0] for name, _ in imports(module) if name.split(".")[0] != "quiz"}


def test_the_map_of_modules_is_complete() -> None:
    assert len(MODULES) > 40
    for module in MODULES:
        layer(module)  # every module belongs to a known layer


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    rank, package = layer(module)
    for name, line in internal(module):
        assert name in MODULES, f"{module}:{line} imports {name}, which is not a module"
        other_rank, other_package = layer(name)
        where = f"{MODULES[module].relative_to(ROOT)}:{line} imports {name}"
        assert other_rank <= rank, f"{where}: an upward import"
        if other_rank == rank and rank > 0:
            assert other_package == package, f"{where}: {package}/ and {other_package}/ are siblings"
        if rank == 0:
            assert other_rank == 0, f"{where}: the foundation imports nothing above it"


def test_no_import_goes_round_in_a_circle() -> None:
    graph = {m: {name for name, _ in internal(m)} - {m} for m in MODULES}
    # the package `quiz` itself only holds the version: edges into it do not make a cycle
    graph["quiz"] = set()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt) :] + [nxt]
                pytest.fail("circular import: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_frameworks_stay_at_the_edge(module: str) -> None:
    _, package = layer(module)
    used = external(module)
    if package != "cli" and module != "quiz.__main__":
        assert "typer" not in used and "click" not in used, f"{module} imports typer: only cli/ may"
    if package not in ("ui", "cli"):
        assert not used & FRONT_END, f"{module} imports {used & FRONT_END}: only ui/ and cli/ may"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m)[1] == "text" or layer(m)[0] == 0))
def test_text_and_the_foundation_need_only_the_standard_library(module: str) -> None:
    outside = {name for name in external(module) if name not in sys.stdlib_module_names}
    assert not outside, f"{module} imports {outside}"


def test_every_module_is_in_the_design() -> None:
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    missing = [str(p.relative_to(ROOT)) for p in MODULES.values() if f"`{p.relative_to(ROOT)}`" not in design]
    assert not missing, f"docs/design.md does not name: {', '.join(missing)}"
