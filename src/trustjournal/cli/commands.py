"""What each `trustjournal` subcommand does. The CLI is a composition root: it may ask the clock."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from trustjournal.cli.between_args import homework_lines
from trustjournal.cli.between_commands import BetweenCommands
from trustjournal.cli.data_commands import DataCommands
from trustjournal.cli.entry_args import (
    detail_lines,
    entry_from_args,
    kind_width,
    list_line,
    own_words,
    parse_when,
    query_from_args,
    when_text,
)
from trustjournal.cli.insights_command import InsightsCommand
from trustjournal.cli.terminal import SecretSource, UsageError, fill_from_stdin, visible
from trustjournal.core.entries import Entry
from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import _, ngettext
from trustjournal.core.serialize import to_dict
from trustjournal.core.strength import estimate
from trustjournal.core.wording import kind_label, unconfirmed_note
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault


def recovery_note(code: str) -> str:
    """What `init` says with the recovery code."""
    return _(
        "Recovery code (shown only this once):\n"
        "\n"
        "    {code}\n"
        "\n"
        "Write it down and keep it somewhere safe, away from this computer. If you ever forget "
        "your\npassphrase, this code is the only way back into your journal. Anyone who has it "
        "can open\nyour journal, so keep it as private as the passphrase itself."
    ).format(code=code)


def _unconfirmed(durable: bool) -> str:
    # The new key file is in place, but the disk did not confirm it; only a power cut in the next
    # moments could bring back the old one, and then the old passphrase would open the journal.
    return "" if durable else "\n" + unconfirmed_note("passphrase")


Printer = Callable[[str], None]


@contextmanager
def _unchanged_on_failure(outcome: str) -> Iterator[None]:
    """Say plainly, with a failure's own message, that the secret change did not happen."""
    try:
        yield
    except UserFacingError as exc:
        raise type(exc)(f"{exc.message} {outcome}") from None


def utc_now() -> datetime:
    """The current instant (the CLI is a composition root, so it may read the clock)."""
    return datetime.now(UTC)


def vault_dir(args: argparse.Namespace) -> Path:
    """The vault folder named by --vault, or the platform's data folder."""
    if args.vault:
        return Path(args.vault).expanduser()
    return platformdirs.user_data_path("TrustJournal", appauthor=False)


def _new_passphrase(secrets: SecretSource) -> str:
    """A new passphrase, held to the app's own strength rule (core.strength)."""
    secret = secrets.ask(_("New passphrase: "), confirm=True)
    strength = estimate(secret)
    if not strength.accepted:
        raise UsageError(
            _("That passphrase was not accepted. {verdict}").format(verdict=strength.verdict)
        )
    return secret


def _unlock(args: argparse.Namespace, secrets: SecretSource) -> Vault:
    directory = vault_dir(args)
    if not Vault.exists(directory):
        return Vault.unlock(directory, "")  # raises the precise not-found / not-a-vault error
    return Vault.unlock(directory, secrets.ask(_("Passphrase: ")))


class Commands(DataCommands, InsightsCommand, BetweenCommands):
    """The subcommands, sharing the secret source, the printer and the clock."""

    def __init__(
        self,
        *,
        secrets: SecretSource,
        out: Printer,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._secrets = secrets
        self._out = out
        self._clock = clock

    def _repo(self, vault: Vault) -> EntryRepository:
        return EntryRepository(db=vault.db, clock=self._clock)

    def init(self, args: argparse.Namespace) -> None:
        directory = vault_dir(args)
        vault, code = Vault.create(directory, _new_passphrase(self._secrets))
        vault.lock()
        self._out(_("Your journal is ready at {folder}.").format(folder=directory) + "\n")
        self._out(recovery_note(code))

    def add(self, args: argparse.Namespace) -> None:
        now_local = self._clock().astimezone()
        parse_when(args.at, now_local)  # a bad date is refused before the passphrase is asked
        vault = _unlock(args, self._secrets)
        try:
            agreed = homework_lines(args, self._secrets)  # `add session --homework -`
            fill_from_stdin(args, self._secrets)
            entry = entry_from_args(args, now_local)
            saved, made = self._save(vault, entry, agreed)
            own = own_words(vault, saved, self._clock)
        finally:
            vault.lock()
        if own:
            words = visible(", ".join(own))
            self._out(_("Kept as your own words: {words}.").format(words=words))
        self._out(_("Saved as entry {number}.").format(number=saved.id))
        if made:
            numbers = ", ".join(str(item.id) for item in made)
            self._out(
                ngettext(
                    "Homework agreed: item {numbers}.",
                    "Homework agreed: items {numbers}.",
                    len(made),
                ).format(numbers=numbers)
            )

    def _save(self, vault: Vault, entry: Entry, agreed: list[str]) -> tuple[Entry, tuple[Any, ...]]:
        """Store the entry; with homework agreed (`add session --homework`), the items too,
        in the same transaction."""
        if not agreed:
            return self._repo(vault).add(entry), ()
        from trustjournal.services.operations import Operations

        saved = Operations(vault=vault, clock=self._clock).save_entry(entry, homework=agreed).value
        return saved.after, saved.homework

    def list(self, args: argparse.Namespace) -> None:
        query_from_args(args)  # bad dates are refused before the passphrase is asked
        vault = _unlock(args, self._secrets)
        try:
            fill_from_stdin(args, self._secrets)
            query = query_from_args(args)
            repo = self._repo(vault)
            limit = args.limit if args.limit is not None else repo.count(query)
            entries = repo.list(query, limit=limit) if limit else []
        finally:
            vault.lock()
        if args.json:
            self._out(json.dumps([to_dict(e) for e in entries], ensure_ascii=False, indent=2))
            return
        if not entries:
            self._out(_("No entries match."))
            return
        width = kind_width()
        for e in entries:
            kind = kind_label(e).ljust(width)
            self._out(f"{e.id:>7}  {when_text(e)}  {kind}  {visible(list_line(e))}")

    def show(self, args: argparse.Namespace) -> None:
        vault = _unlock(args, self._secrets)
        try:
            entry = self._repo(vault).get(args.id)
        finally:
            vault.lock()
        if args.json:
            self._out(json.dumps(to_dict(entry), ensure_ascii=False, indent=2))
        else:
            self._out("\n".join(detail_lines(entry)))

    def delete(self, args: argparse.Namespace) -> None:
        self._with_repo(args, lambda repo: repo.delete(args.id))
        self._out(
            _(
                "Entry {number} is in the bin. Bring it back with: trustjournal undelete {number}"
            ).format(number=args.id)
        )

    def undelete(self, args: argparse.Namespace) -> None:
        self._with_repo(args, lambda repo: repo.undelete(args.id))
        self._out(_("Entry {number} is back.").format(number=args.id))

    def purge(self, args: argparse.Namespace) -> None:
        from trustjournal.cli.purge import purge_lines
        from trustjournal.services.purge import CopiesAction, purge_everywhere

        action = CopiesAction(args.also_backups or CopiesAction.KEEP)
        vault = _unlock(args, self._secrets)
        try:
            report = purge_everywhere(vault=vault, repo=self._repo(vault), copies=action)
        finally:
            vault.lock()
        for line in purge_lines(report, vault.directory):
            self._out(line)

    def _with_repo(self, args: argparse.Namespace, action: Callable[[EntryRepository], Any]) -> Any:
        vault = _unlock(args, self._secrets)
        try:
            return action(self._repo(vault))
        finally:
            vault.lock()

    def passwd(self, args: argparse.Namespace) -> None:
        directory = vault_dir(args)
        old = self._secrets.ask(_("Current passphrase: "))
        vault = Vault.unlock(directory, old)
        try:
            new = _new_passphrase(self._secrets)
            with _unchanged_on_failure(_("Your passphrase was not changed.")):
                durable = vault.change_passphrase(old, new)
        finally:
            vault.lock()
        self._out(_("Your passphrase has been changed.") + _unconfirmed(durable))

    def recover(self, args: argparse.Namespace) -> None:
        directory = vault_dir(args)
        vault = Vault.unlock_with_recovery(directory, self._secrets.ask(_("Recovery code: ")))
        try:
            new = _new_passphrase(self._secrets)
            with _unchanged_on_failure(_("No new passphrase was set.")):
                durable = vault.set_passphrase(new)
        finally:
            vault.lock()
        self._out(
            _("Your new passphrase is set. Your recovery code still works.") + _unconfirmed(durable)
        )

    def verify(self, args: argparse.Namespace) -> int:
        vault = _unlock(args, self._secrets)
        try:
            problems = vault.verify()
        finally:
            vault.lock()
        if problems:
            count = len(problems)
            self._out(
                ngettext(
                    "The journal has {count} problem in its files. Keep a backup safe.",
                    "The journal has {count} problems in its files. Keep a backup safe.",
                    count,
                ).format(count=count)
            )
            return 4
        self._out(_("The journal is sound: every check passed."))
        return 0

    def backup(self, args: argparse.Namespace) -> None:
        if args.target is None:
            self.backup_to_folder(args)
            return
        target = Path(args.target).expanduser()
        vault = _unlock(args, self._secrets)
        try:
            vault.backup_to(target)
        finally:
            vault.lock()
        self._out(
            _("Backup written to {folder}. It opens with the same passphrase.").format(
                folder=target
            )
        )

    def restore(self, args: argparse.Namespace) -> None:
        source = Path(args.source).expanduser()
        Vault.restore(source, vault_dir(args), self._secrets.ask(_("Passphrase of the backup: ")))
        self._out(_("The journal has been restored from the backup."))

    def export(self, args: argparse.Namespace) -> None:
        from trustjournal.cli.export import plan_export, run_export

        plan = plan_export(args)
        vault = _unlock(args, self._secrets)
        try:
            line = run_export(plan, vault=vault, secrets=self._secrets, clock=self._clock)
        finally:
            vault.lock()
        self._out(line)

    def demo(self, args: argparse.Namespace) -> None:
        from trustjournal.services.demo import DEMO_PASSPHRASE, fill

        if not 0 < args.years <= 30:
            raise UsageError(_("--years must be more than 0 and at most 30."))
        directory = vault_dir(args)
        vault, _code = Vault.create(directory, DEMO_PASSPHRASE)
        try:
            count = fill(
                self._repo(vault).add_many,
                seed=args.seed,
                today=self._clock().astimezone().date(),
                years=args.years,
            )
        finally:
            vault.lock()
        self._out(
            ngettext(
                "A demo journal with {count} entry is at {folder}.",
                "A demo journal with {count} entries is at {folder}.",
                count,
            ).format(count=count, folder=directory)
        )
        self._out(_('Its passphrase is "{passphrase}".').format(passphrase=DEMO_PASSPHRASE))
