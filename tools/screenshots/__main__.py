"""One command for every screenshot: `python -m tools.screenshots OUT_DIR [--scene NAME ...]`.

Each scene renders the real app offscreen against a throwaway vault, in light and in dark. With
`--readme`, the pictures the README shows are copied into OUT_DIR under the names it links
(run it with OUT_DIR docs/screenshots to refresh them).
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# name -> what it shows; each is a module here with render(out, scheme, app) -> list[Path]
SCENES = {
    "shell": "welcome, create, recovery code, settings, the passphrase dialog, unlock",
    "journal": "Today and Journal over two years of demo entries; the trigger record",
    "insights": "the Insights page over three months of demo entries, top and further down",
    "share": "the Share page for a therapist and a partner, and their PDFs",
    "coping": "what has helped, the Settings word lists, an own emotion refused",
    "menu": "the menu bar's Edit and Go menus; unlock without menus",
    "pdf": "both summaries as PDF and their pages as PNG (needs pdftoppm)",
    "unlock": "the main window as it first paints after unlocking, then settled",
    "first_paint": "the unlock screen as start-up paints it, then taken over by the shell",
}

# README image -> (scene, file the scene writes)
README = {
    "welcome-light.png": ("shell", "01-welcome-light.png"),
    "unlock-wrong-passphrase-light.png": ("shell", "11-unlock-wrong-passphrase-light.png"),
    "recovery-code-dark.png": ("shell", "04-recovery-code-dark.png"),
    "today-light.png": ("journal", "10-today-light.png"),
    "journal-light.png": ("journal", "11-journal-light.png"),
    "journal-search-dark.png": ("journal", "13-journal-search-dark.png"),
    "today-trigger-dark.png": ("journal", "20-today-trigger-dark.png"),
    "trigger-editor-dark.png": ("journal", "23-trigger-step2-dark.png"),
    "journal-triggers-light.png": ("journal", "25-journal-triggers-light.png"),
    "share-therapist-light.png": ("share", "20-share-therapist-light.png"),
    "insights-light.png": ("insights", "30-insights-light.png"),
    "insights-written-dark.png": ("insights", "31-insights-written-dark.png"),
    "therapist-summary-page1.png": ("pdf", "therapist-summary-page1.png"),
}


def render(out: Path, scenes: list[str]) -> list[Path]:
    """Render `scenes` into `out`, light then dark; returns the files written."""
    from trustjournal.ui.theme import ThemePreference, make_application

    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[0])  # Fusion from the start, as the app makes it
    written: list[Path] = []
    for name in scenes:
        module = importlib.import_module(f"tools.screenshots.{name}")
        for scheme in (ThemePreference.LIGHT, ThemePreference.DARK):
            written += module.render(out, scheme, app)
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the chosen scenes (default: all) into the folder given on the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.screenshots",
        description=(__doc__ or "").splitlines()[0],
        epilog="scenes: " + "; ".join(f"{k} ({v})" for k, v in SCENES.items()),
    )
    parser.add_argument("out", type=Path, help="folder for the pictures")
    parser.add_argument("--scene", action="append", choices=list(SCENES), dest="scenes")
    parser.add_argument("--readme", action="store_true", help="only the README's pictures")
    args = parser.parse_args(argv)
    if not args.readme:
        for path in render(args.out, args.scenes or list(SCENES)):
            print(path)
        return 0
    with tempfile.TemporaryDirectory(prefix="tj-readme-shots-") as tmp:
        render(Path(tmp), sorted({scene for scene, _ in README.values()}))
        args.out.mkdir(parents=True, exist_ok=True)
        for target, (_scene, source) in README.items():
            shutil.copyfile(Path(tmp) / source, args.out / target)
            print(args.out / target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
