"""The sessions section: sessions (never private ones), homework counted from the summary only,
goals with their steps; shown literally in Markdown and HTML (issue 20, S6)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.between_export_data import (
    GOAL_TITLE,
    GOAL_WHY,
    HOMEWORK_TITLE,
    MANUAL_TITLE,
    PRIVATE_SESSION,
    SESSION_REMEMBER,
    SESSION_WITH,
    SESSION_WORKED_ON,
    STEP_DONE,
    STEP_OPEN,
    BetweenJournal,
    fill_between,
)
from tests.services.export_data import INJECTION, NOW, HtmlText, Journal, at, request_for
from tests.store.conftest import Clock
from trustjournal.core.between import Counts, Homework, Per
from trustjournal.services.export.between_source import VaultBetween
from trustjournal.services.export.html import render_html
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.model import Summary, SummarySection
from trustjournal.services.export.request import Audience, Section, defaults_for
from trustjournal.services.export.summary import build_summary
from trustjournal.services.export.text import count_line, day_text, moment_text
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.homework import HomeworkRepository

WEEK_2 = day_text(date(2026, 3, 2))  # each week's line starts with its Monday
WEEK_9 = day_text(date(2026, 3, 9))


@pytest.fixture
def between(db: Database, repo: EntryRepository, clock: Clock, journal: Journal) -> BetweenJournal:
    """The export journal with sessions, homework and a goal beside it."""
    return fill_between(db, repo, clock)


def _summary(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, **kw: object
) -> Summary:
    audience = kw.pop("audience", Audience.THERAPIST)
    assert isinstance(audience, Audience)
    request = request_for(audience, journal, **kw)
    return build_summary(repo, request, now=NOW, between_source=VaultBetween(db=db, clock=clock))


def _sessions(summary: Summary) -> SummarySection:
    section = summary.section(Section.SESSIONS)
    assert section is not None
    return section


def _fields(section: SummarySection, group: str, heading: str) -> dict[str, str]:
    found = next(g for g in section.groups if g.title == group)
    part = next(p for p in found.parts if p.heading == heading)
    return {f.label: f.text for f in part.fields}


def test_on_for_the_therapist_and_myself_and_off_for_a_partner() -> None:
    assert Section.SESSIONS in defaults_for(Audience.THERAPIST).sections
    assert Section.SESSIONS in defaults_for(Audience.SELF).sections
    assert Section.SESSIONS not in defaults_for(Audience.PARTNER).sections


def test_partner_summary_has_no_session_homework_or_goal(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    summary = _summary(db, repo, clock, journal, audience=Audience.PARTNER)
    assert summary.section(Section.SESSIONS) is None
    text = render_markdown(summary)
    for words in (SESSION_WITH, HOMEWORK_TITLE, GOAL_TITLE):
        assert words not in text
    assert between.session not in summary.entry_ids


def test_sessions_are_listed_with_every_field_and_private_ones_never(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    summary = _summary(db, repo, clock, journal)
    section = _sessions(summary)
    assert [i.entry_id for i in section.items] == [between.session, between.hostile_session]
    first = {f.label: f.text for f in section.items[0].fields}
    assert first["With"] == SESSION_WITH
    assert first["What we worked on"] == SESSION_WORKED_ON
    assert first["What I want to remember"] == SESSION_REMEMBER
    assert first["Next session"] == moment_text(at(16, 18))
    assert section.intro == "2 sessions in this summary."
    assert between.private_session not in summary.entry_ids
    assert between.private_session not in {c.entry_id for c in summary.candidates}
    for text in (repr(summary), render_markdown(summary), render_html(summary)):
        assert PRIVATE_SESSION not in text
    assert summary.figures is not None and "2 sessions" in count_line(summary.figures)


def test_a_session_left_out_is_gone_and_no_longer_counted(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    left_out = frozenset({journal.left_out, between.session, between.hostile_session})
    summary = _summary(db, repo, clock, journal, excluded_ids=left_out)
    section = _sessions(summary)
    assert section.items == ()
    assert section.intro == "No sessions chosen for this summary."
    assert SESSION_WORKED_ON not in render_markdown(summary)
    assert [g.title for g in section.groups] == ["Homework", "Goals"]  # still shown


def test_homework_weeks_count_only_the_entries_in_the_summary(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    summary = _summary(db, repo, clock, journal)
    weeks = _fields(_sessions(summary), "Homework", HOMEWORK_TITLE)
    # Week of 2 March: chosen check-ins on 2, 4 and 5 March; the private one on 3 March never
    # counts. The period ends on Saturday 14 March, so the last week's target is 6 days.
    assert f"{WEEK_2}: 3 of 7" in weeks["Each week, from Monday"].splitlines()
    assert f"{WEEK_9}: 1 of 6" in weeks["Each week, from Monday"].splitlines()
    assert weeks["How often"] == "every day"
    left_out = frozenset({journal.left_out, between.extra_checkin})
    fewer = _fields(
        _sessions(_summary(db, repo, clock, journal, excluded_ids=left_out)),
        "Homework",
        HOMEWORK_TITLE,
    )
    assert f"{WEEK_2}: 2 of 7" in fewer["Each week, from Monday"].splitlines()


def test_ticks_by_hand_count_and_a_kind_not_shared_is_said_to_be_uncounted(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    sections = frozenset({Section.SESSIONS})
    summary = _summary(db, repo, clock, journal, sections=sections)
    section = _sessions(summary)
    manual = _fields(section, "Homework", MANUAL_TITLE)
    assert f"{WEEK_2}: 1 of 2" in manual["Each week, from Monday"].splitlines()
    assert manual["How often"] == "2 times a week"
    checkins = _fields(section, "Homework", HOMEWORK_TITLE)
    assert checkins["Progress"] == (
        "This summary shares no check-ins, so they are not counted here."
    )
    assert "Each week, from Monday" not in checkins  # never "0 of 7"


def test_goals_show_their_state_and_each_step_with_its_date(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    goal = _fields(_sessions(_summary(db, repo, clock, journal)), "Goals", GOAL_TITLE)
    assert goal["Why it matters to me"] == GOAL_WHY
    assert goal["Where it stands"] == "Working on it"
    assert goal["Hoping to reach it by"] == day_text(date(2026, 5, 1))
    assert goal[f"Step 1, done on {day_text(date(2026, 3, 6))}"] == STEP_DONE
    assert goal["Step 2, not yet"] == STEP_OPEN


def test_hostile_session_text_is_literal_in_markdown_and_html(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    summary = _summary(db, repo, clock, journal, sections=frozenset({Section.SESSIONS}))
    parser = HtmlText()
    parser.feed(render_html(summary))
    shown = "".join(parser.text)
    for hostile in (*INJECTION, "<b>Dr. X</b>"):
        assert hostile in shown
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    for words in (SESSION_WITH, HOMEWORK_TITLE, GOAL_TITLE, STEP_DONE, "Homework", "Goals"):
        assert words in shown
    markdown = render_markdown(summary)
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    assert "\\<b\\>Dr. X\\</b\\>" in markdown
    assert f"#### {GOAL_TITLE}" in markdown


def test_a_summary_in_german_says_the_section_in_german(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    summary = _summary(db, repo, clock, journal, language="de")
    section = _sessions(summary)
    assert section.title == "Sitzungen, Übungen und Ziele"
    assert [g.title for g in section.groups] == ["Übungen", "Ziele"]
    homework = _fields(section, "Übungen", HOMEWORK_TITLE)
    assert homework["Wie oft"] == "jeden Tag"
    assert "3 von 7" in homework["Jede Woche, ab Montag"]
    assert HOMEWORK_TITLE in render_markdown(summary)  # the person's words stay theirs


def test_homework_agreed_in_a_private_session_is_never_in_a_summary(
    db: Database, repo: EntryRepository, clock: Clock, journal: Journal, between: BetweenJournal
) -> None:
    secret = "CANARY-HOMEWORK-OF-A-PRIVATE-SESSION"
    HomeworkRepository(db=db, clock=clock).add(
        Homework(
            title=secret,
            counts=Counts.MANUAL,
            times=1,
            per=Per.WEEK,
            start=date(2026, 3, 2),
            session_id=between.private_session,
        )
    )
    summary = _summary(db, repo, clock, journal)
    titles = [g.title for g in _sessions(summary).groups for _ in g.parts]
    assert titles  # the other homework is there
    for text in (repr(summary), render_markdown(summary), render_html(summary)):
        assert secret not in text
        assert HOMEWORK_TITLE in text
