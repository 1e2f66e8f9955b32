"""Property: for any choices over a generated journal, the Summary holds exactly the chosen set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.export_data import NOW
from tests.store.conftest import Clock, create_schema
from trustjournal.core.entries import (
    Entry,
    GratitudeEntry,
    MoodCheckIn,
    QualityTime,
    Reflection,
    Statement,
    TriggerRecord,
)
from trustjournal.core.periods import Period
from trustjournal.core.query import EntryQuery
from trustjournal.services.demo import generate_entries
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.request import Audience, ExportRequest, Section, TriggerField
from trustjournal.services.export.summary import build_summary
from trustjournal.store.db import open_database
from trustjournal.store.entries import EntryRepository

TODAY = NOW.date()
FIRST = TODAY - timedelta(days=120)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EntryRepository]:
    """About four months of demo entries (some private) in a real encrypted database."""
    path: Path = tmp_path_factory.mktemp("generated") / "journal.db"
    db = open_database(path, os.urandom(32))
    create_schema(db)
    repo = EntryRepository(db=db, clock=Clock())
    repo.add_many(generate_entries(seed=7, today=TODAY, years=0.33, per_day=2.5))
    yield repo
    db.close()


def _expected(entry: Entry, sections: frozenset[Section]) -> bool:
    """The rule of DESIGN.md §5, restated: what each section shares."""
    if entry.private:
        return False
    if isinstance(entry, MoodCheckIn):
        has_words = bool(entry.note.strip() or entry.emotions)
        return Section.MOOD in sections or (Section.NOTES in sections and has_words)
    # A reflection is offered for choosing; it is included only when named.
    written = {
        GratitudeEntry: Section.GRATITUDE,
        Statement: Section.STATEMENTS,
        QualityTime: Section.TOGETHER,
        Reflection: Section.REFLECTIONS,
    }
    if type(entry) in written:
        return written[type(entry)] in sections
    assert isinstance(entry, TriggerRecord)
    if sections & {Section.TRIGGERS, Section.PATTERNS}:
        return True
    return Section.SESSION in sections and entry.for_session


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_summary_ids_are_exactly_the_chosen_set(
    generated: EntryRepository, data: st.DataObject
) -> None:
    start = data.draw(st.dates(FIRST, TODAY), label="start")
    end = data.draw(st.dates(start, TODAY), label="end")
    sections = frozenset(data.draw(st.sets(st.sampled_from(list(Section))), label="sections"))
    fields = frozenset(data.draw(st.sets(st.sampled_from(list(TriggerField))), label="fields"))
    audience = data.draw(st.sampled_from(list(Audience)), label="audience")
    period = Period(start, end)
    everything = generated.list(EntryQuery(period=period), limit=100_000)
    offered = {e.id for e in everything if _expected(e, sections)}
    excluded = data.draw(st.sets(st.sampled_from(sorted(offered))) if offered else st.just(set()))
    # Ids that were never offered (private, other kinds) may be "excluded" too: no effect.
    stray = {e.id for e in everything if e.private}
    reflections = sorted(e.id for e in everything if isinstance(e, Reflection) and e.id)
    named = data.draw(st.sets(st.sampled_from(reflections)) if reflections else st.just(set()))
    request = ExportRequest(
        audience,
        period,
        sections,
        fields,
        excluded_ids=frozenset(excluded | stray),
        reflection_ids=frozenset(named),
    )
    summary = build_summary(generated, request, now=NOW)

    unnamed = {e.id for e in everything if isinstance(e, Reflection) and e.id not in named}
    chosen = offered - excluded - unnamed
    assert summary.entry_ids == chosen
    assert {c.entry_id for c in summary.candidates} == offered
    assert {c.entry_id for c in summary.candidates if c.included} == chosen
    assert {i.entry_id for s in summary.sections for i in s.items} <= chosen
    private = {e.id for e in everything if e.private}
    assert not summary.entry_ids & private
    if summary.figures is not None:
        moods = [e for e in everything if e.id in chosen and isinstance(e, MoodCheckIn)]
        assert summary.figures.mood_count == len(moods)
    render_markdown(summary)


def test_generated_journal_has_private_entries_to_leave_out(generated: EntryRepository) -> None:
    period = Period(FIRST, TODAY)
    everything = generated.list(EntryQuery(period=period), limit=100_000)
    assert any(e.private for e in everything)
