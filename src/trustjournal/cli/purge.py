"""What `trustjournal purge` says: the journal, and each backup that still holds what was purged."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trustjournal.core.i18n import ngettext
from trustjournal.services.purge import PurgeReport


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
    lines = [
        ngettext(
            "Removed {count} entry from the bin for good.",
            "Removed {count} entries from the bin for good.",
            count,
        ).format(count=count)
    ]
    if report.rewritten:
        copies = len(report.rewritten)
        lines.append(
            ngettext(
                "Also removed from {count} older copy in backups/: {names}.",
                "Also removed from {count} older copies in backups/: {names}.",
                copies,
            ).format(count=copies, names=_names(report.rewritten, vault_dir))
        )
    if report.deleted:
        copies = len(report.deleted)
        lines.append(
            ngettext(
                "Deleted {count} older copy in backups/ that held it: {names}.",
                "Deleted {count} older copies in backups/ that held it: {names}.",
                copies,
            ).format(count=copies, names=_names(report.deleted, vault_dir))
        )
    if report.still_holding:
        copies = len(report.still_holding)
        lines.append(
            ngettext(
                "{count} older copy in backups/ still holds what you purged: {names}.",
                "{count} older copies in backups/ still hold what you purged: {names}.",
                copies,
            ).format(count=copies, names=_names(report.still_holding, vault_dir))
        )
        lines.append(
            ngettext(
                "To remove it from that copy too, run: trustjournal purge --also-backups rewrite "
                "(or --also-backups remove to delete it).",
                "To remove it from them too, run: trustjournal purge --also-backups rewrite "
                "(or --also-backups remove to delete those copies).",
                copies,
            )
        )
    if report.unchecked:
        copies = len(report.unchecked)
        lines.append(
            ngettext(
                "{count} older copy in backups/ could not be opened to check: {names}. "
                "Delete it yourself if you no longer need it.",
                "{count} older copies in backups/ could not be opened to check: {names}. "
                "Delete them yourself if you no longer need them.",
                copies,
            ).format(count=copies, names=_names(report.unchecked, vault_dir))
        )
    return lines
