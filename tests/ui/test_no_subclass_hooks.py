"""The UI is composed, not inherited into: no hooks for a subclass; the frame knows no vault."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "trustjournal" / "ui"

# Classes whose bare annotations are fields, not attributes left for a subclass to set.
FIELD_CLASSES = {"dataclass", "Protocol", "NamedTuple", "TypedDict", "Enum", "StrEnum"}

# Interfaces with several implementations (three editors, two pickers), not one class split
# in two; they belong to the editors, which issue 17's editor registry reworks. Nothing may
# join this list.
EDITOR_INTERFACES = {
    "editors/base.py: EntryEditor",
    "editors/form_editor.py: FormEditor",
    "editors/vocabulary_picker.py: VocabularyPicker",
}

PLANTED = """
class Flows(QObject):
    _vault: Vault | None

    def _adopt(self, token: int, vault: Vault) -> bool:
        raise NotImplementedError
"""


def _names(nodes: list[ast.expr]) -> set[str]:
    found = set()
    for node in nodes:
        target = node.func if isinstance(node, ast.Call) else node
        if isinstance(target, ast.Attribute):
            found.add(target.attr)
        elif isinstance(target, ast.Name):
            found.add(target.id)
    return found


def _raises_not_implemented(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(node, ast.Raise)
        and node.exc is not None
        and "NotImplementedError" in _names([node.exc])
        for node in ast.walk(function)
    )


def subclass_hooks(source: str, where: str) -> list[str]:
    """Methods raising NotImplementedError, and bare class-level annotations in plain classes."""
    found = []
    for cls in ast.walk(ast.parse(source)):
        if not isinstance(cls, ast.ClassDef):
            continue
        fields = bool(_names(cls.decorator_list + cls.bases) & FIELD_CLASSES)
        for node in cls.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if _raises_not_implemented(node):
                    found.append(f"{where}: {cls.name}.{node.name} raises NotImplementedError")
            elif isinstance(node, ast.AnnAssign) and node.value is None and not fields:
                name = ast.unparse(node.target)
                found.append(f"{where}: {cls.name}.{name} is left for a subclass to set")
    return found


def _class_of(finding: str) -> str:
    """'editors/base.py: EntryEditor' out of 'editors/base.py: EntryEditor.kind is …'."""
    where, _, rest = finding.partition(": ")
    return f"{where}: {rest.split('.')[0]}"


def test_the_scan_finds_a_planted_hook_and_a_planted_abstract_attribute() -> None:
    assert subclass_hooks(PLANTED, "planted.py") == [
        "planted.py: Flows._vault is left for a subclass to set",
        "planted.py: Flows._adopt raises NotImplementedError",
    ]


def test_no_ui_class_leaves_hooks_or_attributes_for_a_subclass() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += subclass_hooks(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert [f for f in found if _class_of(f) not in EDITOR_INTERFACES] == []


def test_the_window_frame_knows_sessions_never_vaults() -> None:
    tree = ast.parse((UI / "window_frame.py").read_text(encoding="utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not any(module.startswith("trustjournal.store") for module in imported)
    assert "Vault" not in names
    assert "vault" not in attributes
