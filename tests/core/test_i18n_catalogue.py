"""The catalogues: every wrapped string translated, every .mo fresh, no visible string unwrapped."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.core.i18n_scan import offenders, unwrapped

CHECKOUT = Path(__file__).resolve().parents[2]
SRC = CHECKOUT / "src" / "trustjournal"
NOT_YET = Path(__file__).resolve().parent / "i18n_unwrapped"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", CHECKOUT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_wrapped_string_has_a_german_entry_and_every_mo_is_fresh() -> None:
    assert _tool().problems() == []


def test_the_check_names_a_missing_entry_and_a_stale_mo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    locale = tmp_path / "locale"
    shutil.copytree(CHECKOUT / "resources" / "locale", locale)
    po = locale / "de" / "LC_MESSAGES" / "cli.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Ohne Befehl", "Ohne Kommando"))
    monkeypatch.setattr(tool, "LOCALE", locale)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "SRC", SRC)
    monkeypatch.setattr(tool, "sources", lambda area: iter([tmp_path / f"{area}.py"]))
    for area in tool.AREAS:
        (tmp_path / f"{area}.py").write_text(f'_("Only in {area}")\n', encoding="utf-8")

    found = tool.problems()
    assert "locale/de/LC_MESSAGES/cli.mo is stale: run python tools/i18n.py compile" in found
    assert "de/share.po lacks 'Only in share' (share.py)" in found
    assert tool.main(["check"]) == 1


def test_the_areas_match_the_loader_and_cover_every_source_file() -> None:
    from trustjournal.core.i18n import AREAS

    tool = _tool()
    assert tool.AREAS == AREAS
    assert tool.area_of(SRC / "ui" / "screens" / "unlock.py") == "screens"
    assert tool.area_of(SRC / "ui" / "share" / "page.py") == "share"
    assert tool.area_of(SRC / "cli" / "parser.py") == "cli"
    assert tool.area_of(SRC / "ui" / "today" / "page.py") == "pages"
    for area in AREAS:
        assert (CHECKOUT / "resources" / "locale" / "de" / "LC_MESSAGES" / f"{area}.po").exists()


def test_the_scan_finds_unwrapped_visible_strings_and_passes_wrapped_ones() -> None:
    source = """
QLabel("Welcome back")
QLabel(_("Welcome back"))
button.setToolTip(f"Saved {n} entries")
button.setToolTip(ngettext("%(n)d entry", "%(n)d entries", n) % {"n": n})
self._out("Done.")
label.setText("—")
raise ValidationError("Please write a name.", field="name")
raise ValidationError(_("Please write a name."), field="name")
sub.add_parser("init", help="create a new journal")
"""
    assert sorted(unwrapped(source)) == [2, 4, 6, 8, 10]


def _listed() -> dict[str, str]:
    listed = {}
    for path in sorted(NOT_YET.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                listed[line.strip()] = path.stem
    return listed


def test_no_visible_string_outside_the_not_yet_converted_list_escapes_translation() -> None:
    found = offenders(SRC)
    listed = _listed()
    new = {f"{path}:{lines}" for path, lines in found.items() if path not in listed}
    assert not new, "wrap these in _() (docs/translating.md)"
    done = {f"{path} ({area}.txt)" for path, area in listed.items() if path not in found}
    assert not done, "fully wrapped now: remove these from tests/core/i18n_unwrapped/"
