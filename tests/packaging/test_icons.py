"""packaging/make_icons.py: the app icon as hicolor PNGs, a Windows .ico and a macOS .icns."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage

from trustjournal import APP_ID

ROOT = Path(__file__).resolve().parents[2]


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging/make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_side(data: bytes) -> int:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    assert image.width() == image.height()
    return image.width()


def test_hicolor_pngs_from_16_to_512_and_the_scalable_svg(qapp, tmp_path: Path) -> None:
    _make_icons().make_icons(tmp_path, APP_ID)
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner stays transparent
        assert image.pixelColor(size // 2, size // 8).alpha() == 255
    scalable = tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources/icons/app.svg").read_bytes()


def test_the_ico_holds_every_size_up_to_256(qapp, tmp_path: Path) -> None:
    _make_icons().make_icons(tmp_path, APP_ID)
    data = (tmp_path / "trustjournal.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sides = []
    for index in range(count):
        width, height, _c, _r, _p, _b, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        side = _png_side(data[offset : offset + size])
        assert side == (width or 256) == (height or 256)
        sides.append(side)
    assert sides == [16, 24, 32, 48, 64, 128, 256]


def test_the_icns_holds_png_entries_up_to_512(qapp, tmp_path: Path) -> None:
    _make_icons().make_icons(tmp_path, APP_ID)
    data = (tmp_path / "trustjournal.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack_from(">I", data, at + 4)[0]
        found[kind] = _png_side(data[at + 8 : at + length])
        at += length
    assert found == {
        b"icp4": 16,
        b"icp5": 32,
        b"icp6": 64,
        b"ic07": 128,
        b"ic08": 256,
        b"ic09": 512,
    }
