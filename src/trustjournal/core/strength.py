"""Passphrase strength, estimated with zxcvbn (imported on first use, never at start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trustjournal.core.i18n import N_, _

MIN_ACCEPTED_SCORE = 2  # zxcvbn scores 0-1 are refused; 2 is allowed with a warning
_MAX_CHARS = 72  # zxcvbn refuses longer input (and slows down sharply before that)
_APP_WORDS = ("trustjournal", "trust", "journal", "diary", "partner", "therapy")

_VERDICTS = {
    0: N_("Far too easy to guess. Please choose something longer and less common."),
    1: N_("Too easy to guess. A few more words that don't belong together would fix that."),
    2: N_(
        "Fair. It could be guessed with effort; one more unusual word would make it much stronger."
    ),
    3: N_("Strong."),
    4: N_("Very strong."),
}


@dataclass(frozen=True)
class Strength:
    """The estimate for one passphrase."""

    score: int  # 0 (very weak) to 4 (very strong)
    verdict: str
    warning: str

    @property
    def accepted(self) -> bool:
        """Whether TrustJournal lets this passphrase protect a journal."""
        return self.score >= MIN_ACCEPTED_SCORE


def estimate(passphrase: str, *, extra_words: tuple[str, ...] = ()) -> Strength:
    """Estimate how hard `passphrase` is to guess.

    Args:
        passphrase: the candidate; only its first 72 characters are examined.
        extra_words: words a guesser would try first (e.g. from the surroundings).

    Returns:
        The score, a plain-words verdict and zxcvbn's warning (may be empty).
    """
    from zxcvbn import zxcvbn  # heavy: dictionaries load on first use

    if not passphrase:
        return Strength(score=0, verdict="", warning="")
    result: dict[str, Any] = zxcvbn(
        passphrase[:_MAX_CHARS], user_inputs=[*_APP_WORDS, *extra_words]
    )
    score = int(result["score"])
    warning = str(result.get("feedback", {}).get("warning") or "")
    return Strength(score=score, verdict=_(_VERDICTS[score]), warning=warning)
