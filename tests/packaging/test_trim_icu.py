"""packaging/trim_icu.py: Qt's ICU data rebuilt smaller still answers what Qt asks it."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_collation_and_root_stay_other_languages_and_tables_go() -> None:
    keeps = _load("trim_icu").keeps
    kept = ["coll/sv.res", "coll/ucadata.icu", "zone/de_AT.res", "zone/en.res", "zone/root.res"]
    kept += ["lang/pool.res", "region/res_index.res", "zoneinfo64.res", "metaZones.res", "de.res"]
    dropped = ["zone/fr.res", "lang/ja.res", "sv.res", "ibm-37_P100-1995.cnv", "brkitr/root.res"]
    dropped += ["brkitr/cjdict.dict", "curr/fil.res"]
    assert [item for item in kept if not keeps(item, ["en", "de"])] == []
    assert [item for item in dropped if keeps(item, ["en", "de"])] == []


LINUX_ICU = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or not list(QT_LIB.glob("libicudata.so.*"))
    or not all(shutil.which(tool) for tool in ("icupkg", "objcopy", "ld", "nm")),
    reason="only Linux PySide6 wheels ship ICU; needs icu-devtools and binutils (CI has them)",
)


def _check_in_a_fresh_process(original: Path, languages: list[str], tmp_path: Path) -> str:
    """Rebuild the data for `languages`, put it beside copies of Qt's ICU and QtCore, and run
    the smoke test's ICU check on them in a process that has loaded no ICU yet."""
    trimmed = _load("trim_icu").trim(original, languages, tmp_path / "work")
    libs = tmp_path / "_internal" / "PySide6" / "Qt" / "lib"
    libs.mkdir(parents=True)
    for library in [*QT_LIB.glob("libicu[iu]*.so.*"), QT_LIB / "libQt6Core.so.6", trimmed]:
        shutil.copy(library, libs)
    code = (
        "import importlib.util, sys;"
        "s = importlib.util.spec_from_file_location('smoke', sys.argv[1]);"
        "m = importlib.util.module_from_spec(s); s.loader.exec_module(m);"
        "m._icu_answers_what_qt_asks(__import__('pathlib').Path(sys.argv[2]))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(ROOT / "packaging" / "smoke_test.py"),
         str(tmp_path / "_internal")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    return f"{done.returncode} {done.stderr.strip()}"


@LINUX_ICU
def test_the_trimmed_data_answers_every_question_qt_asks(tmp_path: Path) -> None:
    original = next(QT_LIB.glob("libicudata.so.*"))
    assert _check_in_a_fresh_process(original, ["en", "de"], tmp_path) == "0 "
    trimmed = tmp_path / "work" / original.name
    assert trimmed.stat().st_size < original.stat().st_size / 3


@LINUX_ICU
def test_the_check_notices_data_that_is_gone(tmp_path: Path) -> None:
    """Without German zone names (trimmed for English only) the same check fails."""
    original = next(QT_LIB.glob("libicudata.so.*"))
    outcome = _check_in_a_fresh_process(original, ["en"], tmp_path)
    assert outcome.startswith("1 ICU names Europe/Berlin"), outcome
