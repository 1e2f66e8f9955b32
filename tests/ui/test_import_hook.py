"""PySide6's per-import check gets the same answers, read from the file's bytes; the app uses it."""

from __future__ import annotations

import importlib
import inspect
import json
import sys
import types
from pathlib import Path

import pytest

from trustjournal import __main__ as entry
from trustjournal.ui import import_hook

feature = importlib.import_module("shibokensupport.feature")


def _pyside_own_check(module: types.ModuleType) -> bool:
    """PySide6's answer, as its own `_mod_uses_pyside` gives it (source via inspect)."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


@pytest.fixture
def original_check(monkeypatch: pytest.MonkeyPatch) -> types.FunctionType:
    """PySide6's check as it ships (unwrapped if the app already swapped it in this process)."""
    check = feature._mod_uses_pyside
    while getattr(check, "_reads_bytes", False):
        check = check.__closure__[0].cell_contents  # type: ignore[index]
    monkeypatch.setattr(feature, "_mod_uses_pyside", check)
    return check  # type: ignore[no-any-return]


def test_the_answers_are_pysides_own(original_check: types.FunctionType, tmp_path: Path) -> None:
    assert import_hook.speed_up_pyside_import_hook()
    swapped = feature._mod_uses_pyside
    assert swapped is not original_check
    plain = types.ModuleType("plain")
    plain.__file__ = str(tmp_path / "gone.py")  # a module whose file has since gone
    modules = [
        importlib.import_module("trustjournal.ui.main_window"),  # uses PySide6
        importlib.import_module("trustjournal.core.wording"),  # does not
        json,  # the standard library
        sys,  # built in
        importlib.import_module("PySide6.QtCore"),  # compiled
        plain,
    ]
    answers = [swapped(module) for module in modules]
    assert answers == [_pyside_own_check(module) for module in modules]
    assert answers == [True, False, False, False, False, False]


def test_swapping_twice_changes_nothing(original_check: types.FunctionType) -> None:
    assert import_hook.speed_up_pyside_import_hook()
    swapped = feature._mod_uses_pyside
    assert not import_hook.speed_up_pyside_import_hook()
    assert feature._mod_uses_pyside is swapped


def test_the_app_swaps_it_before_importing_its_modules(
    original_check: types.FunctionType, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_module = importlib.import_module("trustjournal.app")
    seen: list[bool] = []

    def run(*, vault_dir: Path | None = None, demo: bool = False) -> int:
        seen.append(getattr(feature._mod_uses_pyside, "_reads_bytes", False))
        return 0

    monkeypatch.setattr(app_module, "run", run)
    assert entry.main([]) == 0
    assert seen == [True]
