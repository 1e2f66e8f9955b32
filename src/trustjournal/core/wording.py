"""Words shown beside numbers, and one-line summaries of entries (shared by the CLI and the app)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TypeVar

from trustjournal.core.entries import (
    About,
    Entry,
    EntryKind,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TherapySession,
    TriggerRecord,
)
from trustjournal.core.i18n import N_, _, format_date, format_time, ngettext, pgettext

K = TypeVar("K")


class Words(Mapping[K, str]):
    """A word table whose words are translated when read, in the language of that moment.

    The tables are built at import, before a language may be chosen; reading through the
    mapping (table[key], .values(), .items()) always gives the current language's words.
    """

    def __init__(self, english: dict[K, str]) -> None:
        self._english = english

    def __getitem__(self, key: K) -> str:
        return _(self._english[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._english)

    def __len__(self) -> int:
        return len(self._english)


MOOD_WORDS: Words[int] = Words(
    {
        1: N_("very hard"),
        2: N_("hard"),
        3: N_("low"),
        4: N_("a bit low"),
        5: N_("in between"),
        6: N_("okay"),
        7: N_("good"),
        8: N_("really good"),
        9: N_("very good"),
        10: N_("wonderful"),
    }
)

INTENSITY_WORDS: Words[int] = Words(
    {
        0: N_("calm"),
        1: N_("barely there"),
        2: N_("slight"),
        3: N_("mild"),
        4: N_("noticeable"),
        5: N_("moderate"),
        6: N_("strong"),
        7: N_("very strong"),
        8: N_("intense"),
        9: N_("overwhelming"),
        10: N_("the most I can imagine"),
    }
)

# How strong a wave of feeling is (0–10, SUDS), in the words of the person feeling it: the
# editors show the phrase for the number chosen, and the three anchors under the scale.
INTENSITY_ANCHORS: Words[int] = Words(
    {
        0: N_("calm, settled"),
        1: N_("barely there"),
        2: N_("a small flicker"),
        3: N_("uneasy, but I can set it aside"),
        4: N_("on my mind; I can still get on with things"),
        5: N_("hard to think of anything else"),
        6: N_("strong; it takes effort to stay steady"),
        7: N_("very strong; my body is on alert"),
        8: N_("intense; hard to stay where I am"),
        9: N_("overwhelming"),
        10: N_("the worst I can imagine"),
    }
)
# The three landmarks written under the scale (short enough to stand side by side).
SCALE_ANCHORS: Words[int] = Words(
    {
        0: N_("calm"),
        5: N_("hard to think of anything else"),
        10: N_("the worst I can imagine"),
    }
)

ABOUT_WORDS: Words[About] = Words(
    {
        About.PARTNER: N_("my partner"),
        About.US: N_("us"),
        About.MYSELF: N_("myself"),
        About.SOMEONE: N_("someone else"),
        About.LIFE: N_("life"),
    }
)

SUMMARY_WIDTH = 80


def out_of_ten(score: int) -> str:
    """A 0–10 or 1–10 score as written everywhere on screen: "6 of 10"."""
    return _("{score} of 10").format(score=score)


def short_day(day: date) -> str:
    """A day in the one short style used on screen: "Sun 6 Dec" ("So., 6. Dez." in German)."""
    # Translators: a CLDR date pattern: short weekday, day, short month (German: EEE, d. MMM).
    return format_date(day, pgettext("short day pattern", "EEE d MMM"))


def short_when(moment: datetime) -> str:
    """A moment in the one short style used on screen: "Sun 6 Dec, 14:05"."""
    # Translators: a CLDR time pattern, 24-hour clock unless your language prefers otherwise.
    clock = format_time(moment.time(), pgettext("short time pattern", "HH:mm"))
    return _("{day}, {time}").format(day=short_day(moment.date()), time=clock)


def first_line(text: str, width: int = SUMMARY_WIDTH) -> str:
    """The first non-blank line of text, shortened with an ellipsis to `width` characters."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def intensity_span(before: int, after: int | None, out_of: str | None = None) -> str:
    """How intense a trigger was, and afterwards if noted: "8 → 3 of 10", "6 of 10".

    When nothing changed it says so rather than "4 → 4": "4 of 10 before and after".
    `out_of` is how the scale is written after the number (default: " of 10", translated).
    """
    if out_of is None:
        if after is None:
            return out_of_ten(before)
        if after == before:
            return _("{score} of 10 before and after").format(score=before)
        return _("{before} → {after} of 10").format(before=before, after=after)
    if after is None:
        return f"{before}{out_of}"
    if after == before:
        return _("{score} before and after").format(score=f"{before}{out_of}")
    return f"{before} → {after}{out_of}"


def summarise(entry: Entry, width: int = SUMMARY_WIDTH) -> str:
    """A one-line summary of an entry: the score in words, first emotions, or the first line."""
    if isinstance(entry, MoodCheckIn):
        head = _("Mood {score} of 10, {words}").format(
            score=entry.mood, words=MOOD_WORDS[entry.mood]
        )
        if entry.emotions:
            head += " · " + ", ".join(entry.emotions[:3])
        note = first_line(entry.note, width)
        text = f"{head} — {note}" if note else head
    elif isinstance(entry, GratitudeEntry):
        text = first_line(entry.text, width)
    elif isinstance(entry, TriggerRecord):
        intensity = intensity_span(entry.intensity, entry.intensity_after)
        text = f"{intensity} · {first_line(entry.situation, width)}"
    elif isinstance(entry, Reflection):
        text = first_line(entry.title, width) or first_line(entry.body, width)
    elif isinstance(entry, Statement):
        text = first_line(i_feel_when(entry.feel, entry.when), width)
    elif isinstance(entry, TherapySession):
        text = session_line(entry, width)
    else:
        text = quality_time_line(entry, width)
    return first_line(text, width)


def i_feel_when(feel: Sequence[str], when: str) -> str:
    """The start of an "I" statement: "I feel hurt, lonely when …" (the names as written)."""
    feelings = ", ".join(feel) if feel else "…"
    situation = " ".join(when.split()) or "…"
    return _("I feel {feelings} when {situation}").format(feelings=feelings, situation=situation)


_ENDS = (".", "!", "?", "…")


def compose_statement(feel: Sequence[str], when: str, because: str = "", request: str = "") -> str:
    """The whole "I" statement as it would be said, composed from its parts.

    Parts left blank are left out (the opening always shows, with "…" for what is missing), so
    the sentence can be shown as it grows while the person types.
    """
    sentence = i_feel_when(feel, when)
    need = " ".join(because.split())
    if need:
        sentence = _("{start} because {need}").format(start=sentence, need=need)
    # A sentence that already ends in its own mark ("…", "?") gets no full stop after it.
    parts = [sentence if sentence.endswith(_ENDS) else _("{sentence}.").format(sentence=sentence)]
    wish = " ".join(request.split()).rstrip(".")
    if wish:
        parts.append(_("What I would like is {request}.").format(request=wish))
    return " ".join(parts)


def duration_words(minutes: int) -> str:
    """A length of time as said on screen: "45 minutes", "1 h 30 min", "2 h"."""
    if minutes < 60:
        return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
    hours, rest = divmod(minutes, 60)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def quality_time_line(entry: QualityTime, width: int = SUMMARY_WIDTH) -> str:
    """Time together in one line: what we did, for how long, how connected I felt."""
    parts = [first_line(entry.what, width)]
    if entry.minutes is not None:
        parts.append(duration_words(entry.minutes))
    if entry.connection is not None:
        parts.append(_("connection {score}").format(score=out_of_ten(entry.connection)))
    return " · ".join(parts)


def session_line(entry: TherapySession, width: int = SUMMARY_WIDTH) -> str:
    """A session in one line: with whom, and what we worked on."""
    parts = [first_line(text, width) for text in (entry.with_whom, entry.worked_on) if text]
    return " · ".join(parts) or _("Session")


def kind_word(kind: EntryKind) -> str:  # noqa: PLR0911 - one return per kind, plainest
    """A kind of entry as a person says it, in the current language."""
    if kind is EntryKind.MOOD:
        return pgettext("entry kind", "Mood")
    if kind is EntryKind.TRIGGER:
        return pgettext("entry kind", "Trigger")
    if kind is EntryKind.REFLECTION:
        return pgettext("entry kind", "Reflection")
    if kind is EntryKind.STATEMENT:
        return pgettext("entry kind", "I statement")
    if kind is EntryKind.QUALITY_TIME:
        return pgettext("entry kind", "Time together")
    if kind is EntryKind.SESSION:
        return pgettext("entry kind", "Session")
    return pgettext("entry kind", "Gratitude")


def kind_label(entry: Entry) -> str:
    """The entry's kind as a person says it."""
    return kind_word(entry.kind)


def unconfirmed_note(what: str) -> str:
    """Said after a change of secret that is in effect but that the disk did not confirm.

    Args:
        what: the secret changed, "passphrase" or "recovery code" (these English words: the
            sentence is translated whole).
    """
    if what == "recovery code":
        return _(
            "The disk reported a problem while confirming the change. If this computer loses "
            "power in the next moments, your previous recovery code may be the one that opens "
            "the journal."
        )
    return _(
        "The disk reported a problem while confirming the change. If this computer loses power "
        "in the next moments, your previous passphrase may be the one that opens the journal."
    )
