"""The keeping rule: a day for a week, a week for a month, a month for a year (property-tested)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from trustjournal.services.backups import should_back_up, to_keep

TODAY = date(2026, 12, 6)
moments = st.lists(
    st.datetimes(min_value=datetime(2024, 6, 1), max_value=datetime(2026, 12, 8, 23, 59)),
    max_size=80,
)


def _age(moment: datetime) -> int:
    return (TODAY - moment.date()).days


@given(moments)
def test_keeps_a_subset_and_always_the_newest(made: list[datetime]) -> None:
    kept = to_keep(made, TODAY)
    assert kept <= set(made)
    if made:
        assert max(made) in kept


@given(moments)
def test_applying_the_rule_again_removes_nothing_more(made: list[datetime]) -> None:
    kept = to_keep(made, TODAY)
    assert to_keep(kept, TODAY) == kept


@given(moments)
def test_every_day_of_the_last_week_and_month_of_the_last_year_keeps_one(
    made: list[datetime],
) -> None:
    kept = to_keep(made, TODAY)
    for moment in made:
        if 0 <= _age(moment) < 7:
            assert any(k.date() == moment.date() for k in kept)
        elif 31 <= _age(moment) < 365:
            assert any((k.year, k.month) == (moment.year, moment.month) for k in kept)
        elif 7 <= _age(moment) < 31:
            week = moment.isocalendar()[:2]
            assert any(k.isocalendar()[:2] == week and _age(k) >= 0 for k in kept)


@given(moments)
def test_keeps_at_most_about_two_dozen_plus_any_from_the_future(made: list[datetime]) -> None:
    kept = to_keep(made, TODAY)
    placed = [k for k in kept if _age(k) >= 0]
    assert len(placed) <= 1 + 7 + 5 + 13
    assert {k for k in made if _age(k) < 0} <= kept  # a wrong clock never costs a backup


def test_a_year_of_daily_backups_tidied_each_day_keeps_the_rule() -> None:
    kept: set[datetime] = set()
    day = TODAY - timedelta(days=500)
    while day <= TODAY:
        kept = to_keep(kept | {datetime.combine(day, datetime.min.time())}, day)
        day += timedelta(days=1)
    ages = sorted(_age(k) for k in kept)
    assert ages[:7] == list(range(7))
    assert max(ages) < 365
    assert max(ages) > 300  # one from about a year ago is still there
    assert len(kept) <= 26


def test_older_than_a_year_goes_unless_it_is_the_only_one() -> None:
    old = datetime(2025, 1, 1, 12)
    assert to_keep([old], TODAY) == {old}
    assert to_keep([old, datetime(2026, 12, 1)], TODAY) == {datetime(2026, 12, 1)}


def test_at_most_one_automatic_backup_a_day_and_only_after_a_change() -> None:
    yesterday = TODAY - timedelta(days=1)
    assert should_back_up(enabled=True, changed=True, last_day=None, today=TODAY)
    assert should_back_up(enabled=True, changed=True, last_day=yesterday, today=TODAY)
    assert not should_back_up(enabled=True, changed=True, last_day=TODAY, today=TODAY)
    assert not should_back_up(enabled=True, changed=False, last_day=yesterday, today=TODAY)
    assert not should_back_up(enabled=False, changed=True, last_day=None, today=TODAY)
