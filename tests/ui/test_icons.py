"""Every named icon ships and draws; icons follow the palette and stay sharp at 2x."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from pytestqt.qtbot import QtBot

from trustjournal.core.resources import resource_path
from trustjournal.ui.icons import Icon, icon, pixmap, tinted_pixmap


def _drawn_pixels(name: Icon, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[str]:
    image = icon(name).pixmap(QSize(24, 24), 1.0, mode).toImage()
    return [
        image.pixelColor(x, y).name()
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha() > 200
    ]


def test_every_named_icon_loads_and_draws_something(qtbot: QtBot) -> None:
    for name in Icon:
        assert not icon(name).isNull(), name
        image = pixmap(name, 24)
        assert not image.isNull(), name
        assert _drawn_pixels(name), f"{name} drew nothing"


def test_every_svg_file_is_a_named_icon() -> None:
    files = {p.stem for p in resource_path("icons").glob("*.svg")}
    assert files == {i.value for i in Icon}


def test_icons_render_at_device_resolution_for_high_dpi(qtbot: QtBot) -> None:
    image = pixmap(Icon.LOCK, 24, ratio=2.0)
    assert image.size() == QSize(48, 48)
    assert image.devicePixelRatio() == 2.0


def test_disabled_icons_use_the_palette_disabled_colour(qtbot: QtBot) -> None:
    normal = set(_drawn_pixels(Icon.LOCK))
    disabled = set(_drawn_pixels(Icon.LOCK, QIcon.Mode.Disabled))
    assert normal and disabled
    assert normal != disabled


def test_gratitude_rows_have_their_own_icon() -> None:
    from trustjournal.ui.journal.delegate import KIND_ICONS

    assert KIND_ICONS["gratitude"] is Icon.GRATITUDE
    assert len(set(KIND_ICONS.values())) == len(KIND_ICONS)
    assert resource_path("icons", "gratitude.svg").read_text().count("currentColor") >= 1


def test_tinted_pixmaps_are_drawn_once_and_follow_a_palette_change(qtbot: QtBot) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    first = tinted_pixmap(Icon.HEART, 18)
    assert tinted_pixmap(Icon.HEART, 18).cacheKey() == first.cacheKey()
    drawn = icon(Icon.HEART).pixmap(QSize(18, 18), 1.0, QIcon.Mode.Normal)
    assert first.toImage() == drawn.toImage()
    saved = app.palette()
    changed = QPalette(saved)
    changed.setColor(QPalette.ColorRole.WindowText, QColor("#ff0000"))
    app.setPalette(changed)
    try:
        recoloured = tinted_pixmap(Icon.HEART, 18)
        assert recoloured.cacheKey() != first.cacheKey()
        assert recoloured.toImage() != first.toImage()
    finally:
        app.setPalette(saved)
    assert tinted_pixmap(Icon.HEART, 18).cacheKey() == first.cacheKey()


def test_a_copied_icon_that_detaches_still_paints_after_garbage_collection() -> None:
    """Qt clones the engine when a copied icon changes; the clone must outlive the call."""
    script = """
import gc
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication
app = QApplication([])
from trustjournal.ui.icons import Icon, icon
originals, copies = [], []
for _ in range(50):
    original = icon(Icon.LOCK)
    copy = QIcon(original)
    copy.addPixmap(QPixmap(8, 8))  # shared, so it detaches: Qt asks the engine for a clone
    originals.append(original)
    copies.append(copy)
gc.collect()
for copy in copies:
    assert not copy.pixmap(32).isNull()
print("painted")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and "painted" in done.stdout, done.stderr[-2000:]
