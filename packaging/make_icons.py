"""Render the app icon (resources/icons/app.svg) as hicolor PNGs, a Windows .ico and a macOS .icns.

Usage: python packaging/make_icons.py [OUT_DIR]   (default: build/icons)

Writes OUT_DIR/hicolor/<N>x<N>/apps/<APP_ID>.png for N in 16..512 and
OUT_DIR/hicolor/scalable/apps/<APP_ID>.svg (the layout of ~/.local/share/icons/hicolor),
OUT_DIR/trustjournal.ico and OUT_DIR/trustjournal.icns. Qt's SVG renderer draws the PNGs, as
the app draws its icons; both icon files are containers of those PNGs (Windows Vista and macOS
10.7 on read PNG entries), written here with the standard library.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the .ico format stops at 256
# macOS icon types holding PNG data, by pixel size (ic10 is 512 at 2x, i.e. 1024 pixels)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


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


def write_ico(pngs: dict[int, bytes], path: Path) -> Path:
    """A Windows .ico of PNG entries (sizes up to 256; 256 is stored as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    path.write_bytes(header + entries + blobs)
    return path


def write_icns(pngs: dict[int, bytes], path: Path) -> Path:
    """A macOS .icns of PNG entries."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
        for size, data in sorted(pngs.items())
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


def make_icons(out: Path, app_id: str, svg: Path = SVG) -> list[Path]:
    """Write every icon file into `out`; returns them."""
    written: list[Path] = []
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"
        pngs[size] = render_png(svg, size, target).read_bytes()
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    ico = {size: data for size, data in pngs.items() if size in ICO_SIZES}
    written.append(write_ico(ico, out / "trustjournal.ico"))
    icns = {size: data for size, data in pngs.items() if size in ICNS_TYPES}
    written.append(write_icns(icns, out / "trustjournal.icns"))
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
