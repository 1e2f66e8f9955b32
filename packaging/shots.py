"""What the screenshot scripts share: the throwaway vault's passphrase, the clock, and the camera.

The scripts are run as `python packaging/NAME.py OUT_DIR`, so this folder is on the path.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from trustjournal.store.keyfile import KdfParams
from trustjournal.ui.theme import ThemePreference

PASSPHRASE = "copper lantern wistful harbour"  # noqa: S105 - a throwaway screenshot vault
CHEAP = KdfParams(memory_kib=8192, iterations=1, lanes=1)
LOCAL = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 14, 19, 40, tzinfo=LOCAL)  # a Saturday evening

Render = Callable[[Path, ThemePreference, QApplication], list[Path]]


def settle(app: QApplication) -> None:
    """Let layouts, style sheets and pending paints finish before a picture is taken."""
    for _ in range(6):
        app.processEvents()


def shot(app: QApplication, widget: QWidget, path: Path) -> Path:
    """Save `widget` as it looks now to `path`."""
    settle(app)
    widget.grab().save(str(path))
    return path


def run(render: Render, description: str | None) -> None:
    """The scripts' command line: OUT_DIR, then every picture in light and in dark."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    for scheme in (ThemePreference.LIGHT, ThemePreference.DARK):
        for path in render(args.out, scheme, app):
            print(path)
