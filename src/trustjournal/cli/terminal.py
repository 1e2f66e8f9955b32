"""Reading secrets and printing journal text safely on a terminal."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from typing import TextIO

from trustjournal.core.errors import ExitCode, UserFacingError
from trustjournal.core.i18n import N_, _

# C0/C1 controls (except tab and newline) and bidi overrides/isolates could rewrite what a
# terminal shows; journal text is printed with them made visible instead.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class UsageError(UserFacingError):
    """The command line was not right."""

    exit_code = ExitCode.USAGE
    default_message = N_("That command was not understood.")


def visible(text: str) -> str:
    """Text with terminal-controlling characters shown as escapes such as \\x1b or \\u202e."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class SecretSource:
    """Hands out passphrases: lines of standard input with --passphrase-stdin, else a prompt.

    Lines are taken in order (e.g. `passwd` reads the old passphrase, then the new one).
    """

    def __init__(self, *, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self._from_stdin = from_stdin
        self._stdin = stdin if stdin is not None else sys.stdin

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        """The next secret.

        Raises:
            UsageError: if standard input has no line left, or there is no terminal to ask on.
        """
        if self._from_stdin:
            line = self._stdin.readline()
            if not line:
                raise UsageError(_("Standard input ended before every passphrase was given."))
            secret = line.rstrip("\r\n")
        else:
            if not sys.stdin.isatty():
                raise UsageError(
                    _("There is no terminal to ask for the passphrase; use --passphrase-stdin.")
                )
            secret = getpass.getpass(prompt)
            if confirm and getpass.getpass(_("Once more, to be sure: ")) != secret:
                raise UsageError(_("The two passphrases were not the same; nothing was changed."))
        if not secret:
            raise UsageError(_("The passphrase is empty."))
        return secret

    def rest_of_input(self) -> str:
        """Everything left on standard input, for the one text option given as `-` (S20).

        Read after every passphrase line, so `--passphrase-stdin` and `-` work together.
        One final line break is dropped, as a shell's `echo` or here-document adds it.
        """
        if self._stdin.isatty():
            print(_("Type the text, then press Ctrl+D on a line of its own:"), file=sys.stderr)
        text = self._stdin.read()
        for ending in ("\r\n", "\n"):
            if text.endswith(ending):
                return text[: -len(ending)]
        return text


# Options whose value is journal text (or words that reveal it): each may be `-`, read from
# standard input, so the text stays out of shell history and the process list (S20).
TEXT_OPTIONS = (
    "note",
    "text",
    "prompt",
    "situation",
    "category",
    "thoughts",
    "body",
    "urge",
    "response",
    "need",
    "emotions",
    "coping",
    "tags",
    "tag",
    "search",
    "title",
    "feel",
    "when",
    "because",
    "request",
    "outcome",
    "felt_after",
    "what",
    "appreciated",
    "with_whom",
    "worked_on",
    "remember",
    "why",
)
FROM_STDIN = "-"


def stdin_option(args: argparse.Namespace) -> str | None:
    """The one text option given as `-`, if any.

    Raises:
        UsageError: if more than one option asks for standard input.
    """
    given = [name for name in TEXT_OPTIONS if getattr(args, name, None) == FROM_STDIN]
    if len(given) > 1:
        shown = ["--" + name.replace("_", "-") for name in given]
        if len(shown) == 2:
            message = _(
                "Only one option can read its text from standard input, "
                "but {first} and {second} both ask to."
            ).format(first=shown[0], second=shown[1])
        else:
            message = _(
                "Only one option can read its text from standard input; these ask to: {options}."
            ).format(options=", ".join(shown))
        raise UsageError(message)
    return given[0] if given else None


def fill_from_stdin(args: argparse.Namespace, secrets: SecretSource) -> None:
    """Replace the option given as `-` with the text on standard input (after the passphrase)."""
    name = stdin_option(args)
    if name is not None:
        setattr(args, name, secrets.rest_of_input())
