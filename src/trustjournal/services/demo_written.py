"""The demo journal's reflections, "I" statements and times together: a few of each.

They come from their own random stream per day, so the check-ins, gratitude and trigger
records of a seed stay exactly what they were before these kinds existed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timezone

from trustjournal.core.entries import Entry, QualityTime, Reflection, Statement

CHANCE = 1 / 15  # about one entry of these kinds a fortnight: a few of each over a year

_REFLECTIONS = (
    (
        "After the session",
        "We talked about **what safety looks like** for me now.\n\n"
        "- being told when plans change\n- no locked phone at the table\n\n"
        "I noticed I could say it without my voice shaking. That is new.",
    ),
    (
        "",
        "Some days I still replay it all. Today I went for a walk instead, and it passed.\n\n"
        "*Small steps count.*",
    ),
    (
        "What I want for us",
        "I want us to be able to be *boring* together again: a Sunday with nothing planned, "
        "and nothing to check.",
    ),
)
_PROMPTS = (None, "What did I notice in myself this week?", "What would rebuilding look like?")
_STATEMENTS = (
    (("hurt",), "plans change and I find out last", "I need to be able to count on us", "a text"),
    (("anxious", "lonely"), "the phone goes face down", "I need openness", "to talk about it"),
    (("hopeful",), "we take an evening just for us", "I need time with you", "more evenings"),
)
_TOGETHER = (
    ("A walk by the river", "how you held my hand without thinking about it"),
    ("Cooked dinner together", "that you asked how my day really was"),
    ("Watched a film on the sofa", ""),
    ("Breakfast out on Saturday", "your laugh"),
)


def written_of_day(seed: int, day: date, zone: timezone) -> Iterator[Entry]:
    """Now and then one reflection, statement or time together on `day`, in the evening."""
    rng = random.Random(f"written-{seed}-{day.toordinal()}")
    if rng.random() >= CHANCE:
        return
    at = datetime(day.year, day.month, day.day, rng.randint(19, 22), rng.randrange(60), tzinfo=zone)
    choice = rng.randrange(3)
    if choice == 0:
        title, body = rng.choice(_REFLECTIONS)
        yield Reflection(occurred_at=at, title=title, body=body, prompt=rng.choice(_PROMPTS))
    elif choice == 1:
        feel, when, because, request = rng.choice(_STATEMENTS)
        said = rng.random() < 0.6
        yield Statement(
            occurred_at=at,
            feel=feel,
            when=when,
            because=because,
            request=request,
            said_on=day if said else None,
            outcome="We listened to each other." if said else "",
            felt_after="Lighter." if said else "",
        )
    else:
        what, appreciated = rng.choice(_TOGETHER)
        yield QualityTime(
            occurred_at=at,
            what=what,
            minutes=rng.choice((None, 30, 45, 60, 90, 120)),
            connection=rng.randint(5, 9),
            appreciated=appreciated,
        )
