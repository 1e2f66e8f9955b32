"""Turns an exception into one calm sentence for the screen, logging only its type."""

from __future__ import annotations

import logging

from trustjournal.core.errors import UserFacingError

log = logging.getLogger(__name__)

GENERIC = "Something went wrong inside TrustJournal."


def describe(exc: BaseException) -> str:
    """The message to show for `exc`: its own calm message if the person can act on it.

    Anything else is a bug: it gets a generic sentence, and only the exception's type is
    logged (its text could carry journal content).
    """
    if isinstance(exc, UserFacingError):
        return exc.message
    log.error("unexpected failure: %s", type(exc).__name__)
    return GENERIC
