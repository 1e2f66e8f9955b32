"""Text helpers for the demo journal (templates with slot fillers) and its mood notes.

Fictional and gentle: no names of real people, nothing explicit. Slots are combined so that a
journal of a hundred thousand entries does not repeat one sentence endlessly.
"""

from __future__ import annotations

import random
import string
from functools import cache


def lines(block: str) -> tuple[str, ...]:
    """The non-blank lines of a text block, stripped: one list item per line."""
    return tuple(line.strip() for line in block.splitlines() if line.strip())


def optional(blanks: int, block: str) -> tuple[str, ...]:
    """`blanks` empty choices, then each line of `block` with a leading space (to follow text)."""
    return ("",) * blanks + tuple(" " + line for line in lines(block))


def fill(rng: random.Random, template: str, slots: dict[str, tuple[str, ...]]) -> str:
    """The template with each `{slot}` replaced by a random choice from `slots`."""
    names = _slot_names(template)
    if not names:
        return template
    return template.format_map({name: rng.choice(slots[name]) for name in names})


@cache
def _slot_names(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


_NOTES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "low": (
        lines("""
            Heavy day.
            Woke up with the knot in my stomach again.
            Couldn't concentrate at work.
            Everything felt like a sign today.
            Kept replaying the conversation from last week.
            Tired of feeling like this.
            Hard to be in the same room this evening.
            Cried in the car before going in.
            Felt far away from everyone.
            The pictures in my head came back this morning.
            Slept badly.
            Snapped at them over nothing, then felt awful.
        """),
        lines("""
            Trying to remember that days like this pass.
            I didn't say much; I didn't have the words yet.
            Went to bed early.
            Wrote here instead of asking more questions.
            Hoping tomorrow is lighter.
            Nothing happened, which almost makes it worse.
            Going to bring it to the next session.
        """),
    ),
    "mid": (
        lines("""
            An ordinary day, which is its own kind of progress.
            Up and down, but mostly okay.
            Busy at work, not much space to think.
            A quiet evening.
            Steadier than yesterday.
            A wobble this afternoon, settled again by dinner.
            Talked a little about the week.
            Tired but calm.
            Spent most of the day in my own head.
        """),
        lines("""
            We ate together and it was fine.
            Nothing big to report.
            I noticed I didn't check anything today.
            Went for a walk at lunch.
            A couple of hard thoughts, and they passed.
            Looking forward to the weekend.
        """),
    ),
    "high": (
        lines("""
            Felt close today.
            Good day.
            We laughed properly for the first time in a while.
            A light, easy evening.
            I believed what they said today without having to think about it.
            Felt like myself again.
            Lovely walk together this morning.
            Our session really helped.
            A good talk tonight.
            Slept well and woke up hopeful.
        """),
        lines("""
            I want to remember this feeling.
            It didn't feel fragile, for once.
            Still careful, but hopeful.
            Small things, but they add up.
            I noticed I wasn't watching for anything.
        """),
    ),
}


def mood_note(rng: random.Random, mood: int) -> str:
    """A short note to go with a mood rating: one or two sentences in keeping with it."""
    band = "low" if mood <= 4 else "mid" if mood <= 6 else "high"
    openers, follow_ups = _NOTES[band]
    note = rng.choice(openers)
    if rng.random() < 0.5:
        note += " " + rng.choice(follow_ups)
    return note
