"""Gratitude entries for the demo journal: about my partner, us, myself, someone else or life."""

from __future__ import annotations

import random

from trustjournal.core.entries import About
from trustjournal.services.demo_texts import fill, lines, optional

_WHEN = optional(
    3,
    """
    this morning
    today
    last night
    after work
    at breakfast
    when I got home
    on Sunday
    """,
)

SLOTS: dict[str, tuple[str, ...]] = {
    "when": _WHEN,
    "partner": ("My partner", "My partner", "They"),
    "partner_lower": ("my partner", "they"),
    "partner_act": lines("""
        made me tea without asking
        texted to say they would be late before I had to wonder
        left their phone face up on the table all evening
        listened to the whole story without trying to fix it
        offered to show me their messages, and I found I didn't need to look
        held my hand in the waiting room
        remembered my appointment and asked how it went
        did the washing up while I rested
        said sorry without a "but" after it
        stayed in the room when I cried
        left a kind note on the kitchen table
        brought home the bread I like
        came home exactly when they said they would
        told me about their day without my asking
        made room for my questions, even the repeated ones
        took the car to the garage so I didn't have to
        laughed at my terrible joke
        sat with me through a bad hour
        asked what I needed instead of guessing
        answered a hard question honestly
        let me finish speaking before answering
        booked our next session without being reminded
        called from the train to say it was running late
        put the kettle on when they saw my face
        noticed I was quiet and asked gently
        cooked the meal I always ask for
        admitted they had got something wrong
        stayed patient when I asked the same thing twice
        kept their word about the weekend
        read the chapter our therapist suggested
        warmed up the car before I left
        offered to share their calendar with me
        said out loud that they know this is hard for me
        introduced me to a colleague with obvious pride
    """),
    "tail": optional(
        4,
        """
        I noticed.
        Small, but it helped.
        I felt a little safer.
        I want to remember this one.
        It mattered more than they know.
        I told them it helped.
        It was easier to breathe afterwards.
        """,
    ),
    "us_act": lines("""
        cooked dinner together
        walked to the river and talked about nothing in particular
        got through a hard conversation without raising our voices
        laughed until we cried about something silly
        made a plan for the weekend
        sat outside with tea and watched the light change
        both said what we needed, and both listened
        had a quiet evening on the sofa
        sorted out a misunderstanding within the hour
        held hands on the way out of our session
        went to bed at the same time and talked in the dark
        handled a family visit as a team
        tried a new recipe and it mostly worked
        finished the puzzle we started weeks ago
        agreed on something we had argued about for months
        took a long drive with the music up
        fixed the shelf together without snapping at each other
        went out for breakfast like we used to
        paused an argument and came back to it calmer
        danced in the kitchen for one song
        planted bulbs in the garden
        made each other laugh in the supermarket queue
        talked about the future without it feeling dangerous
        took a walk after dinner
    """),
    "us_tail": optional(
        3,
        """
        It felt like us.
        Ordinary, in a good way.
        I didn't expect it to feel so good.
        A small step, but a real one.
        I want more evenings like this.
        """,
    ),
    "self_act": lines("""
        paused before replying to a message that stung
        went for a run even though I didn't want to
        asked for reassurance calmly instead of checking
        let myself cry and didn't judge it
        slept through the night
        said no to something I didn't have the energy for
        noticed a trigger early and named it
        spent an hour on something just for me
        wrote here instead of spiralling
        finished a piece of work I'm proud of
        called a friend when I needed to
        ate a proper lunch, sitting down
        let a suspicious thought pass without acting on it
        stood up for myself, kindly
        went to bed early instead of scrolling
        got outside in daylight
        spoke to myself gently after a mistake
        kept my appointment even though I wanted to cancel
        asked one question instead of ten
        laughed properly for the first time in days
        let a good moment be good without waiting for the catch
        told my partner how I felt without blaming
        tidied one corner of the house and felt lighter
        took my lunch break outside
        turned my phone off for the evening
        read a chapter of my book before bed
    """),
    "self_tail": optional(3, "That's new.\nIt counts.\nI'm getting better at this."),
    "someone": lines("""
        My sister
        My brother
        My best friend
        A friend from work
        My neighbour
        My mum
        My dad
        An old friend
        My therapist
        A friend from my walking group
    """),
    "someone_act": lines("""
        called just to check in
        listened without taking sides
        sent me a silly photo at exactly the right moment
        invited me for coffee and let me talk
        reminded me that I don't have to have all the answers
        offered to pick me up
        made me laugh for the first time in days
        sent a card, just because
        asked how I was and waited for the real answer
        said they were proud of me
        didn't ask for details and didn't need them
        gave me a lift home in the rain
        told me about a hard time of their own
        dropped round with soup
        walked with me for an hour and didn't need me to talk
        remembered the date and sent a kind message
    """),
    "life_thing": lines("""
        The first warm morning of the year
        Fresh bread from the bakery
        Sun on the kitchen table at breakfast
        A long bath with the door closed
        A good book and an hour to read it
        Rain on the window while I was warm inside
        A clear sky on the walk home
        Coffee that someone else made
        Clean sheets
        Blossom all along the street
        A quiet train with a seat by the window
        Birdsong before the alarm
        A day with nothing scheduled
        Soup on a cold evening
        The smell of cut grass
        A film that made me laugh out loud
        A song I'd forgotten I loved
        Frost on the windows and a warm kitchen
        The garden after the rain
        The light at the end of the afternoon
        A long phone call with no hurry in it
        Crossing everything off my list
        A warm jumper straight out of the dryer
        The first strawberries of the summer
        A sunny bench by the water
        Kids laughing in the park next door
        A long lie-in
    """),
    "life_tail": optional(3, "Simple things count.\nI noticed it.\nA little lightness."),
}

GRATITUDE_TEMPLATES: dict[About, tuple[str, ...]] = {
    About.PARTNER: (
        "{partner} {partner_act}{when}.{tail}",
        "{partner} {partner_act}{when}.{tail}",
        "Grateful that {partner_lower} {partner_act}{when}.{tail}",
    ),
    About.US: ("We {us_act}{when}.{us_tail}", "Grateful that we {us_act}{when}.{us_tail}"),
    About.MYSELF: ("I {self_act}{when}.{self_tail}", "Proud that I {self_act}{when}.{self_tail}"),
    About.SOMEONE: ("{someone} {someone_act}{when}.",),
    About.LIFE: ("{life_thing}{when}.{life_tail}",),
}


def gratitude_text(rng: random.Random, about: About) -> str:
    """A believable gratitude entry about `about`."""
    return fill(rng, rng.choice(GRATITUDE_TEMPLATES[about]), SLOTS)
