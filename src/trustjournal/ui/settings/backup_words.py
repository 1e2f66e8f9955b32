"""How backups are put in words: the rule, a size, when one was made, the summary line."""

from __future__ import annotations

from datetime import datetime

from trustjournal.core.i18n import N_, _, format_date, format_number, format_time, ngettext
from trustjournal.services.backups import BackupInfo
from trustjournal.services.backups_found import SecretsOfBackup

# Why a backup asks for other secrets than the journal's of now (none when it does not).
SECRET_NOTES = {
    SecretsOfBackup.EARLIER: N_(
        "This backup was made before your passphrase last changed, so the passphrase you "
        "had then opens it. Your passphrase now and your recovery code work too."
    ),
    SecretsOfBackup.OWN_ONLY: N_(
        "Your journal's key file cannot be read, so the backup's own comes back with it. "
        "Enter the passphrase or recovery code you had when the backup was made; "
        "afterwards it opens your journal."
    ),
}


def rule_text() -> str:
    """The rule that decides which automatic backups are kept, as a person would say it."""
    return _(
        "TrustJournal keeps one backup a day for the last week, one a week for the last "
        "month and one a month for the last year, and removes older ones by itself."
    )


def size_text(size: int) -> str:
    """A size in megabytes, with one decimal, the language's way."""
    return _("{size} MB").format(size=format_number(round(size / 1_000_000, 1)))


def when_text(made_at: datetime) -> str:
    """When a backup was made, in local time: date and time the language's way."""
    local = made_at.astimezone()
    return _("{date}, {time}").format(
        date=format_date(local.date(), "medium"), time=format_time(local)
    )


def entries_text(entries: int | None) -> str:
    """How many entries a backup holds, or (None) that it could not be opened."""
    if entries is None:
        return _("cannot be opened")
    return ngettext("{n} entry", "{n} entries", entries).format(n=format_number(entries))


def summary_text(backups: list[BackupInfo]) -> str:
    """How many backups are kept and the space they use."""
    if not backups:
        return _("No automatic backups yet.")
    size = sum(info.size_bytes for info in backups)
    return ngettext(
        "{n} backup kept, using {size}.", "{n} backups kept, using {size}.", len(backups)
    ).format(n=format_number(len(backups)), size=size_text(size))
