"""Share summaries with "I" statements, time together and reflections chosen one by one."""

from __future__ import annotations

from datetime import date

import pytest
from markdown_it import MarkdownIt

from tests.services.export_data import INJECTION, NOW, PERIOD, RTL, ZERO_WIDTH
from tests.services.test_export_injection import OUR_ELEMENTS, OUR_MARKDOWN_ELEMENTS, _parse
from tests.services.written_data import (
    CHOSEN_REFLECTION,
    CHOSEN_STATEMENT,
    CHOSEN_TOGETHER,
    LEFT_OUT_TOGETHER,
    OTHER_REFLECTION,
    PRIVATE_REFLECTION,
    Written,
    fill_written,
)
from trustjournal.core.i18n import format_date
from trustjournal.services.export.html import render_html
from trustjournal.services.export.markdown import render_markdown
from trustjournal.services.export.model import Summary
from trustjournal.services.export.request import Audience, ExportRequest, Section
from trustjournal.services.export.summary import build_summary
from trustjournal.services.export.text import count_line
from trustjournal.store.entries import EntryRepository


@pytest.fixture
def written(repo: EntryRepository) -> Written:
    return fill_written(repo)


def _summary(repo: EntryRepository, audience: Audience, **changes: object) -> Summary:
    return build_summary(repo, ExportRequest.for_audience(audience, PERIOD, **changes), now=NOW)


def test_partner_and_therapist_defaults_bring_statements_and_never_a_reflection(
    repo: EntryRepository, written: Written
) -> None:
    partner = _summary(repo, Audience.PARTNER)
    assert partner.section(Section.STATEMENTS) is not None
    assert partner.section(Section.TOGETHER) is not None
    assert partner.section(Section.REFLECTIONS) is None
    therapist = _summary(repo, Audience.THERAPIST)
    assert therapist.section(Section.STATEMENTS) is not None
    assert therapist.section(Section.REFLECTIONS) is None
    for summary in (partner, therapist):
        markdown = render_markdown(summary)
        assert CHOSEN_STATEMENT in markdown
        assert CHOSEN_REFLECTION not in markdown and OTHER_REFLECTION not in markdown
        assert written.chosen_reflection not in summary.entry_ids


def test_the_reflections_section_alone_includes_none(
    repo: EntryRepository, written: Written
) -> None:
    summary = _summary(repo, Audience.SELF, sections=frozenset({Section.REFLECTIONS}))
    section = summary.section(Section.REFLECTIONS)
    assert section is not None and section.items == ()
    assert summary.entry_ids == frozenset()
    # They are offered, unticked, for choosing one by one; a private one is never offered.
    offered = {c.entry_id: c.included for c in summary.candidates}
    assert offered == {
        written.chosen_reflection: False,
        written.other_reflection: False,
        written.hostile_reflection: False,
    }
    text = render_markdown(summary)
    assert "None chosen for this summary." in text
    assert OTHER_REFLECTION not in text and PRIVATE_REFLECTION not in text


def test_a_reflection_is_included_only_when_named_and_never_when_left_out(
    repo: EntryRepository, written: Written
) -> None:
    named = frozenset({written.chosen_reflection, written.private_reflection})
    summary = _summary(
        repo, Audience.THERAPIST, sections=frozenset({Section.REFLECTIONS}), reflection_ids=named
    )
    assert summary.entry_ids == {written.chosen_reflection}  # private: never, even if named
    text = render_markdown(summary)
    assert CHOSEN_REFLECTION in text and "Dusk" in text
    assert OTHER_REFLECTION not in text and PRIVATE_REFLECTION not in text
    left_out = _summary(
        repo,
        Audience.THERAPIST,
        sections=frozenset({Section.REFLECTIONS}),
        reflection_ids=named,
        excluded_ids=frozenset({written.chosen_reflection}),
    )
    assert left_out.entry_ids == frozenset()


def test_every_number_counts_only_what_is_included(repo: EntryRepository, written: Written) -> None:
    summary = _summary(
        repo,
        Audience.SELF,
        sections=frozenset(
            {Section.MOOD, Section.STATEMENTS, Section.TOGETHER, Section.REFLECTIONS}
        ),
        excluded_ids=frozenset({written.left_out_together, written.hostile_statement}),
        reflection_ids=frozenset({written.chosen_reflection}),
    )
    figures = summary.figures
    assert figures is not None
    assert (figures.statement_count, figures.together_count, figures.reflection_count) == (1, 1, 1)
    assert count_line(figures) == ("In this summary: 1 I statement, 1 time together, 1 reflection.")
    together = summary.section(Section.TOGETHER)
    assert together is not None
    # 90 minutes and connection 8 from the one included; the 600 minutes left out are not counted.
    assert together.intro == (
        "In this summary: 1 time together, 1 h 30 min in all, connection 8 of 10 on average."
    )
    text = render_markdown(summary)
    assert CHOSEN_TOGETHER in text and LEFT_OUT_TOGETHER not in text


def test_a_statement_is_shown_as_the_sentence_and_how_saying_it_went(
    repo: EntryRepository, written: Written
) -> None:
    summary = _summary(
        repo,
        Audience.PARTNER,
        sections=frozenset({Section.STATEMENTS}),
        excluded_ids=frozenset({written.hostile_statement}),
    )
    section = summary.section(Section.STATEMENTS)
    assert section is not None
    [item] = section.items
    fields = {f.label: f.text for f in item.fields}
    assert fields["What I want to say"] == (
        "I feel hurt, lonely when plans change at the last minute because I need to count on"
        " us. What I would like is a message when it happens."
    )
    assert fields["Said it"] == f"Yes, on {format_date(date(2026, 3, 6), 'long')}"
    assert fields["How it went"] == "we listened to each other"
    assert fields["How I felt afterwards"] == "lighter"


def _hostile_summary(repo: EntryRepository, written: Written) -> Summary:
    return _summary(
        repo,
        Audience.SELF,
        sections=frozenset({Section.STATEMENTS, Section.TOGETHER, Section.REFLECTIONS}),
        reflection_ids=frozenset({written.hostile_reflection, written.chosen_reflection}),
    )


def _assert_literal(text: str) -> None:
    for hostile in INJECTION:
        assert hostile in text, hostile
    assert RTL in text and ZERO_WIDTH in text
    assert "**not bold**" in text and "*not soft*" in text


def test_hostile_text_in_the_new_kinds_stays_literal_in_markdown(
    repo: EntryRepository, written: Written
) -> None:
    markdown = render_markdown(_hostile_summary(repo, written))
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    parsed = _parse(rendered)
    assert set(parsed.tags) <= OUR_MARKDOWN_ELEMENTS, set(parsed.tags) - OUR_MARKDOWN_ELEMENTS
    assert not [a for a in parsed.attrs if a[0] in {"src", "href"}]
    _assert_literal("".join(parsed.text))
    assert "\u2068abc\u202edef\u2069" in markdown  # the override cannot leak past its text


def test_hostile_text_in_the_new_kinds_stays_literal_in_html(
    repo: EntryRepository, written: Written
) -> None:
    parsed = _parse(render_html(_hostile_summary(repo, written)))
    assert set(parsed.tags) <= OUR_ELEMENTS, set(parsed.tags) - OUR_ELEMENTS
    for name, _value in parsed.attrs:
        assert name not in {"src", "href", "srcset", "action"}
    _assert_literal("".join(parsed.text))
