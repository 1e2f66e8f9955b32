"""`trustjournal insights`: the Insights page's figures on the command line, as text and JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.cli.conftest import NOW, PASSPHRASE, Run
from tests.cli.test_cli_german import german
from tests.store.conftest import Clock
from trustjournal.core.entries import GratitudeEntry, MoodCheckIn, TriggerRecord
from trustjournal.store.entries import EntryRepository
from trustjournal.store.vault import Vault

PLUS_TWO = timezone(timedelta(hours=2))


def at(day: int, hour: int = 9, tz: timezone = UTC) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=tz)


@pytest.fixture
def filled(vault_dir: Path) -> Path:
    """A small journal whose figures are worked out by hand in the tests below."""
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    repo = EntryRepository(db=vault.db, clock=Clock(NOW))
    add = repo.add
    add(MoodCheckIn(occurred_at=at(2), mood=4, connection=6, trust=2, emotions=("Sad", "calm")))
    add(MoodCheckIn(occurred_at=at(2, 20), mood=6, emotions=("sad",)))  # unanswered: left out
    add(MoodCheckIn(occurred_at=at(3), mood=8, connection=3, private=True))  # private counts
    add(MoodCheckIn(occurred_at=at(3, 12), mood=7, connection=4))
    # 00:30 on the 9th at +02:00 is the 8th in UTC: its day is its own recorded date, the 9th.
    add(MoodCheckIn(occurred_at=datetime(2026, 3, 9, 0, 30, tzinfo=PLUS_TWO), mood=10))
    add(MoodCheckIn(occurred_at=at(12), mood=1))  # after the period
    add(GratitudeEntry(occurred_at=at(5), text="Tea", expressed=True))
    add(GratitudeEntry(occurred_at=at(6), text="Walk"))
    trig = {"situation": "Something"}
    add(
        TriggerRecord(
            occurred_at=at(5),
            intensity=8,
            intensity_after=3,
            category="Silence",
            coping=("walk", "breathe"),
            emotions=("Sad",),
            **trig,
        )
    )
    add(TriggerRecord(occurred_at=at(6), intensity=5, coping=("walk",), unfinished=True, **trig))
    add(
        TriggerRecord(
            occurred_at=at(7),
            intensity=7,
            intensity_after=5,
            category="Silence",
            coping=("Walk",),
            **trig,
        )
    )
    for gone in (
        MoodCheckIn(occurred_at=at(4), mood=1, connection=0, emotions=("Angry",)),
        GratitudeEntry(occurred_at=at(4), text="Gone", expressed=True),
        TriggerRecord(occurred_at=at(4), intensity=10, intensity_after=0, coping=("walk",), **trig),
    ):
        repo.delete(add(gone).id)  # the bin never counts
    vault.lock()
    return vault_dir


def test_json_holds_the_documented_figures_of_the_period(filled: Path, cli: Run) -> None:
    result = cli("insights", "--from", "2026-03-01", "--to", "2026-03-10", "--json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == {
        "from": "2026-03-01",
        "to": "2026-03-10",
        "days": [  # only days with a check-in; day means of the entries that answered
            {"date": "2026-03-02", "checkins": 2, "mood": 5.0, "connection": 6.0, "trust": 2.0},
            {"date": "2026-03-03", "checkins": 2, "mood": 7.5, "connection": 3.5, "trust": None},
            {"date": "2026-03-09", "checkins": 1, "mood": 10.0, "connection": None, "trust": None},
        ],
        # plain means over the check-ins, not over days: (6 + 3 + 4) / 3 = 4.33
        "checkins": {"count": 5, "mood": 7.0, "connection": 4.33, "trust": 2.0},
        "emotions": [{"name": "Sad", "count": 3}, {"name": "calm", "count": 1}],
        "gratitude": {"count": 2, "told": 1},
        "triggers": {
            "count": 3,
            "unfinished": 1,
            "intensity": 6.67,  # (8 + 5 + 7) / 3, all records
            "intensity_after": 4.0,  # (3 + 5) / 2, only records with an afterwards
            "by_category": [{"category": "Silence", "count": 2}, {"category": "", "count": 1}],
        },
        "coping": [
            {"strategy": "breathe", "uses": 1, "with_after": 1, "average_drop": 5.0},
            # (8 - 3 + 7 - 5) / 2: the record without an afterwards is a use, not a drop
            {"strategy": "walk", "uses": 3, "with_after": 2, "average_drop": 3.5},
        ],
        # added with the kinds for writing (counted in test_cli_insights_written)
        "reflections": {"count": 0},
        "statements": {"count": 0, "said": 0, "not_said": 0},
        "quality_time": {"count": 0, "minutes": 0, "connection": None},
        # Too few days or weeks on a side: the counts, and no averages to compare.
        "together_with": [
            _too_few("mood_on_days_told", "mood", "days", 0, 3),
            _too_few("trust_in_weeks_with_a_trigger", "trust", "weeks", 1, 0),
            _too_few("closeness_on_days_with_a_trigger", "connection", "days", 0, 2),
            _too_few("mood_on_days_after_a_trigger", "mood", "days", 0, 3),
        ],
    }


def _too_few(compare: str, value: str, unit: str, marked: int, other: int) -> dict[str, object]:
    return {
        "compare": compare,
        "value": value,
        "unit": unit,
        "enough": False,
        "with": {"count": marked, "average": None},
        "without": {"count": other, "average": None},
    }


def test_default_period_runs_from_the_first_entry_to_today(filled: Path, cli: Run) -> None:
    result = cli("insights", "--json")
    shown = json.loads(result.out)
    assert (shown["from"], shown["to"]) == ("2026-03-02", NOW.astimezone().date().isoformat())
    assert shown["checkins"]["count"] == 6


def test_an_empty_journal_gives_empty_figures_not_an_error(cli: Run) -> None:
    result = cli("insights", "--to", "2026-03-10", "--json")
    shown = json.loads(result.out)
    assert (shown["from"], shown["to"]) == ("2026-03-10", "2026-03-10")
    assert shown["checkins"] == {"count": 0, "mood": None, "connection": None, "trust": None}
    assert shown["days"] == shown["emotions"] == shown["coping"] == []
    assert shown["triggers"]["intensity"] is None


def test_text_output_says_the_same_figures_in_words(filled: Path, cli: Run) -> None:
    result = cli("insights", "--from", "2026-03-01", "--to", "2026-03-10")
    assert result.code == 0
    assert result.out.splitlines()[:4] == [
        "From 2026-03-01 to 2026-03-10",
        "5 check-ins on 3 days: mood 7, closeness 4.3, trust 2",
        "2 appreciations, 1 of them told",
        "3 trigger records (1 to finish): intensity 6.7 at the time, 4 afterwards",
    ]
    assert "Emotions: Sad (3), calm (1)" in result.out


@pytest.mark.parametrize(
    "dates",
    [
        ("--from", "2026-13-01"),
        ("--to", "yesterday"),
        ("--from", "2026-03-10", "--to", "2026-03-01"),
    ],
)
def test_bad_dates_are_refused_with_exit_2_before_the_passphrase(
    filled: Path, cli: Run, dates: tuple[str, ...]
) -> None:
    result = cli("insights", *dates, "--json", stdin="")  # no passphrase is even read
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("trustjournal: ")
    assert "Traceback" not in result.err


def test_text_output_in_german_with_real_plurals_and_german_dates(filled: Path) -> None:

    vault = str(filled)
    args = ("--vault", vault, "--passphrase-stdin", "--from", "2026-03-01", "--to", "2026-03-10")
    result = german("insights", *args, stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Vom 01.03.2026 bis 10.03.2026",
        "5 Check-ins an 3 Tagen: Stimmung 7, Nähe 4,3, Vertrauen 2",
        "2 Dankbarkeitseinträge, davon 1 gesagt",
    ]
    assert german("insights", "--help").stdout.count("Einblicke") >= 1
