"""Render the app icon (resources/icons/app.svg) as hicolor PNGs, a Windows .ico and a macOS .icns.

Usage: python packaging/make_icons.py [OUT_DIR]   (default: build/icons)

Writes OUT_DIR/hicolor/<N>x<N>/apps/<APP_ID>.png for N in 16..512 and
OUT_DIR/hicolor/scalable/apps/<APP_ID>.svg (the layout of ~/.local/share/icons/hicolor),
OUT_DIR/trustjournal.ico and OUT_DIR/trustjournal.icns. Qt's SVG renderer draws the PNGs, as
the app draws its icons; Pillow (the `packaging` extra) writes the .ico and .icns from them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the .ico format stops at 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render_png(svg: Path, size: int, path: Path) -> Path:
    """Draw `svg` at `size` x `size` pixels into the PNG `path`."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def make_icons(out: Path, app_id: str, svg: Path = SVG) -> list[Path]:
    """Write every icon file into `out`; returns them."""
    from PIL import Image

    written: list[Path] = []
    pngs: dict[int, Path] = {}
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"
        pngs[size] = render_png(svg, size, target)
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    with Image.open(pngs[256]) as big:
        ico = out / "trustjournal.ico"
        big.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
        written.append(ico)
    with Image.open(pngs[512]) as biggest:
        icns = out / "trustjournal.icns"
        extra = [Image.open(pngs[s]) for s in ICNS_SIZES if s != 512]
        biggest.save(icns, format="ICNS", append_images=extra)
        for image in extra:
            image.close()
        written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the icons into the folder given (default build/icons)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "build" / "icons")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from trustjournal import APP_ID

    for path in make_icons(args.out, APP_ID):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
