"""The command line for the person's own data: rotating backups, the full export, imports."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustjournal.cli.terminal import UsageError
from trustjournal.core.errors import ExitCode
from trustjournal.core.i18n import _, format_date, format_number, format_time, ngettext

if TYPE_CHECKING:
    from trustjournal.cli.terminal import SecretSource
    from trustjournal.services.imports import ImportPlan
    from trustjournal.services.imports_files import ParsedFile
    from trustjournal.store.vault import Vault

FORMATS = ("trustjournal", "daylio", "jrnl")


def add_data_commands(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `backups`, `export-data` (also `export-all`) and `import`."""
    backups = sub.add_parser("backups", help=_("list the automatic backups"))
    common(backups)
    backups.add_argument("--json", action="store_true", help=_("one JSON array"))

    export = sub.add_parser(
        "export-data",
        aliases=["export-all"],
        help=_("write everything in the journal to one open, unencrypted JSON file"),
        description=_(
            "Write every entry (private ones and those in the bin marked as such), your own "
            "words and the record of shared summaries to one JSON file in an open, documented "
            "format. The file is NOT encrypted: anyone who can read it can read your journal."
        ),
    )
    common(export)
    export.add_argument("--out", metavar="FILE", required=True, help=_("the file to write"))
    export.add_argument(
        "--encrypt",
        action="store_true",
        help=_(
            "write an AES-256 encrypted ZIP archive instead (7-Zip, WinZip, Keka open it); its "
            "passphrase is asked twice, or is the next stdin line. The ZIP format derives the "
            "key with only 1000 rounds, so the passphrase must be long: several unrelated words"
        ),
    )
    export.set_defaults(handler="export_data")

    imp = sub.add_parser(
        "import",
        help=_("add entries from an export of TrustJournal or Daylio"),
        description=_(
            "Add entries from a file. Entries already in the journal are skipped, so importing "
            "the same file twice adds nothing. A backup is made first."
        ),
    )
    common(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", choices=FORMATS, help=_("default: recognised from the content"))
    imp.add_argument("--dry-run", action="store_true", help=_("show what would be added"))
    imp.add_argument("--json", action="store_true", help=_("print the outcome as JSON"))
    imp.add_argument(
        "--mood-map", metavar="LABEL=N,…", default="", help=_("Daylio moods of your own, 1-10")
    )
    imp.add_argument(
        "--accept-valid",
        action="store_true",
        help=_("import the readable part even if some entries could not be read"),
    )
    imp.set_defaults(handler="import_file")


def backup_to_help() -> str:
    """The help of `backup --to`, which says what happens without it."""
    return _("default: a new automatic backup in the backups folder, kept by the rule")


def _size_text(size: int) -> str:
    return _("{size} MB").format(size=format_number(round(size / 1_000_000, 1)))


class DataCommands:
    """Backups, export and import; mixed into `Commands`, sharing its secrets, printer, clock."""

    _secrets: SecretSource
    _out: Callable[[str], None]
    _clock: Callable[[], datetime]

    def _unlocked(self, args: argparse.Namespace) -> Vault:
        from trustjournal.cli.commands import _unlock

        return _unlock(args, self._secrets)

    def backup_to_folder(self, args: argparse.Namespace) -> None:
        """`backup` with no --to: a new automatic backup in the chosen folder, then the rule."""
        from trustjournal.services.backups import BackupService

        vault = self._unlocked(args)
        try:
            service = BackupService(vault=vault, clock=self._clock)
            made = service.back_up_now()
            kept = service.backups()
        finally:
            vault.lock()
        size = sum(b.size_bytes for b in kept)
        self._out(_("Backup written to {path}.").format(path=made))
        self._out(
            ngettext(
                "{count} automatic backup is kept ({size}).",
                "{count} automatic backups are kept ({size}).",
                len(kept),
            ).format(count=len(kept), size=_size_text(size))
        )

    def backups(self, args: argparse.Namespace) -> None:
        from trustjournal.services.backups import BackupService

        vault = self._unlocked(args)
        try:
            service = BackupService(vault=vault, clock=self._clock)
            found, folder = service.backups(), service.folder()
        finally:
            vault.lock()
        if args.json:
            rows = [
                {
                    "path": str(b.path),
                    "made_at": b.made_at.isoformat(),
                    "entries": b.entries,
                    "size_bytes": b.size_bytes,
                    "problem": b.problem,
                }
                for b in found
            ]
            self._out(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not found:
            self._out(_("No automatic backups yet in {folder}.").format(folder=folder))
            return
        self._out(_("Automatic backups in {folder}, newest first:").format(folder=folder))
        for b in found:
            local = b.made_at.astimezone()
            when = f"{format_date(local.date(), 'medium')} {format_time(local)}"
            if b.entries is None:
                what = _("could not be opened: {reason}").format(reason=b.problem)
            else:
                what = ngettext("{count} entry", "{count} entries", b.entries).format(
                    count=b.entries
                )
            self._out(f"  {when}  {what}  {_size_text(b.size_bytes)}  {b.path.name}")

    def export_data(self, args: argparse.Namespace) -> None:
        from trustjournal.services.portable_files import export_vault

        target = Path(args.out).expanduser()
        vault = self._unlocked(args)
        try:
            secret = None
            if args.encrypt:
                secret = self._secrets.ask(_("Passphrase for the archive: "), confirm=True)
            count = export_vault(vault, target, clock=self._clock, passphrase=secret)
        finally:
            vault.lock()
        if secret is not None:
            self._out(
                ngettext(
                    "Wrote {count} entry to {path}, encrypted with your passphrase.",
                    "Wrote {count} entries to {path}, encrypted with your passphrase.",
                    count,
                ).format(count=count, path=target)
            )
            return
        self._out(
            ngettext(
                "Wrote {count} entry to {path}.", "Wrote {count} entries to {path}.", count
            ).format(count=count, path=target)
        )
        self._out(
            _(
                "This file is not encrypted: anyone who can read it can read your whole "
                "journal. Only you can open it on this computer; keep it somewhere safe and "
                "delete it when you no longer need it."
            )
        )

    def import_file(self, args: argparse.Namespace) -> int:
        from trustjournal.services import imports
        from trustjournal.services.imports_files import file_text, needs_passphrase

        source = Path(args.file).expanduser()
        imports.check_size(os.path.getsize(source))  # before reading a huge file into memory
        data = source.read_bytes()
        if not needs_passphrase(data):
            parsed = _parse(file_text(data), args)
        vault = self._unlocked(args)
        try:
            if needs_passphrase(data):  # asked after the journal's, as `export --pdf-password`
                secret = self._secrets.ask(_("Passphrase of the archive: "))
                parsed = _parse(file_text(data, secret), args)
            return self._import(vault, parsed, args)
        finally:
            vault.lock()

    def _import(self, vault: Vault, parsed: ParsedFile, args: argparse.Namespace) -> int:
        from trustjournal.services.imports_files import apply_import, plan_file

        plan = plan_file(vault.db, self._clock, parsed)
        refused = bool(plan.rejected) and not args.accept_valid and not args.dry_run
        if refused:
            plan.to_add, plan.skipped, plan.between = [], 0, None
        elif not args.dry_run:
            apply_import(vault, self._clock, parsed, plan)  # backs up first
        self._report(plan, args, refused=refused)
        return int(ExitCode.USAGE) if refused else 0

    def _report(self, plan: ImportPlan, args: argparse.Namespace, *, refused: bool) -> None:
        from trustjournal.services.imports import describe

        if args.json:
            self._out(json.dumps(plan.summary(), ensure_ascii=False))
            return
        for r in plan.rejected:
            self._out(_("{where}: {reason}").format(where=r.where, reason=r.reason))
        if refused:
            self._out(
                _(
                    "Nothing was imported, because some entries could not be read. Fix them, "
                    "or add --accept-valid to import the rest."
                )
            )
            return
        if args.dry_run:
            self._out(_("A dry run: nothing was changed. By year and kind, this would add:"))
            for (kind, year), count in plan.by_kind_and_year().items():
                self._out(f"  {year}  {_kind_count(kind, count)}")
        self._out(describe(plan, dry_run=args.dry_run))


def _kind_count(kind: str, count: int) -> str:
    if kind == "mood":
        text = ngettext("{count} mood check-in", "{count} mood check-ins", count)
    elif kind == "gratitude":
        text = ngettext("{count} gratitude entry", "{count} gratitude entries", count)
    elif kind == "reflection":
        text = ngettext("{count} reflection", "{count} reflections", count)
    elif kind == "statement":
        text = ngettext("{count} I statement", "{count} I statements", count)
    elif kind == "quality_time":
        text = ngettext("{count} time together", "{count} times together", count)
    else:
        text = ngettext("{count} trigger record", "{count} trigger records", count)
    return text.format(count=count)


def _parse(text: str, args: argparse.Namespace) -> ParsedFile:
    """The entries, what could not be read, and (from our own format) words and settings."""
    from trustjournal.services import imports_apps
    from trustjournal.services.imports_files import parse_file

    kind = args.format or imports_apps.detect(text)
    if args.mood_map and kind != "daylio":
        raise UsageError(_("--mood-map is only for Daylio files."))
    return parse_file(text, kind=kind, mood_map=imports_apps.parse_mood_map(args.mood_map))
