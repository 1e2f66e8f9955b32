"""A summary is a selection: it says so, and never claims that what was left out did not happen."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.export_data import NOW, Journal, at, request_for
from trustjournal.core.entries import EntryKind, MoodCheckIn
from trustjournal.core.periods import Period
from trustjournal.services.export.html import render_html
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest, Section
from trustjournal.services.export.summary import build_summary
from trustjournal.services.export.svg import render_svg
from trustjournal.store.entries import EntryRepository

FALSE_CLAIMS = ("Nothing in this period", "From 0", "0 hard moments", "no check-ins in this")


def _texts(summary: Summary) -> list[str]:
    # Markdown escapes some punctuation; the claims checked here have none of it.
    return [render_markdown(summary), render_html(summary)]


def _triggers(repo: EntryRepository, journal: Journal) -> frozenset[int]:
    summary = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    return frozenset(c.entry_id for c in summary.candidates if c.kind == EntryKind.TRIGGER)


@pytest.mark.parametrize("audience", list(Audience))
def test_every_summary_says_once_that_it_holds_only_what_was_chosen(
    repo: EntryRepository, journal: Journal, audience: Audience
) -> None:
    summary = build_summary(repo, request_for(audience, journal), now=NOW)
    for text in _texts(summary):
        assert text.count("This summary includes only the entries I chose to") == 1


def test_withholding_every_hard_moment_never_says_that_none_happened(
    repo: EntryRepository, journal: Journal
) -> None:
    withheld = _triggers(repo, journal)
    for audience in Audience:
        request = request_for(audience, journal, excluded_ids=withheld)
        summary = build_summary(repo, request, now=NOW)
        for text in _texts(summary):
            for claim in FALSE_CLAIMS:
                assert claim not in text, (audience, claim)
            if Section.TRIGGERS in request.sections:
                assert "None chosen for this summary" in text
        if summary.patterns is not None:
            assert summary.patterns.record_count == 0


def test_counts_name_only_kinds_that_were_chosen(repo: EntryRepository, journal: Journal) -> None:
    request = request_for(
        Audience.PARTNER, journal, excluded_ids=_triggers(repo, journal) | {journal.left_out}
    )
    markdown = render_markdown(build_summary(repo, request, now=NOW))
    assert "In this summary: 3 check-ins, 1 gratitude entry." in markdown
    mood_only = request_for(Audience.SELF, journal, sections=frozenset({Section.MOOD}))
    html = render_html(build_summary(repo, mood_only, now=NOW))
    assert "In this summary: 3 check-ins." in html  # gratitude was off, not absent


def test_patterns_count_only_the_records_in_the_summary(
    repo: EntryRepository, journal: Journal
) -> None:
    summary = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    assert "From the 2 hard moments in this summary;" in render_markdown(summary)


def test_a_summary_for_myself_speaks_of_my_next_session(
    repo: EntryRepository, journal: Journal
) -> None:
    mine = build_summary(repo, request_for(Audience.SELF, journal), now=NOW)
    ours = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    for text in _texts(mine):
        assert "For my next session" in text and "For our next session" not in text
    assert "For our next session" in render_markdown(ours)


def _one_kind(repo: EntryRepository, *moods: int) -> Summary:
    for i, mood in enumerate(moods):
        repo.add(MoodCheckIn(occurred_at=at(2 + i), mood=mood, connection=5))
    request = ExportRequest.for_audience(
        Audience.SELF, Period(date(2026, 3, 1), date(2026, 3, 31)), sections={Section.MOOD}
    )
    return build_summary(repo, request, now=NOW)


def test_one_score_is_said_once_not_as_a_range(repo: EntryRepository) -> None:
    summary = _one_kind(repo, 4, 4)
    for text in _texts(summary):
        assert "stayed at 4 of 10" in text and "4 to 4" not in text


def test_a_single_check_in_reads_as_one_score_and_draws_a_point(repo: EntryRepository) -> None:
    summary = _one_kind(repo, 4)
    for text in _texts(summary):
        assert "4 of 10 (a bit low), 1 check-in" in text
        assert "on average" not in text and "4 to 4" not in text
    assert summary.chart is not None
    svg = render_svg(summary.chart)
    # A single day is a dot; no average line runs across the month as if every day were equal.
    assert svg.count("<circle") == 2  # mood and connection
    assert "<polyline" not in svg and 'stroke-dasharray="1 3"' not in svg
    assert "(average" not in render_html(summary)
