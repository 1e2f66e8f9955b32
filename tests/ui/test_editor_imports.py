"""ui/editors imports only downward: no circles; only the registry knows the concrete editors."""

from __future__ import annotations

import ast
from pathlib import Path

from trustjournal.core.entries import EntryKind
from trustjournal.ui.editors import registry

PACKAGE = "trustjournal.ui.editors"
FOLDER = Path(registry.__file__).parent
FOUNDATIONS = ("base", "fields")  # what every editor builds on


def _imports(path: Path) -> set[str]:
    """Modules of ui/editors that `path` imports anywhere (top level, in functions, for typing)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == PACKAGE:
                found |= {alias.name for alias in node.names}
            elif node.module.startswith(f"{PACKAGE}."):
                found.add(node.module.removeprefix(f"{PACKAGE}.").split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {
                a.name.removeprefix(f"{PACKAGE}.").split(".")[0]
                for a in node.names
                if a.name.startswith(f"{PACKAGE}.")
            }
    return found - {path.stem}


def _graph() -> dict[str, set[str]]:
    return {path.stem: _imports(path) for path in FOLDER.glob("*.py") if path.stem != "__init__"}


def _concrete_editors() -> set[str]:
    """Modules defining a class whose body sets `kind = EntryKind.<something>`."""
    concrete = set()
    for path in FOLDER.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == "kind" for t in item.targets)
                        and isinstance(item.value, ast.Attribute)
                        and isinstance(item.value.value, ast.Name)
                        and item.value.value.id == "EntryKind"
                    ):
                        concrete.add(path.stem)
    return concrete


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle in `graph`, or [] when there is none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return []
        for child in sorted(graph.get(node, ())):
            found = visit(child, [*path, node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_the_editors_package_has_no_import_circle() -> None:
    assert _cycle(_graph()) == []


def test_the_foundations_import_no_editor_registry_or_pane() -> None:
    graph = _graph()
    upper = _concrete_editors() | {"registry", "pane"}
    for name in FOUNDATIONS:
        assert graph[name] & upper == set(), name


def test_only_the_registry_imports_the_concrete_editors() -> None:
    graph = _graph()
    concrete = _concrete_editors()
    assert concrete >= {"mood", "gratitude", "trigger", "statement", "quality_time", "session"}
    importers = {name for name, imported in graph.items() if imported & concrete}
    assert importers == {"registry"}


def test_the_registry_knows_every_shipped_editor() -> None:
    editors = registry.default_editors()
    assert all(editors.can_edit(kind) for kind in (EntryKind.MOOD, EntryKind.GRATITUDE))
    assert editors.can_edit(EntryKind.TRIGGER)
    assert editors.can_edit(EntryKind.REFLECTION)
    assert editors.can_edit(EntryKind.STATEMENT) and editors.can_edit(EntryKind.QUALITY_TIME)
    assert editors.can_edit(EntryKind.SESSION)


def test_the_cycle_finder_finds_the_old_lazy_import() -> None:
    # base.py once imported the concrete editors inside a function; they import base.
    graph = {"base": {"mood"}, "mood": {"form_editor"}, "form_editor": {"base"}}
    assert _cycle(graph) == ["base", "mood", "form_editor", "base"]
