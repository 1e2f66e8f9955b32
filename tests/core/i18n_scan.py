"""Finds user-visible string literals in src/ that are not wrapped in _() / ngettext()."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

# Calls whose positional string arguments a person reads: Qt constructors and setters, the
# helpers in ui/widgets/common.py, and the CLI's output.
UI_CALLS = frozenset(
    {
        "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton",
        "QAction", "QMenu", "QMessageBox", "setText", "setToolTip", "setPlaceholderText",
        "setWindowTitle", "setStatusTip", "setTitle", "setSuffix", "setPrefix",
        "setAccessibleName", "setAccessibleDescription", "setSpecialValueText", "addAction",
        "addItem", "addItems", "addTab", "setTabText", "showMessage", "button", "label",
        "heading", "print", "_out", "out", "warn", "say",
    }
)  # fmt: skip
UI_KEYWORDS = frozenset({"help", "description", "epilog", "title", "text", "tooltip"})
_WORDS = re.compile(r"[A-Za-z]{2,}")  # "—", "·", "%", "0" and single letters are not prose


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _prose(node: ast.expr) -> bool:
    """A literal (or f-string) a person would read as words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_prose(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):  # "a" + "b", "x %s" % y
        return _prose(node.left) or _prose(node.right)
    return False


def unwrapped(source: str) -> Iterator[int]:
    """Line numbers of user-visible literals in the source that no _() wraps."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) in UI_CALLS:
            args = [*node.args, *(k.value for k in node.keywords if k.arg in UI_KEYWORDS)]
        elif isinstance(node, ast.Call) and _name(node.func).endswith("parser"):
            args = [k.value for k in node.keywords if k.arg in UI_KEYWORDS]
        elif isinstance(node, ast.Call) and node.keywords:
            args = [k.value for k in node.keywords if k.arg in {"help", "description"}]
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            args = node.exc.args[:1] if _name(node.exc.func).endswith("Error") else []
        else:
            continue
        yield from (arg.lineno for arg in args if _prose(arg))


def offenders(src: Path) -> dict[str, list[int]]:
    """Every source file under src with unwrapped user-visible literals, and their lines."""
    found: dict[str, list[int]] = {}
    for path in sorted(src.rglob("*.py")):
        lines = sorted(set(unwrapped(path.read_text(encoding="utf-8"))))
        if lines:
            found[path.relative_to(src).as_posix()] = lines
    return found
