"""Before Qt opens an X11 window: are the system libraries its xcb plugin needs installed?

Without one of them Qt aborts the start with a hint that names only one library (and not
always the missing one). This looks first, with a plain message naming the packages. It
loads each library by name (ctypes, no subprocess): about a millisecond, and Qt loads the
same ones a moment later anyway. Nothing here imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

from trustjournal.core.i18n import _

# What PySide6's libqxcb.so and libQt6XcbQpa.so.6 need beyond Qt itself (readelf -d, NEEDED),
# with the Debian/Ubuntu package that ships each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def _load(soname: str) -> object:
    import ctypes  # only when the window will be an X11 one

    return ctypes.CDLL(soname)


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt is going to open its window through X11 (the xcb plugin).

    Only on Linux with an X display; not when another platform is asked for
    (QT_QPA_PLATFORM=offscreen, wayland…), nor in a Wayland session that did not ask for xcb.
    """
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_libraries(load: Callable[[str], object] | None = None) -> list[str]:
    """The libraries of XCB_LIBRARIES that cannot be loaded (`load` raises OSError)."""
    missing: list[str] = []
    for soname in XCB_LIBRARIES:
        try:
            (load or _load)(soname)
        except OSError:
            missing.append(soname)
    return missing


def missing_message(missing: list[str]) -> str:
    """What to tell the person: which packages to install, in plain words."""
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[soname] for soname in missing))
    return _(
        "TrustJournal cannot open its window: some system libraries it needs are not "
        "installed.\n"
        "On Debian or Ubuntu, install them with:\n"
        "    sudo apt install {packages}\n"
        "(On other systems, look for the packages that provide: {libraries}.)\n"
        "Nothing in your journal was touched."
    ).format(packages=packages, libraries=", ".join(missing))


def start_up_problem(
    environ: Mapping[str, str],
    *,
    platform: str = sys.platform,
    load: Callable[[str], object] | None = None,
) -> str | None:
    """The message to show instead of starting, or None when the window can open."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_libraries(load)
    return missing_message(missing) if missing else None
