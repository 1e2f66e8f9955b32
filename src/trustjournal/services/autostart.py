"""Starting TrustJournal at login: an XDG autostart entry on Linux (documented elsewhere)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from trustjournal import APP_ID

ENTRY_NAME = f"{APP_ID}.desktop"
# Started at login, the app waits hidden in the tray (locked): a journal window popping up
# at login is what a person sharing this computer must not see (SECURITY.md, T1).
MINIMISED = "--minimised"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def supported(platform: str = sys.platform) -> bool:
    """Whether the app writes the autostart entry itself (freedesktop systems: Linux, BSD)."""
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def entry_path(env: Mapping[str, str] = os.environ) -> Path:
    """$XDG_CONFIG_HOME/autostart/<app id>.desktop (~/.config when the variable is unset)."""
    config = env.get("XDG_CONFIG_HOME") or ""
    base = Path(config) if Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / ENTRY_NAME


def launch_command() -> list[str]:
    """The installed command: the bundle's program, else `trustjournal` on PATH, else this
    Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    found = shutil.which("trustjournal")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "trustjournal"]


def exec_line(command: Sequence[str]) -> str:
    """The command as a desktop entry's Exec value (quoted and escaped as the spec says)."""

    def quoted(arg: str) -> str:
        arg = arg.replace("%", "%%")
        if not any(c in _RESERVED for c in arg):
            return arg
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return '"' + inner + '"'

    # The string escape applies on top of the quoting: every backslash is written twice.
    return " ".join(quoted(arg) for arg in command).replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The autostart entry's text: `command` with --minimised, so the app starts locked and
    out of sight (in the tray, or minimised where there is none)."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=TrustJournal",
            "Comment=Starts TrustJournal locked and out of sight, so its reminders can show",
            f"Exec={exec_line([*command, MINIMISED])}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def is_enabled(env: Mapping[str, str] = os.environ) -> bool:
    """Whether the autostart entry is there."""
    return entry_path(env).is_file()


def enable(command: Sequence[str], env: Mapping[str, str] = os.environ) -> Path:
    """Write the autostart entry (replacing an older one in one step); returns its path.

    Raises:
        OSError: if the folder or the file could not be written.
    """
    path = entry_path(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(desktop_entry(command), encoding="utf-8")
    os.replace(temporary, path)
    return path


def disable(env: Mapping[str, str] = os.environ) -> None:
    """Remove the autostart entry, if there is one.

    Raises:
        OSError: if it is there but could not be removed.
    """
    entry_path(env).unlink(missing_ok=True)
