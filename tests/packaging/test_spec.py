"""The PyInstaller spec: one folder, the whole resources tree where the accessor looks, and no
Qt module left out that the app imports."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from trustjournal.core import resources

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "trustjournal.spec"


def _assigned(name: str) -> object:
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not assigned in the spec")


def test_the_spec_builds_one_folder_never_one_file() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "exclude_binaries=True" in text
    assert "COLLECT(" in text


def test_no_excluded_qt_module_is_imported_by_the_app() -> None:
    excluded = set(_assigned("QT_UNUSED"))  # type: ignore[arg-type]
    assert {"QtWebEngineCore", "QtQml", "QtQuick", "QtMultimedia", "Qt3DCore"} <= excluded
    imported = set()
    for source in (ROOT / "src" / "trustjournal").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
        imported |= set(
            re.findall(r"from PySide6 import (Qt\w+)", source.read_text(encoding="utf-8"))
        )
    assert imported, "the scan found no Qt imports at all"
    assert not imported & excluded


def test_the_resources_land_where_the_frozen_accessor_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SPEC.read_text(encoding="utf-8")
    destination = re.search(r'datas=\[\(str\(ROOT / "resources"\), "([^"]+)"\)\]', text)
    assert destination is not None, "the spec bundles the whole resources/ tree"
    bundled = tmp_path / destination.group(1)
    (bundled / "vocabulary").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resources_root.cache_clear()
    try:
        assert resources.resources_root() == bundled
    finally:
        resources.resources_root.cache_clear()
