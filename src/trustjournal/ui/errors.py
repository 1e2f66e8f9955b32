"""Turns an exception into one calm sentence for the screen, logging only its type."""

from __future__ import annotations

import logging

from trustjournal.core.errors import UserFacingError
from trustjournal.core.i18n import N_, _

log = logging.getLogger(__name__)

GENERIC = N_("Something went wrong inside TrustJournal.")


def with_unconfirmed_note(message: str, durable: object, *, what: str) -> str:
    """`message`, and the note when the store answered False: in effect, not confirmed."""
    if durable is not False:
        return message
    # Here, not at the top: core.wording brings datetime and the entry types, which the unlock
    # screen (it imports this module) must not wait for before it paints.
    from trustjournal.core.wording import unconfirmed_note

    return f"{message}\n{unconfirmed_note(what)}"


def describe(exc: BaseException) -> str:
    """The message to show for `exc`: its own calm message if the person can act on it.

    Anything else is a bug: it gets a generic sentence, and only the exception's type is
    logged (its text could carry journal content).
    """
    if isinstance(exc, UserFacingError):
        return exc.message
    log.error("unexpected failure: %s", type(exc).__name__)
    return _(GENERIC)
