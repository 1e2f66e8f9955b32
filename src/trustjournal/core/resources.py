"""Finds the shipped resources (vocabularies, prompts, icons, catalogues) wherever the app runs.

The top-level `resources/` folder is copied into the wheel as `trustjournal/resources`. In a
source checkout or an editable install the package has no copy, so the folder beside `src/` is
used; in a frozen (PyInstaller) app it is under `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

_MARKER = "vocabulary"  # a folder every complete resources tree has


def _candidates() -> list[Path]:
    package = Path(__file__).resolve().parent.parent  # .../trustjournal
    found = [package / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        found.insert(0, Path(frozen_root) / "trustjournal" / "resources")
    found.append(package.parent.parent / "resources")  # src/trustjournal -> checkout root
    return found


@cache
def resources_root() -> Path:
    """The folder holding the shipped resources.

    Raises:
        FileNotFoundError: if no complete resources folder exists (a broken install).
    """
    for candidate in _candidates():
        if (candidate / _MARKER).is_dir():
            return candidate
    raise FileNotFoundError("TrustJournal's resources are missing; please reinstall")


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. resource_path("icons", "lock.svg")."""
    return resources_root().joinpath(*parts)


# Folders holding one subfolder per language (resources/prompts/<lang>/…); English is complete.
LOCALISED = ("prompts", "vocabulary")
FALLBACK_LANGUAGE = "en"


def resource_path_for(lang: str, *parts: str) -> Path:
    """A localised resource, e.g. resource_path_for("de_AT", "prompts", "gratitude_prompts.json").

    Looks in resources/prompts/de_AT/…, then …/de/…, then the English file, which always exists.
    """
    folder, *rest = parts
    for candidate in (lang, lang.split("_", maxsplit=1)[0], FALLBACK_LANGUAGE):
        path = resources_root().joinpath(folder, candidate, *rest)
        if path.is_file():
            return path
    return resources_root().joinpath(folder, FALLBACK_LANGUAGE, *rest)


def load_json(*parts: str, lang: str = FALLBACK_LANGUAGE) -> Any:
    """Read a shipped JSON resource; a localised one (prompts, vocabulary) in `lang` or English."""
    import json  # icons need only paths; the unlock screen paints before json loads

    path = resource_path_for(lang, *parts) if parts[0] in LOCALISED else resource_path(*parts)
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)
