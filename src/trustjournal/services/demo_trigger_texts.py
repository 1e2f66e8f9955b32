"""What the demo journal's trigger records say: situations per category, thoughts, body, urges."""

from __future__ import annotations

import random

from trustjournal.services.demo_texts import fill, lines

_SLOTS: dict[str, tuple[str, ...]] = {
    "time": (
        "this evening",
        "at dinner",
        "after work",
        "before bed",
        "in the car",
        "on Sunday afternoon",
        "at breakfast",
        "while we were watching a film",
    ),
    "minutes": ("twenty", "thirty", "forty", "forty-five", "fifty", "ninety"),
    "hours": ("two", "three", "four"),
    "place": lines("""
        the restaurant we used to go to
        the street near their old office
        the café where I found out
        the station where they used to meet
        the bar near their work
        the hotel by the ring road
    """),
    "song": ("A song from that summer", "The song from back then", "Their old favourite song"),
    "where": ("in the supermarket", "on the radio", "in a café", "at the gym"),
    "person": ("My sister", "Their mother", "A friend", "A neighbour", "My dad", "A colleague"),
}

SITUATIONS: dict[str, tuple[str, ...]] = {
    "Secrecy and phones": lines("""
        Their phone lit up {time} and they turned it face down.
        They took a call in the other room {time}.
        A notification with a name I didn't recognise, {time}.
        They had changed their phone passcode and hadn't mentioned it.
        They smiled at a message {time} and didn't say who it was from.
        They closed the laptop when I walked in {time}.
    """),
    "Lateness and being unreachable": lines("""
        They were {minutes} minutes later than they said and didn't text.
        My messages went unanswered for {hours} hours this afternoon.
        Their phone went straight to voicemail {time}.
        They said they'd be home by seven and got in after eight.
        I couldn't reach them when the train was cancelled.
        They stayed on after work without saying so.
    """),
    "Reminders of the past": lines("""
        Drove past {place} {time}.
        {song} came on {where}.
        A colleague with the same first name was mentioned in a meeting.
        Found an old receipt in a coat pocket.
        A film {time} had a storyline far too close to ours.
        Walked past {place} on the way home.
    """),
    "Anniversaries and dates": lines("""
        Our anniversary, and I didn't know what to feel.
        A date in the calendar that used to mean nothing.
        Planning my birthday and remembering the last one.
        Their birthday is coming up, and last year's is hard to think about.
        Booking a holiday for the same week as that trip.
    """),
    "Criticism and blame": lines("""
        They said I "keep bringing it up" {time}.
        A comment about how I'm "never going to let it go".
        A small remark about the washing up landed much harder than it should have.
        Felt blamed when they said things hadn't been good between us before.
        They told me I was being unfair, {time}.
    """),
    "Intimacy and affection": lines("""
        They reached for my hand and I froze.
        A hug {time} that I wanted and couldn't fully feel.
        They went to bed without saying goodnight.
        Closeness last night, and a wave of grief afterwards.
        They were affectionate and I couldn't stop wondering why.
    """),
    "Money": lines("""
        A payment on the bank statement I didn't recognise.
        A receipt for lunch for two; it turned out to be a client lunch.
        They bought something expensive without mentioning it.
        Cash withdrawals I couldn't account for.
        Talking about the budget brought back the money spent back then.
    """),
    "Family and friends": lines("""
        {person} asked how we were "really" doing.
        A friend who knew before I did came to dinner.
        Their family acted as if nothing had happened.
        {person} told me I was "brave to stay".
        At a family lunch everyone seemed to be watching us.
    """),
    "Social media": lines("""
        They liked a photo of someone from their old job.
        Saw that they'd followed someone new.
        A memory from a few years ago came up in my feed.
        Their status showed them online late at night.
        Someone tagged them in a photo I hadn't seen.
    """),
    "Plans changing": lines("""
        They cancelled our plans {time} because of work.
        The trip was moved and they were vague about why.
        They said "I'll see how it goes" about Saturday.
        Dinner got pushed back for the second time this week.
        They decided at the last minute to go out after all.
    """),
    "Feeling dismissed": lines("""
        They said "can we not do this tonight" when I tried to talk.
        I mentioned something that hurt and they changed the subject.
        They looked at their phone while I was talking {time}.
        My worry was met with a sigh.
        "You're overthinking it," {time}.
    """),
    "Comparison": lines("""
        A couple at the café looked so at ease together.
        Compared myself to how I looked back then.
        Friends talked about their anniversary trip.
        Looked at old photos and wondered whether we were ever as happy as we looked.
        Wondered again what they had that I didn't.
    """),
    "Work and travel": lines("""
        They have a work trip next week, two nights away.
        A late meeting ran on and I heard nothing.
        They mentioned a new colleague several times {time}.
        The work party is on Friday.
        They have to stay overnight for a conference.
    """),
    "Talking about what happened": lines("""
        I asked about that time and the answer was different from before.
        A conversation about the timeline went round in circles.
        They said they want to "move on", {time}.
        Our therapist asked us to talk about the first weeks.
        I wanted to talk about it and they went quiet.
    """),
}

_ANNIVERSARY = lines("""
    The date it all came out is this week.
    A year on from the day I found out, give or take a few days.
    The calendar turned to this month again and my body remembered before I did.
    Woke up knowing what the date was.
""")

_GENERIC = lines("""
    Something small set me off {time} and I couldn't shake it.
    A wave of distrust out of nowhere, {time}.
""")

_THOUGHTS = lines("""
    What if it's happening again?
    I'll never know for sure.
    Why can't I just let this go?
    I'm being ridiculous.
    If I ask, I'm the problem; if I don't, I'm a fool.
    They're hiding something.
    How did I not see it?
    Maybe I'm not enough.
    Is this what it will always be like?
    It's probably nothing, but my body doesn't believe that.
    They've been doing so well, so why now?
    I can't go through that again.
    Am I making them pay for it?
    I don't know what's real any more.
""")

_BODY = lines("""
    Tight chest.
    Stomach dropped.
    Hands shaking.
    Heart racing.
    Hot face.
    Couldn't breathe properly.
    Lump in my throat.
    Heavy limbs, wanted to lie down.
    Jaw clenched.
    Cold all over.
    Felt sick.
    Restless, couldn't sit still.
""")

_URGES = lines("""
    Check their phone.
    Ask a hundred questions at once.
    Leave the room.
    Send an angry message.
    Go through the bank statements.
    Shut down and say nothing.
    Get in the car and drive.
    Call them again and again.
    Pack a bag.
    Look them up online.
    Make them feel what I feel.
""")

_RESPONSES = lines("""
    Took a breath and told them I was struggling.
    Went upstairs and wrote it down.
    Asked one calm question and accepted the answer.
    Checked, and then felt worse.
    Said something sharp, then apologised.
    Went for a walk round the block.
    Texted my friend.
    Sat with it until it eased.
    Told them what I'd noticed and how it landed.
    Said nothing and went quiet all evening.
    Asked for a hug.
    Put on music and made dinner.
    Asked them to message when they're on the way.
""")

_NEEDS = lines("""
    Reassurance, said simply.
    To know where they are when plans change.
    A message if they'll be late.
    For them to stay in the room when I'm upset.
    Patience with my questions.
    Some time alone to settle.
    To hear that it makes sense that I feel this.
    A hug without talking.
    Openness without my having to ask.
    To talk it through with our therapist.
    To feel I'm not the only one holding this.
""")


def situation(rng: random.Random, category: str | None) -> str:
    """What happened: a cue typical of the category (a generic one for an unknown category)."""
    templates = SITUATIONS.get(category or "", _GENERIC)
    return fill(rng, rng.choice(templates), _SLOTS)


def anniversary(rng: random.Random) -> str:
    """What happened around the anniversary of the day things came to light."""
    return rng.choice(_ANNIVERSARY)


def _one_or_two(rng: random.Random, pool: tuple[str, ...], two: float) -> str:
    return " ".join(rng.sample(pool, 2)) if rng.random() < two else rng.choice(pool)


def thoughts(rng: random.Random) -> str:
    """The thoughts that came: one, sometimes two."""
    return _one_or_two(rng, _THOUGHTS, 0.4)


def body(rng: random.Random) -> str:
    """Body sensations: one, sometimes two."""
    return _one_or_two(rng, _BODY, 0.5)


def urge(rng: random.Random) -> str:
    """What I felt like doing."""
    return rng.choice(_URGES)


def response(rng: random.Random) -> str:
    """What I did."""
    return rng.choice(_RESPONSES)


def need(rng: random.Random) -> str:
    """What I need or want to ask for."""
    return rng.choice(_NEEDS)
