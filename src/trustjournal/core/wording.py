"""Words shown beside numbers, and one-line summaries of entries (shared by the CLI and the app)."""

from __future__ import annotations

from datetime import date, datetime

from trustjournal.core.entries import About, Entry, GratitudeEntry, MoodCheckIn, TriggerRecord

MOOD_WORDS: dict[int, str] = {
    1: "very hard",
    2: "hard",
    3: "low",
    4: "a bit low",
    5: "in between",
    6: "okay",
    7: "good",
    8: "really good",
    9: "very good",
    10: "wonderful",
}

INTENSITY_WORDS: dict[int, str] = {
    0: "calm",
    1: "barely there",
    2: "slight",
    3: "mild",
    4: "noticeable",
    5: "moderate",
    6: "strong",
    7: "very strong",
    8: "intense",
    9: "overwhelming",
    10: "the most I can imagine",
}

# How strong a wave of feeling is (0–10, SUDS), in the words of the person feeling it: the
# editors show the phrase for the number chosen, and the three anchors under the scale.
INTENSITY_ANCHORS: dict[int, str] = {
    0: "calm, settled",
    1: "barely there",
    2: "a small flicker",
    3: "uneasy, but I can set it aside",
    4: "on my mind; I can still get on with things",
    5: "hard to think of anything else",
    6: "strong; it takes effort to stay steady",
    7: "very strong; my body is on alert",
    8: "intense; hard to stay where I am",
    9: "overwhelming",
    10: "the worst I can imagine",
}
# The three landmarks written under the scale (short enough to stand side by side).
SCALE_ANCHORS: dict[int, str] = {
    0: "calm",
    5: "hard to think of anything else",
    10: "the worst I can imagine",
}

ABOUT_WORDS: dict[About, str] = {
    About.PARTNER: "my partner",
    About.US: "us",
    About.MYSELF: "myself",
    About.SOMEONE: "someone else",
    About.LIFE: "life",
}

SUMMARY_WIDTH = 80
OUT_OF = " of 10"  # how a 0–10 or 1–10 score is written after its number, everywhere on screen


def short_day(day: date) -> str:
    """A day in the one short style used on screen: "Sun 6 Dec"."""
    return f"{day:%a} {day.day} {day:%b}"


def short_when(moment: datetime) -> str:
    """A moment in the one short style used on screen: "Sun 6 Dec, 14:05"."""
    return f"{short_day(moment)}, {moment:%H:%M}"


def first_line(text: str, width: int = SUMMARY_WIDTH) -> str:
    """The first non-blank line of text, shortened with an ellipsis to `width` characters."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def intensity_span(before: int, after: int | None, out_of: str = OUT_OF) -> str:
    """How intense a trigger was, and afterwards if noted: "8 → 3 of 10", "6 of 10".

    When nothing changed it says so rather than "4 → 4": "4 of 10 before and after".
    `out_of` is how the scale is written after the number.
    """
    if after is None:
        return f"{before}{out_of}"
    if after == before:
        return f"{before}{out_of} before and after"
    return f"{before} → {after}{out_of}"


def summarise(entry: Entry, width: int = SUMMARY_WIDTH) -> str:
    """A one-line summary of an entry: the score in words, first emotions, or the first line."""
    if isinstance(entry, MoodCheckIn):
        head = f"Mood {entry.mood}{OUT_OF}, {MOOD_WORDS[entry.mood]}"
        if entry.emotions:
            head += " · " + ", ".join(entry.emotions[:3])
        note = first_line(entry.note, width)
        text = f"{head} — {note}" if note else head
    elif isinstance(entry, GratitudeEntry):
        text = first_line(entry.text, width)
    else:
        intensity = intensity_span(entry.intensity, entry.intensity_after)
        text = f"{intensity} · {first_line(entry.situation, width)}"
    return first_line(text, width)


def kind_label(entry: Entry) -> str:
    """The kind as a person says it."""
    if isinstance(entry, MoodCheckIn):
        return "Mood"
    if isinstance(entry, TriggerRecord):
        return "Trigger"
    return "Gratitude"


def unconfirmed_note(what: str) -> str:
    """Said after a change of secret that is in effect but that the disk did not confirm.

    Args:
        what: the secret changed, "passphrase" or "recovery code".
    """
    return (
        "The disk reported a problem while confirming the change. If this computer loses power "
        f"in the next moments, your previous {what} may be the one that opens the journal."
    )
