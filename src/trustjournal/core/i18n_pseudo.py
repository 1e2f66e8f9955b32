"""The pseudo-locale: English made accented, 40% longer and bracketed, placeholders kept."""

from __future__ import annotations

import gettext
import math
import re

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþʠŕšţûʋŵẋýžÀßÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept exactly: printf and str.format placeholders, Qt's %1/%n, a doubled && and the letter
# after a & mnemonic, HTML tags and entities.
_KEEP = re.compile(
    r"%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"
    r"|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]"
    r"|%\d+|%n|\{[^{}]*\}|&[a-z]+;|&&|&\w|<[^<>]*>"
)
OPEN, CLOSE, PAD = "[", "]", "~"
GROWTH = 1.4  # German and French run about this much longer than English
# The padding comes in words, as a longer language's extra length does: one unbroken run of
# a hundred tildes would be wider than any real word and make every long hint unwrappable.
PAD_WORD = 10


def pseudo(text: str) -> str:
    """The pseudo form of an English string, e.g. "Save" -> "[Šàʋé ~~]"."""
    if not text:
        return text
    pieces: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        pieces.append(text[last : match.start()].translate(_ACCENTED))
        pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:].translate(_ACCENTED))
    body = "".join(pieces)
    padding = max(1, math.ceil(len(text) * GROWTH) - len(text))
    words = [PAD * min(PAD_WORD, padding - start) for start in range(0, padding, PAD_WORD)]
    return f"{OPEN}{body} {' '.join(words)}{CLOSE}"


def is_pseudo(text: str) -> bool:
    """Whether every letter of `text` sits inside a pseudo bracket (numbers and signs may not)."""
    return not re.search(r"[A-Za-z]", _PSEUDO_SPAN.sub("", text))


_PSEUDO_SPAN = re.compile(r"\[[^\[\]]*~\]")


class PseudoTranslations(gettext.NullTranslations):
    """Translations that turn every message into its pseudo form."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
