"""The layers of DESIGN.md §3: core, store, services and the CLI's non-PDF paths never load Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import trustjournal

PACKAGE_DIR = Path(trustjournal.__file__).parent
QT_FREE_LAYERS = ("core", "store", "services")


def _modules(layer: str) -> list[str]:
    path = [str(PACKAGE_DIR / layer)]
    return [f"trustjournal.{layer}.{m.name}" for m in pkgutil.walk_packages(path)]


def _loads_qt(code: str) -> list[str]:
    """Run code in a fresh interpreter and return any PySide6/shiboken modules it loaded."""
    report = "print(' '.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    probe = f"{code}\nimport sys\n{report}"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout.split()


def test_every_layer_has_modules_to_check() -> None:
    for layer in QT_FREE_LAYERS:
        assert _modules(layer), layer


def test_core_store_and_services_import_no_qt() -> None:
    modules = [m for layer in QT_FREE_LAYERS for m in _modules(layer)]
    code = "\n".join(f"import {m}" for m in modules)
    assert _loads_qt(code) == []


def test_cli_non_pdf_paths_import_no_qt(tmp_path: Path) -> None:
    code = (
        "import trustjournal.cli as cli\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['--version'])\n"
    )
    assert _loads_qt(code) == []


def test_core_imports_nothing_else_of_ours() -> None:
    for path in (PACKAGE_DIR / "core").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for other in (
            "trustjournal.store",
            "trustjournal.services",
            "trustjournal.ui",
            "trustjournal.cli",
        ):
            assert other not in text, f"{path.name} imports {other}"


def test_store_and_services_do_not_import_upwards() -> None:
    for layer, forbidden in (
        (
            "store",
            ("trustjournal.services", "trustjournal.ui", "trustjournal.cli", "trustjournal.app"),
        ),
        ("services", ("trustjournal.ui", "trustjournal.cli", "trustjournal.app")),
    ):
        for path in (PACKAGE_DIR / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for other in forbidden:
                assert other not in text, f"{layer}/{path.name} imports {other}"
