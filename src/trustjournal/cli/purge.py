"""What `trustjournal purge` says: the journal, and each backup that still holds what was purged."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trustjournal.services.purge import PurgeReport


def _copies(count: int) -> str:
    return f"{count} older cop{'y' if count == 1 else 'ies'}"


def _it(paths: Sequence[Path]) -> str:
    return "it" if len(paths) == 1 else "them"


def _names(paths: Sequence[Path], vault_dir: Path) -> str:
    shown = []
    for path in paths:
        try:
            shown.append(str(path.relative_to(vault_dir)))
        except ValueError:
            shown.append(str(path))
    return ", ".join(shown)


def purge_lines(report: PurgeReport, vault_dir: Path) -> list[str]:
    """The lines to print, plain about every copy that still holds a purged entry (S19)."""
    count = report.removed
    lines = [f"Removed {count} entr{'y' if count == 1 else 'ies'} from the bin for good."]
    if report.rewritten:
        lines.append(
            f"Also removed from {_copies(len(report.rewritten))} in backups/: "
            f"{_names(report.rewritten, vault_dir)}."
        )
    if report.deleted:
        lines.append(
            f"Deleted {_copies(len(report.deleted))} in backups/ that held it: "
            f"{_names(report.deleted, vault_dir)}."
        )
    if report.still_holding:
        held = report.still_holding
        verb = "holds" if len(held) == 1 else "hold"
        lines.append(
            f"{_copies(len(held))} in backups/ still {verb} what you purged: "
            f"{_names(held, vault_dir)}."
        )
        lines.append(
            "To remove it from them too, run: trustjournal purge --also-backups rewrite "
            "(or --also-backups remove to delete those copies)."
        )
    if report.unchecked:
        it = _it(report.unchecked)
        lines.append(
            f"{_copies(len(report.unchecked))} in backups/ could not be opened to check: "
            f"{_names(report.unchecked, vault_dir)}. Delete {it} yourself if you no longer "
            f"need {it}."
        )
    return lines
