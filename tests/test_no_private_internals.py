"""No code of ours reaches a private or `*support*` part of PySide6, shiboken6 or sqlcipher3."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import trustjournal

ROOT = Path(trustjournal.__file__).parents[2]
SCANNED = ("src", "benchmarks", "tests")
# shibokensupport is PySide6's own helper package, importable once QtCore is loaded.
LIBRARIES = ("PySide6", "shiboken6", "sqlcipher3", "shibokensupport")
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_NAMING_ATTRIBUTES = ("getattr", "setattr", "delattr", "hasattr")


def _is_private(name: str) -> bool:
    """A `_name` or a `*support*` helper; `__init__` and Qt's `QtPrintSupport` are public."""
    dunder = name.startswith("__") and name.endswith("__")
    return (name.startswith("_") and not dunder) or "support" in name


def _library_path(dotted: str) -> bool:
    return dotted.split(".", maxsplit=1)[0] in LIBRARIES


def _private_parts(dotted: str) -> list[str]:
    return [part for part in dotted.split(".") if _is_private(part)]


def _bound_names(tree: ast.AST) -> dict[str, str]:
    """Local names bound to a library module or object, and the dotted path each stands for."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _library_path(alias.name):
                    local = alias.asname or alias.name.split(".")[0]
                    bound[local] = alias.name if alias.asname else local
        elif isinstance(node, ast.ImportFrom) and node.module and _library_path(node.module):
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Assign) and (module := _imported_by_call(node.value)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    bound[target.id] = module
    return bound


def _imported_by_call(node: ast.expr) -> str | None:
    """The library module `importlib.import_module("...")` or `__import__("...")` names, if any."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    name = node.args[0]
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if called not in ("import_module", "__import__") or not isinstance(name, ast.Constant):
        return None
    return name.value if isinstance(name.value, str) and _library_path(name.value) else None


def _chain(node: ast.expr) -> list[str] | None:
    """`a.b.c` as ["a", "b", "c"], or None when it does not start at a plain name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


def private_uses(source: str) -> list[str]:
    """What `source` reaches of the libraries' private or support parts, one line per use."""
    tree = ast.parse(source)
    bound = _bound_names(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            found += [
                f"{line}: import {a.name}"
                for a in node.names
                if _library_path(a.name) and _private_parts(a.name)
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and _library_path(node.module):
            names = [a.name for a in node.names]
            if _private_parts(node.module) or any(_is_private(n) for n in names):
                found.append(f"{line}: from {node.module} import {', '.join(names)}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute):
            chain = _chain(node)
            if chain and chain[0] in bound and _is_private(node.attr):
                found.append(f"{line}: {'.'.join(chain)}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in _NAMING_ATTRIBUTES and len(node.args) >= 2:
                target, name = node.args[0], node.args[1]
                chain = _chain(target)
                if (
                    chain
                    and chain[0] in bound
                    and isinstance(name, ast.Constant)
                    and isinstance(name.value, str)
                    and _is_private(name.value)
                ):
                    found.append(f"{line}: {node.func.id}({'.'.join(chain)}, {name.value!r})")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # A module named in a string, as importlib.import_module("shibokensupport.x") does.
            text = node.value
            if _DOTTED.fullmatch(text) and _library_path(text) and _private_parts(text):
                found.append(f"{line}: {text!r}")
    return found


def _our_files() -> Iterator[Path]:
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.resolve() != Path(__file__).resolve():
                yield path


def test_no_code_reaches_library_internals() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{use}"
        for path in _our_files()
        for use in private_uses(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_covers_the_package() -> None:
    files = {path.relative_to(ROOT).as_posix() for path in _our_files()}
    assert "src/trustjournal/store/db.py" in files
    assert "src/trustjournal/ui/theme.py" in files


# The patch this test was written against (ui/import_hook.py until issue 17), cut down.
OLD_IMPORT_HOOK = """
import importlib
_FEATURE_MODULE = "shibokensupport.feature"
def speed_up_pyside_import_hook():
    import PySide6.QtCore
    feature = importlib.import_module(_FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    setattr(feature, "_mod_uses_pyside", original)
"""
REACHED_BY_NAME = """
import importlib
module = importlib.import_module("PySide6.QtCore")
setattr(module, "_hook", None)
"""


@pytest.mark.parametrize(
    "source",
    [
        OLD_IMPORT_HOOK,
        REACHED_BY_NAME,
        "import shiboken6\nshiboken6._x(1)",
        "import shiboken6 as sb\nsb._x = 1",
        "from shibokensupport.feature import feature_import",
        "import shibokensupport.signature",
        "import PySide6.support",
        "from PySide6.support import deprecated",
        "from PySide6 import support",
        "import PySide6.QtCore\nPySide6.QtCore._hook = None",
        "from PySide6 import QtCore\nQtCore.QObject._private()",
        "from PySide6.QtCore import QObject\nQObject._private = None",
        "from sqlcipher3 import _sqlite3",
        "import sqlcipher3.dbapi2\nsqlcipher3.dbapi2._connect()",
        "import shiboken6\nsetattr(shiboken6, '_f', print)",
        "import importlib\nimportlib.import_module('PySide6.support.deprecated')",
    ],
)
def test_the_scan_finds_private_uses(source: str) -> None:
    assert private_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        "import shiboken6\nshiboken6.isValid(object())\nshiboken6.delete(object())",
        "from shiboken6 import isValid",
        "from PySide6.QtCore import Qt\nQt.AlignmentFlag.AlignLeft",
        "from PySide6.QtWidgets import QWidget\nQWidget.__init__",
        "import sqlcipher3.dbapi2\nsqlcipher3.dbapi2.connect(':memory:')",
        "class A:\n    def f(self):\n        self._support = 1",  # our own attributes
        "text = 'see the support page'",
        "from PySide6.QtPrintSupport import QPrinter",
    ],
)
def test_the_scan_passes_public_uses(source: str) -> None:
    assert private_uses(source) == []
