"""Errors a person can act on, each with a calm message and a documented exit code.

Anything that is not a `UserFacingError` is a bug: the CLI and the app report it generically
("Something went wrong inside TrustJournal") without details that could carry journal text.
Messages here never include entry text, passphrases or keys.
"""

from __future__ import annotations

from enum import IntEnum

from trustjournal.core.i18n import N_, _


class ExitCode(IntEnum):
    """Exit codes of the `trustjournal` command, documented in the README."""

    OK = 0
    INTERNAL = 1  # a bug in TrustJournal
    USAGE = 2  # bad command line or invalid input (argparse also uses 2)
    WRONG_SECRET = 3  # wrong passphrase or recovery code
    VAULT_UNAVAILABLE = 4  # vault missing, not a vault, or damaged
    IO_FAILURE = 5  # disk full, permission denied, other file-system trouble
    VAULT_IN_USE = 6  # another TrustJournal has the vault open
    NOT_FOUND = 7  # no entry with that id


class TrustJournalError(Exception):
    """Base class of every error TrustJournal raises on purpose."""


class UserFacingError(TrustJournalError):
    """An error caused by the environment or the input, which the person can act on.

    Attributes:
        exit_code: the CLI exit code for this error.
    """

    exit_code: ExitCode = ExitCode.INTERNAL
    default_message: str = N_("Something went wrong.")

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _(self.default_message))

    @property
    def message(self) -> str:
        """The one-line message to show."""
        return str(self.args[0])


class ValidationError(UserFacingError):
    """An entry or a choice is not valid; names the field, never repeats its text."""

    exit_code = ExitCode.USAGE
    default_message = N_("That entry is not valid.")

    def __init__(self, message: str | None = None, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SearchQueryError(UserFacingError):
    """A full-text search query could not be understood."""

    exit_code = ExitCode.USAGE
    default_message = N_("That search could not be understood.")


class WrongSecretError(UserFacingError):
    """The passphrase or recovery code does not open this vault. Deliberately generic."""

    exit_code = ExitCode.WRONG_SECRET
    default_message = N_("That passphrase does not open this journal.")


class VaultNotFoundError(UserFacingError):
    """There is no vault at the given place."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_("There is no journal at that location.")


class NotAVaultError(UserFacingError):
    """The place exists but does not hold a TrustJournal vault."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_("That location does not hold a TrustJournal journal.")


class VaultCorruptError(UserFacingError):
    """The vault's files are damaged or have been tampered with."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_("The journal's files are damaged and could not be read.")


class VaultExistsError(UserFacingError):
    """Creating a vault where one already is."""

    exit_code = ExitCode.USAGE
    default_message = N_("A journal already exists at that location.")


class EncryptionUnavailableError(UserFacingError):
    """SQLCipher is not really present, so nothing may be opened or written."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_(
        "Encryption support (SQLCipher) is missing, so TrustJournal will not open the journal."
    )


class DiskFullError(UserFacingError):
    """The disk (or a file-size limit) has no room left."""

    exit_code = ExitCode.IO_FAILURE
    default_message = N_("The disk is full. Nothing was lost; free some space and try again.")


class PermissionDeniedError(UserFacingError):
    """The operating system refused access to a file."""

    exit_code = ExitCode.IO_FAILURE
    default_message = N_("TrustJournal is not allowed to use that file or folder.")


class StorageError(UserFacingError):
    """Any other file-system failure."""

    exit_code = ExitCode.IO_FAILURE
    default_message = N_("The journal could not be read or written.")


class VaultInUseError(UserFacingError):
    """Another TrustJournal has this vault open."""

    exit_code = ExitCode.VAULT_IN_USE
    default_message = N_("This journal is open in another TrustJournal window.")


class VaultLockedError(UserFacingError):
    """An operation needs an unlocked vault."""

    exit_code = ExitCode.USAGE
    default_message = N_("The journal is locked.")


class EntryNotFoundError(UserFacingError):
    """No entry has that id (or it was purged)."""

    exit_code = ExitCode.NOT_FOUND
    default_message = N_("There is no entry with that number.")


class VaultTooNewError(UserFacingError):
    """The vault was written by a newer TrustJournal than this one."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_(
        "This journal was saved by a newer version of TrustJournal. "
        "Update TrustJournal to open it; nothing was changed."
    )


class VaultIncompleteError(UserFacingError):
    """A journal database without its key file: creation was interrupted, or vault.key is gone."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_(
        "This folder has a journal file but no key file (vault.key), so it cannot be opened. "
        "If you have a copy of vault.key, put it back; if creating the journal was interrupted, "
        "move this folder away and create the journal again."
    )


class VaultUpgradeError(UserFacingError):
    """A schema migration failed; the vault stays at its previous version."""

    exit_code = ExitCode.VAULT_UNAVAILABLE
    default_message = N_(
        "The journal could not be updated for this version of TrustJournal. "
        "Nothing was lost: it is still at its previous version."
    )


class HomeworkNotFoundError(UserFacingError):
    """No homework item has that number (or it is in the bin)."""

    exit_code = ExitCode.NOT_FOUND
    default_message = N_("There is no homework with that number.")


class GoalNotFoundError(UserFacingError):
    """No goal has that number (or it is in the bin)."""

    exit_code = ExitCode.NOT_FOUND
    default_message = N_("There is no goal with that number.")
