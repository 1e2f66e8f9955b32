"""Before Qt loads its X11 plugin, a missing system library is named with its package."""

from __future__ import annotations

import pytest

from trustjournal import __main__ as entry
from trustjournal import display_libraries
from trustjournal.display_libraries import XCB_LIBRARIES, start_up_problem, uses_xcb

X11 = {"DISPLAY": ":0"}


def _without(*absent: str):
    def load(soname: str) -> object:
        if soname in absent:
            raise OSError(f"{soname}: cannot open shared object file")
        return object()

    return load


def test_missing_libraries_are_named_with_the_packages_to_install() -> None:
    message = start_up_problem(
        X11, platform="linux", load=_without("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    )
    assert message is not None
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "libxcb-cursor0" not in message  # not Qt's guess: only what is really missing
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message


def test_nothing_is_said_when_every_library_loads() -> None:
    assert start_up_problem(X11, platform="linux", load=_without()) is None


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "darwin", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_only_an_x11_start_is_checked(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert uses_xcb(environ, platform) is expected
    looked: list[str] = []

    def load(soname: str) -> object:
        looked.append(soname)
        raise OSError(soname)

    problem = start_up_problem(environ, platform=platform, load=load)
    assert (problem is not None) is expected
    assert bool(looked) is expected  # not even looked up otherwise


def test_every_library_names_a_package() -> None:
    assert all(soname.startswith("lib") and ".so." in soname for soname in XCB_LIBRARIES)
    assert all(XCB_LIBRARIES.values())


def test_the_app_says_so_and_stops_before_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(display_libraries, "_load", _without("libxcb-keysyms.so.1"))
    assert entry.main([]) == 1
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-keysyms1" in err
    assert "Traceback" not in err
