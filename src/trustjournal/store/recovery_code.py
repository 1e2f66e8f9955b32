"""Recovery codes: 140 random bits, shown as 7 groups of 4 Crockford base32 digits."""

from __future__ import annotations

import secrets
import unicodedata

from trustjournal.core.errors import WrongSecretError

RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
RECOVERY_GROUPS = 7
RECOVERY_GROUP_SIZE = 4  # 7 groups of 4 base32 digits = 140 bits
RECOVERY_MESSAGE = "That recovery code does not open this journal."
_RECOVERY_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_RECOVERY_SEPARATORS = frozenset("-_.\u2010\u2011\u2012\u2013\u2014\u2212")


def new_recovery_code() -> str:
    """A fresh recovery code: 140 random bits as 7 dash-separated groups of 4 (Crockford base32)."""
    count = RECOVERY_GROUPS * RECOVERY_GROUP_SIZE
    return _group("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(count)))


def normalise_recovery_code(text: str) -> str:
    """The canonical form of a typed recovery code.

    Case does not matter, spaces and dashes are ignored, and O, I and L are read as 0, 1 and 1.

    Raises:
        WrongSecretError: if the text cannot be a recovery code.
    """
    folded = unicodedata.normalize("NFKC", text).upper().translate(_RECOVERY_LOOKALIKES)
    compact = "".join(c for c in folded if not c.isspace() and c not in _RECOVERY_SEPARATORS)
    if len(compact) != RECOVERY_GROUPS * RECOVERY_GROUP_SIZE or any(
        c not in RECOVERY_ALPHABET for c in compact
    ):
        raise WrongSecretError(RECOVERY_MESSAGE)
    return _group(compact)


def _group(compact: str) -> str:
    size = RECOVERY_GROUP_SIZE
    return "-".join(compact[i : i + size] for i in range(0, len(compact), size))
