"""Building a Summary: exactly the chosen entries, only the chosen fields, nothing private."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.services.export_data import (
    CANARIES,
    CHOSEN_TEXTS,
    NOW,
    PARTNER_HIDDEN,
    PERIOD,
    PRIVATE,
    THOUGHTS,
    Journal,
    at,
    request_for,
)
from trustjournal.core.entries import MoodCheckIn, TriggerRecord
from trustjournal.core.errors import ValidationError
from trustjournal.core.periods import Period
from trustjournal.services.export.figures import MAX_POINTS, downsample
from trustjournal.services.export.html import render_html
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.request import Audience, ExportRequest, Section, TriggerField
from trustjournal.services.export.summary import build_summary
from trustjournal.store.entries import EntryRepository


def _all_text(summary: object) -> str:
    return repr(summary)


def test_summary_holds_exactly_the_chosen_entries(repo: EntryRepository, journal: Journal) -> None:
    summary = build_summary(repo, request_for(Audience.SELF, journal), now=NOW)
    assert summary.entry_ids == journal.chosen
    item_ids = {item.entry_id for s in summary.sections for item in s.items}
    assert item_ids <= journal.chosen
    assert journal.left_out not in item_ids


@pytest.mark.parametrize("audience", list(Audience))
def test_no_canary_reaches_the_summary_or_any_rendering(
    repo: EntryRepository, journal: Journal, audience: Audience
) -> None:
    summary = build_summary(repo, request_for(audience, journal), now=NOW)
    for text in (_all_text(summary), render_markdown(summary), render_html(summary)):
        for canary in CANARIES:
            assert canary not in text


def test_private_entries_are_not_even_offered(repo: EntryRepository, journal: Journal) -> None:
    summary = build_summary(repo, request_for(Audience.SELF, journal), now=NOW)
    offered = {c.entry_id for c in summary.candidates}
    assert not offered & journal.private
    assert journal.left_out in offered
    assert not next(c for c in summary.candidates if c.entry_id == journal.left_out).included
    assert journal.outside not in offered


def test_figures_come_from_chosen_entries_only(repo: EntryRepository, journal: Journal) -> None:
    # The private check-in (mood 1, connection 0, trust 0) would pull every average down.
    summary = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    figures = summary.figures
    assert figures is not None
    assert figures.mood_count == 3
    assert figures.mood_avg == pytest.approx(6.0)
    assert (figures.mood_min, figures.mood_max) == (4, 8)
    assert figures.connection_avg == pytest.approx(5.0)
    assert figures.trust_avg == pytest.approx(4.0)
    assert figures.trigger_count == 2  # the left-out and private records do not count
    assert figures.gratitude_count == 1
    assert summary.chart is not None
    mood = summary.chart.series[0]
    assert [p[0] for p in mood.points] == [date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 9)]


def test_patterns_ignore_private_and_left_out_records(
    repo: EntryRepository, journal: Journal
) -> None:
    summary = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    patterns = summary.patterns
    assert patterns is not None
    assert patterns.record_count == 2
    names = {c for c, _n in patterns.top_categories} | {r.strategy for r in patterns.coping}
    assert PRIVATE not in names
    best = patterns.coping[0]
    assert (best.uses, best.with_after, best.avg_drop) == (1, 1, 5.0)


def test_partner_gets_only_situation_intensity_coping_and_need(
    repo: EntryRepository, journal: Journal
) -> None:
    summary = build_summary(repo, request_for(Audience.PARTNER, journal), now=NOW)
    triggers = summary.section(Section.TRIGGERS)
    assert triggers is not None
    labels = {f.label for item in triggers.items for f in item.fields}
    assert labels == {"What happened", "Intensity", "What helped me cope", "What I need"}
    assert summary.section(Section.PATTERNS) is None
    assert summary.section(Section.NOTES) is None
    for text in (render_markdown(summary), render_html(summary)):
        for hidden in PARTNER_HIDDEN:
            assert hidden not in text
        assert "Went for a walk" not in text  # response is off for the partner


def test_every_chosen_text_is_in_both_text_formats(repo: EntryRepository, journal: Journal) -> None:
    summary = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    for text in (render_markdown(summary), render_html(summary)):
        for chosen in CHOSEN_TEXTS:
            assert chosen in text
        assert THOUGHTS in text


def test_turning_a_field_off_removes_it_everywhere(repo: EntryRepository, journal: Journal) -> None:
    fields = frozenset(TriggerField) - {TriggerField.NEED}
    summary = build_summary(
        repo, request_for(Audience.THERAPIST, journal, trigger_fields=fields), now=NOW
    )
    text = render_markdown(summary)
    assert "Chosen need" not in text  # gone from the records and the session topics
    assert "Chosen situation" in text


def test_notes_only_offers_check_ins_with_words(repo: EntryRepository, journal: Journal) -> None:
    request = request_for(Audience.SELF, journal, sections=frozenset({Section.NOTES}))
    summary = build_summary(repo, request, now=NOW)
    assert summary.entry_ids == {journal.moods[1]}  # the only check-in with a note
    assert summary.figures is None and summary.chart is None


def test_session_only_offers_records_flagged_for_the_session(
    repo: EntryRepository, journal: Journal
) -> None:
    request = request_for(Audience.THERAPIST, journal, sections=frozenset({Section.SESSION}))
    summary = build_summary(repo, request, now=NOW)
    session = summary.section(Section.SESSION)
    assert session is not None and len(session.items) == 1
    assert summary.entry_ids == {session.items[0].entry_id}


def test_hard_moments_are_flagged_for_the_composer(repo: EntryRepository, journal: Journal) -> None:
    summary = build_summary(repo, request_for(Audience.SELF, journal), now=NOW)
    hard = [c for c in summary.candidates if c.hard_moment]
    assert len(hard) == 1 and hard[0].kind == "trigger"
    later = build_summary(repo, request_for(Audience.SELF, journal), now=NOW + timedelta(days=2))
    assert not any(c.hard_moment for c in later.candidates)


def test_sections_follow_one_order_and_the_title_names_the_audience(
    repo: EntryRepository, journal: Journal
) -> None:
    summary = build_summary(repo, request_for(Audience.PARTNER, journal), now=NOW)
    assert summary.title == "Summary for my partner"
    assert [s.key for s in summary.sections] == [
        Section.MOOD,
        Section.TRIGGERS,
        Section.GRATITUDE,
        Section.STATEMENTS,
        Section.TOGETHER,
    ]
    assert summary.made_on == NOW.date()


def test_items_are_in_time_order(repo: EntryRepository, journal: Journal) -> None:
    repo.add(MoodCheckIn(occurred_at=at(3, 7), mood=5, note="earlier the same week"))
    summary = build_summary(repo, request_for(Audience.SELF, journal), now=NOW)
    notes = summary.section(Section.NOTES)
    assert notes is not None
    moments = [i.occurred_at for i in notes.items]
    assert moments == sorted(moments)


def test_long_periods_are_downsampled_keeping_extremes() -> None:
    start = date(2024, 1, 1)
    points = [(start + timedelta(days=i), float(i % 10)) for i in range(1000)]
    points[517] = (points[517][0], 10.0)
    small = downsample(points)
    assert len(small) <= MAX_POINTS
    assert max(v for _d, v in small) == 10.0 and min(v for _d, v in small) == 0.0
    assert [d for d, _v in small] == sorted(d for d, _v in small)
    assert downsample(points[:50]) == tuple(points[:50])


def test_request_needs_a_closed_period_and_known_choices() -> None:
    with pytest.raises(ValidationError):
        ExportRequest.for_audience(Audience.SELF, Period(None, date(2026, 3, 1)))
    with pytest.raises(ValidationError):
        ExportRequest.for_audience(Audience.SELF, PERIOD, sections=frozenset({"diary"}))


def test_an_intensity_that_did_not_change_reads_before_and_after(
    repo: EntryRepository, journal: Journal
) -> None:
    repo.add(TriggerRecord(occurred_at=at(6), situation="Steady", intensity=4, intensity_after=4))
    summary = build_summary(repo, request_for(Audience.THERAPIST, journal), now=NOW)
    for text in (render_markdown(summary), render_html(summary)):
        assert "4 of 10 before and after (noticeable)" in text
        assert "then noticeable" not in text and "4 → 4" not in text
        assert "8 → 3 of 10 (intense, then mild)" in text  # a change still reads as one
        assert "5 of 10 (moderate)" in text  # and no afterwards as before
