"""The summary's progress list: steps and goals reached in its period, with their days and
numbers, in the person's own voice; milestones (which count private entries) never (issue 20)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tests.services.export_data import INJECTION, NOW, HtmlText, Journal, at, request_for
from tests.store.conftest import Clock
from trustjournal.core.between import Goal, GoalState, GoalStep, Progress, ProgressKind
from trustjournal.core.entries import MoodCheckIn
from trustjournal.services.between import goal_key, step_key
from trustjournal.services.export.between_source import VaultBetween
from trustjournal.services.export.html import render_html
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.model import Group, Summary
from trustjournal.services.export.request import Audience, Section
from trustjournal.services.export.shared_charts import ChartKind
from trustjournal.services.export.summary import build_summary
from trustjournal.services.export.text import day_text
from trustjournal.services.milestones import find_milestones
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.goals import GoalRepository, ProgressRepository

GOAL = "Talk about money"
STEPS = ("List our costs", "Pick a quiet hour", "Agree on one thing")
HOSTILE_GOAL = "<script>alert(1)</script> **bold** [x](http://example.org)"
PRIVATE_NOTE = "CANARY-PRIVATE-MILESTONE-sloe"


def _on(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=NOW.tzinfo)


def _step_done(db: Database, clock: Clock, goal_id: int, number: int, day: date) -> None:
    """Tick a step as BetweenOperations.mark_step_done does: the goal, then the progress list."""
    goals = GoalRepository(db=db, clock=clock)
    goal = goals.get(goal_id)
    steps = list(goal.steps)
    steps[number - 1] = steps[number - 1].with_changes(done_at=_on(day))
    goals.update(goal.with_changes(steps=tuple(steps)))
    ProgressRepository(db=db, clock=clock).record(
        Progress(
            key=step_key(goal_id, number),
            what=ProgressKind.STEP,
            reached_on=day,
            title=steps[number - 1].text,
            goal_id=goal_id,
            step=number,
        )
    )


def _reached(db: Database, clock: Clock, goal_id: int, day: date) -> None:
    """Mark a goal reached as BetweenOperations.set_goal_state does."""
    goals = GoalRepository(db=db, clock=clock)
    goal = goals.update(goals.get(goal_id).with_changes(state=GoalState.REACHED, state_at=_on(day)))
    ProgressRepository(db=db, clock=clock).record(
        Progress(
            key=goal_key(goal_id),
            what=ProgressKind.GOAL,
            reached_on=day,
            title=goal.title,
            goal_id=goal_id,
        )
    )


def _goal(db: Database, clock: Clock, title: str = GOAL) -> Goal:
    steps = tuple(GoalStep(text=s) for s in STEPS)
    return GoalRepository(db=db, clock=clock).add(Goal(title=title, steps=steps))


@pytest.fixture
def goal(db: Database, clock: Clock, journal: Journal) -> Goal:
    """A goal with step 1 done before the period (1-14 March), steps 2 and 3 in it, reached on
    12 March; and a second goal whose step, seen on Today, was unticked again."""
    found = _goal(db, clock).id or 0
    _step_done(db, clock, found, 1, date(2026, 2, 20))
    _step_done(db, clock, found, 2, date(2026, 3, 6))
    _step_done(db, clock, found, 3, date(2026, 3, 11))
    _reached(db, clock, found, date(2026, 3, 12))
    unticked = _goal(db, clock, "Sleep before midnight").id or 0
    _step_done(db, clock, unticked, 1, date(2026, 3, 7))
    ProgressRepository(db=db, clock=clock).set_acknowledged(step_key(unticked, 1), _on(NOW.date()))
    goals = GoalRepository(db=db, clock=clock)
    undone = goals.get(unticked)
    steps = (undone.steps[0].with_changes(done_at=None), *undone.steps[1:])
    goals.update(undone.with_changes(steps=steps))  # the acknowledged record stays listed
    return goals.get(found)


def _summary(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, **kw: object
) -> Summary:
    audience = kw.pop("audience", Audience.THERAPIST)
    assert isinstance(audience, Audience)
    request = request_for(audience, journal, **kw)
    return build_summary(repo, request, now=NOW, between_source=VaultBetween(db=db, clock=clock))


def _progress(summary: Summary) -> Group | None:
    section = summary.section(Section.SESSIONS)
    assert section is not None
    return next((g for g in section.groups if g.title == "Progress"), None)


def test_steps_and_goals_reached_in_the_period_each_with_its_day_and_numbers(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, goal: Goal
) -> None:
    group = _progress(_summary(db, repo, clock, journal))
    assert group is not None
    assert group.intro == "Steps and goals I reached in this period, in the order I reached them."
    assert [(p.heading, {f.label: f.text for f in p.fields}) for p in group.parts] == [
        (
            f"I did step 2 of 3 towards “{GOAL}”: “{STEPS[1]}”.",
            {"Reached on": day_text(date(2026, 3, 6))},
        ),
        (
            f"I did step 3 of 3 towards “{GOAL}”: “{STEPS[2]}”.",
            {"Reached on": day_text(date(2026, 3, 11))},
        ),
        (f"I reached my goal “{GOAL}”.", {"Reached on": day_text(date(2026, 3, 12))}),
    ]  # step 1 came before the period; the unticked step is no longer claimed


def test_a_goal_set_back_or_in_the_bin_is_no_longer_claimed(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, goal: Goal
) -> None:
    goals = GoalRepository(db=db, clock=clock)
    goals.update(goal.with_changes(state=GoalState.WORKING, state_at=at(13)))
    group = _progress(_summary(db, repo, clock, journal))
    assert group is not None and len(group.parts) == 2
    assert not any("reached my goal" in p.heading for p in group.parts)
    goals.set_deleted(goal.id or 0, True)
    assert _progress(_summary(db, repo, clock, journal)) is None
    assert GOAL not in render_markdown(_summary(db, repo, clock, journal))


def test_off_for_a_partner_like_the_rest_of_the_section(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, goal: Goal
) -> None:
    summary = _summary(db, repo, clock, journal, audience=Audience.PARTNER)
    assert summary.section(Section.SESSIONS) is None
    for text in (render_markdown(summary), render_html(summary)):
        assert GOAL not in text and STEPS[1] not in text


def test_added_from_insights_it_shows_once_with_the_charts(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, goal: Goal
) -> None:
    summary = _summary(db, repo, clock, journal, charts=(ChartKind.REACHED.value,))
    assert _progress(summary) is None  # not twice
    (chart,) = summary.charts
    assert chart.title == "Reached along the way" and chart.scene is None
    assert chart.text == (
        "Steps and goals I reached in this period, in the order I reached them.",
        f"{day_text(date(2026, 3, 6))}: I did step 2 of 3 towards “{GOAL}”: “{STEPS[1]}”.",
        f"{day_text(date(2026, 3, 11))}: I did step 3 of 3 towards “{GOAL}”: “{STEPS[2]}”.",
        f"{day_text(date(2026, 3, 12))}: I reached my goal “{GOAL}”.",
    )
    markdown = render_markdown(summary)
    assert markdown.count(f"I reached my goal “{GOAL}”.") == 1
    # Added by the person, it goes to a partner too, like every chart added from Insights.
    partner = _summary(
        db, repo, clock, journal, audience=Audience.PARTNER, charts=(ChartKind.REACHED.value,)
    )
    assert partner.charts[0].text == chart.text


def test_a_milestone_from_private_entries_never_reaches_a_summary(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal
) -> None:
    # A full week of check-ins (16-22 February) made only of private ones: Today and Insights
    # celebrate it; no summary may, or it would tell the reader about entries kept private.
    for day in range(16, 23):
        moment = _on(date(2026, 2, day))
        repo.add(MoodCheckIn(occurred_at=moment, mood=3, note=PRIVATE_NOTE, private=True))
    records = ProgressRepository(db=db, clock=clock)
    found = find_milestones(db, [], today=NOW.date())
    assert [m.key for m in found] == ["milestone:checkin-week"]
    records.record(found[0].as_progress().with_changes(reached_on=date(2026, 3, 2)))
    for charts in ((), (ChartKind.REACHED.value,)):
        summary = _summary(db, repo, clock, journal, charts=charts)
        assert _progress(summary) is None
        shown = " ".join((repr(summary), render_markdown(summary), render_html(summary)))
        assert PRIVATE_NOTE not in shown
        assert "7 of 7" not in shown and "every day of the week" not in shown
    assert summary.charts[0].text == ("No steps or goals reached in this period.",)


def test_hostile_goal_and_step_words_are_literal_in_markdown_and_html(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal
) -> None:
    hostile = _goal(db, clock, HOSTILE_GOAL)
    goals = GoalRepository(db=db, clock=clock)
    goals.update(hostile.with_changes(steps=(GoalStep(text=INJECTION[0]), *hostile.steps[1:])))
    _step_done(db, clock, hostile.id or 0, 1, date(2026, 3, 5))
    for charts in ((), (ChartKind.REACHED.value,)):
        summary = _summary(db, repo, clock, journal, charts=charts)
        parser = HtmlText()
        parser.feed(render_html(summary))
        shown = "".join(parser.text)
        assert f"I did step 1 of 3 towards “{HOSTILE_GOAL}”: “{INJECTION[0]}”." in shown
        assert "script" not in parser.tags and "a" not in parser.tags
        markdown = render_markdown(summary)
        assert "\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\[x\\](http://example.org)" in (
            markdown
        )


def test_german_wording(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, goal: Goal
) -> None:
    summary = _summary(db, repo, clock, journal, language="de")
    section = summary.section(Section.SESSIONS)
    assert section is not None
    group = next(g for g in section.groups if g.title == "Fortschritt")
    assert group.parts[0].heading == (
        f"Ich habe Schritt 2 von 3 für „{GOAL}“ geschafft: „{STEPS[1]}“."
    )
    assert group.parts[-1].heading == f"Ich habe mein Ziel „{GOAL}“ erreicht."
    assert group.parts[0].fields[0].label == "Erreicht am"
    added = _summary(db, repo, clock, journal, language="de", charts=(ChartKind.REACHED.value,))
    assert added.charts[0].title == "Auf dem Weg erreicht"
    assert added.charts[0].text[0].startswith("Schritte und Ziele, die ich")
