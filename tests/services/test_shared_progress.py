"""A summary's Progress chart compares its own two halves, and a one-day summary has none."""

from __future__ import annotations

from datetime import date

from trustjournal.services.export.shared_charts import ChartKind, shared_chart


def test_a_one_day_summary_says_there_are_no_halves_instead_of_an_empty_half() -> None:
    day = date(2026, 3, 14)
    chart = shared_chart(ChartKind.PROGRESS, [], day, day)
    assert chart.scene is None
    assert chart.text == ("One day: no halves to compare.",)


def test_two_days_are_a_half_each_named_by_their_day() -> None:
    chart = shared_chart(ChartKind.PROGRESS, [], date(2026, 3, 13), date(2026, 3, 14))
    assert chart.text[0] == (
        "The first half of this summary (March 13, 2026) beside its second half"
        " (March 14, 2026); nothing from before this summary is compared."
    )
