"""Turns an exception into one calm sentence for the screen, logging only its type."""

from __future__ import annotations

import logging

from trustjournal.core.errors import UserFacingError

log = logging.getLogger(__name__)

GENERIC = "Something went wrong inside TrustJournal."
# Added to the outcome of a change of secret that is in effect but that the disk did not
# confirm (the command line's words; "passphrase" or "recovery code" goes in).
UNCONFIRMED_NOTE = (
    "The disk reported a problem while confirming the change. If this computer loses power "
    "in the next moments, your previous {what} may be the one that opens the journal."
)


def with_unconfirmed_note(message: str, durable: object, *, what: str) -> str:
    """`message`, and the note when the store answered False: in effect, not confirmed."""
    if durable is not False:
        return message
    return f"{message}\n{UNCONFIRMED_NOTE.format(what=what)}"


def describe(exc: BaseException) -> str:
    """The message to show for `exc`: its own calm message if the person can act on it.

    Anything else is a bug: it gets a generic sentence, and only the exception's type is
    logged (its text could carry journal content).
    """
    if isinstance(exc, UserFacingError):
        return exc.message
    log.error("unexpected failure: %s", type(exc).__name__)
    return GENERIC
