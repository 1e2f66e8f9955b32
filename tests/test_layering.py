"""The layers of DESIGN.md §3: core, store, services and the CLI's non-PDF paths never load Qt."""

from __future__ import annotations

import pkgutil
import re
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


# --- the UI goes through services (issue 17) ------------------------------------------------------

UI_DIR = PACKAGE_DIR / "ui"

# What the UI may not do: reach the database, the store's figures or a repository directly.
# It runs use cases through `session.services` (ui/operations.py) instead.
UI_FORBIDDEN = {
    "vault.db": re.compile(r"vault\.db\b"),
    "store.aggregates": re.compile(
        r"store\.aggregates\b|from trustjournal\.store import [^\n]*\baggregates\b"
    ),
    "Repository(": re.compile(r"\b[A-Za-z_]*Repository\("),
}

# Places not yet moved onto services, with how many uses each has now. The counts must match
# exactly: a new use fails, and so does a migrated one until its line here shrinks or goes.
# Every place is moved now (issue 17); the list stays, empty, so that it can only stay so.
UI_NOT_YET_MIGRATED: dict[str, dict[str, int]] = {}


def forbidden_ui_uses(ui_dir: Path) -> dict[str, dict[str, int]]:
    """How often each forbidden use occurs in each module under `ui_dir` (relative posix paths)."""
    found: dict[str, dict[str, int]] = {}
    for path in sorted(ui_dir.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        counts = {rule: len(p.findall(text)) for rule, p in UI_FORBIDDEN.items()}
        counts = {rule: n for rule, n in counts.items() if n}
        if counts:
            found[path.relative_to(ui_dir).as_posix()] = counts
    return found


def ui_layering_problems(ui_dir: Path, allowed: dict[str, dict[str, int]]) -> list[str]:
    """Every difference between what the UI does and what the allow-list says, as a sentence."""
    found = forbidden_ui_uses(ui_dir)
    problems = []
    for module in sorted(found.keys() | allowed.keys()):
        uses, allowance = found.get(module, {}), allowed.get(module, {})
        for rule in sorted(uses.keys() | allowance.keys()):
            have, may = uses.get(rule, 0), allowance.get(rule, 0)
            if have > may:
                problems.append(f"ui/{module} uses {rule} ({have}x): go through session.services")
            elif have < may:
                problems.append(f"ui/{module} uses {rule} {have}x, allowed {may}x: shrink the list")
    return problems


def test_the_ui_reaches_the_store_only_through_services() -> None:
    assert ui_layering_problems(UI_DIR, UI_NOT_YET_MIGRATED) == []


def test_a_widget_reaching_for_the_database_fails_the_layering_check(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    (ui / "widgets").mkdir(parents=True)
    (ui / "widgets" / "planted.py").write_text(
        "def refresh(session):\n    return session.vault.db.query('SELECT 1')\n",
        encoding="utf-8",
    )
    (ui / "figures.py").write_text(
        "from trustjournal.store.aggregates import streak\n"
        "from trustjournal.store.settings import SettingsRepository\n"
        "def read(db):\n    return SettingsRepository(db=db), streak(db, None)\n",
        encoding="utf-8",
    )

    assert ui_layering_problems(ui, {}) == [
        "ui/figures.py uses Repository( (1x): go through session.services",
        "ui/figures.py uses store.aggregates (1x): go through session.services",
        "ui/widgets/planted.py uses vault.db (1x): go through session.services",
    ]


def test_a_migrated_place_must_leave_the_allow_list(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    ui.mkdir()
    (ui / "page.py").write_text("def read(session):\n    return session.services\n", "utf-8")

    assert ui_layering_problems(ui, {"page.py": {"vault.db": 1}}) == [
        "ui/page.py uses vault.db 0x, allowed 1x: shrink the list"
    ]
