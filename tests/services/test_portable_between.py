"""Homework, goals and progress in the full export: back into a fresh journal unchanged (links
to sessions and goals following the new ids), twice adds nothing, and format 1 still imports."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from tests.services.export_data import new_database, portable_sources
from tests.store.conftest import Clock
from tests.store.test_entries_roundtrip import moments, sessions, short_texts
from trustjournal.core.between import (
    Counts,
    DoneMark,
    Goal,
    GoalState,
    GoalStep,
    Homework,
    Per,
    Progress,
    ProgressKind,
)
from trustjournal.core.entries import MoodCheckIn, TherapySession
from trustjournal.core.errors import ValidationError
from trustjournal.services import imports, portable
from trustjournal.services.imports_files import apply_parsed, parse_file, plan_file
from trustjournal.store.between_dump import all_homework
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.goals import GoalRepository, ProgressRepository
from trustjournal.store.homework import HomeworkRepository

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)


def export(db: Database, path: Path) -> dict[str, Any]:
    portable.write_export(portable_sources(db, NOW), path, clock=lambda: NOW)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def import_file(db: Database, path: Path) -> imports.ImportPlan:
    parsed = parse_file(imports.read_text(path.read_bytes()))
    plan = plan_file(db, Clock(NOW), parsed)
    apply_parsed(db, Clock(NOW), parsed, plan)
    return plan


def _dumped(value: dict[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """The export with every id replaced by what it names, so two journals compare by content."""

    def by_id(records: list[dict[str, Any]]) -> dict[int, str]:
        return {x["id"]: _dumped({k: v for k, v in x.items() if k != "id"}) for x in records}

    entries, goals = by_id(data["entries"]), by_id(data["goals"])
    linked = [{**h, "session_id": entries.get(h["session_id"])} for h in data["homework"]]
    homework = by_id(linked)

    def key(text: str) -> str:
        parts = text.split(":")
        if parts[0] in ("goal", "step"):
            parts[1] = goals[int(parts[1])]
        elif parts[:2] == ["milestone", "homework-kept"]:
            parts[2] = homework[int(parts[2])]
        return ":".join(parts)

    progress = [
        {**p, "key": key(p["key"]), "goal_id": goals.get(p["goal_id"])} for p in data["progress"]
    ]
    return {
        "entries": sorted(entries.values()),
        "homework": sorted(homework.values()),
        "goals": sorted(goals.values()),
        "progress": sorted(_dumped(p) for p in progress),
    }


titles = short_texts.filter(lambda t: bool(t.strip()))
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


@st.composite
def homework_items(draw: st.DrawFn) -> tuple[Homework, int | None, list[datetime], bool]:
    start = draw(days)
    try:
        item = Homework(
            title=draw(titles),
            counts=draw(st.sampled_from(Counts)),
            times=draw(st.integers(1, 100)),
            per=draw(st.sampled_from(Per)),
            start=start,
            end=draw(st.none() | st.integers(0, 400).map(lambda n: start + timedelta(n))),
            ended_on=draw(st.none() | days),
        )
    except ValidationError:
        reject()
    session = draw(st.none() | st.integers(0, 2))  # which of the sessions, if there is one
    marks = draw(st.lists(moments, max_size=3)) if item.counts is Counts.MANUAL else []
    return item, session, marks, draw(st.booleans())


@st.composite
def goals(draw: st.DrawFn) -> tuple[Goal, bool]:
    try:
        steps = tuple(
            GoalStep(text=draw(titles), done_at=draw(st.none() | moments))
            for _ in range(draw(st.integers(0, 3)))
        )
        goal = Goal(
            title=draw(titles),
            why=draw(short_texts),
            steps=steps,
            target_on=draw(st.none() | days),
            state=draw(st.sampled_from(GoalState)),
            state_at=draw(st.none() | moments),
            created_at=draw(moments),
        )
    except ValidationError:
        reject()
    return goal, draw(st.booleans())


def _fill(
    db: Database,
    found_sessions: list[TherapySession],
    items: list[tuple[Homework, int | None, list[datetime], bool]],
    found_goals: list[tuple[Goal, bool]],
    acknowledged: bool,
) -> None:
    clock = Clock(NOW)
    entries = EntryRepository(db=db, clock=clock)
    entries.add(MoodCheckIn(occurred_at=NOW, mood=5))  # ids of sessions and entries differ
    session_ids = [entries.add(s).id for s in found_sessions]
    homework_repo = HomeworkRepository(db=db, clock=clock)
    progress = ProgressRepository(db=db, clock=clock)
    at = NOW if acknowledged else None
    for item, session, marks, in_bin in items:
        linked = (
            session_ids[session] if session is not None and session < len(session_ids) else None
        )
        stored = homework_repo.add(item.with_changes(session_id=linked))
        assert stored.id is not None
        for mark in marks:
            homework_repo.add_mark(DoneMark(homework_id=stored.id, at=mark))
        key = f"milestone:homework-kept:{stored.id}"
        progress.record(
            Progress(
                key=key, what=ProgressKind.MILESTONE, reached_on=item.start, acknowledged_at=at
            )
        )
        if in_bin:
            homework_repo.set_deleted(stored.id, True)
    goal_repo = GoalRepository(db=db, clock=clock)
    for goal, in_bin in found_goals:
        stored_goal = goal_repo.add(goal)
        assert stored_goal.id is not None
        for number, step in enumerate(goal.steps, start=1):
            if step.done_at is not None:
                progress.record(
                    Progress(
                        key=f"step:{stored_goal.id}:{number}",
                        what=ProgressKind.STEP,
                        reached_on=step.done_at.date(),
                        title=step.text,
                        goal_id=stored_goal.id,
                        step=number,
                        acknowledged_at=at,
                    )
                )
        if goal.state is GoalState.REACHED:
            progress.record(
                Progress(
                    key=f"goal:{stored_goal.id}",
                    what=ProgressKind.GOAL,
                    reached_on=NOW.date(),
                    goal_id=stored_goal.id,
                )
            )
        if in_bin:
            goal_repo.set_deleted(stored_goal.id, True)
    progress.record(
        Progress(key="milestone:checkin-week", what=ProgressKind.MILESTONE, reached_on=NOW.date())
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    found_sessions=st.lists(sessions, max_size=3),
    items=st.lists(homework_items(), max_size=4),
    found_goals=st.lists(goals(), max_size=3),
    acknowledged=st.booleans(),
)
def test_homework_goals_and_progress_come_back_equal_and_twice_adds_nothing(
    found_sessions: list[TherapySession],
    items: list[tuple[Homework, int | None, list[datetime], bool]],
    found_goals: list[tuple[Goal, bool]],
    acknowledged: bool,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first, second = new_database(root / "a.db"), new_database(root / "b.db")
        try:
            _fill(first, found_sessions, items, found_goals, acknowledged)
            exported = export(first, root / "a.json")
            assert len(exported["homework"]) == len(items)
            import_file(second, root / "a.json")
            again = export(second, root / "b.json")
            assert comparable(again) == comparable(exported)
            twice = import_file(second, root / "a.json")
            assert twice.between is not None
            assert not twice.between.adds_anything()
            assert comparable(export(second, root / "c.json")) == comparable(exported)
        finally:
            first.close()
            second.close()


def test_a_format_1_export_still_imports(tmp_path: Path) -> None:
    old = {
        "format": "trustjournal-export",
        "version": 1,
        "entries": [
            {
                "kind": "mood",
                "occurred_at": "2026-03-14T09:00:00+01:00",
                "mood": 5,
                "in_bin": False,
            },
            {"kind": "session", "occurred_at": "2026-03-12T17:00:00+01:00", "with": "Dr. Lee"},
        ],
        "vocabulary": {"emotion": {"own": [{"name": "Seen", "family": "joy"}]}},
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    db = new_database(tmp_path / "b.db")
    plan = import_file(db, path)
    assert (len(plan.to_add), plan.rejected, plan.between) == (2, [], None)
    exported = export(db, tmp_path / "again.json")
    db.close()
    assert exported["version"] == 2
    assert sorted(e["kind"] for e in exported["entries"]) == ["mood", "session"]
    assert (exported["homework"], exported["goals"], exported["progress"]) == ([], [], [])


def test_unreadable_homework_goals_and_progress_are_named_by_place_never_by_text(
    tmp_path: Path,
) -> None:
    text = json.dumps(
        {
            "format": "trustjournal-export",
            "version": 2,
            "entries": [],
            "homework": [
                {"id": 1, "title": "walk", "counts": "manual", "times": 1, "per": "week",
                 "from": "2026-03-02"},
                {"id": 2, "title": "zqxsecret", "counts": "manual", "times": 0, "per": "week",
                 "from": "2026-03-02"},
                {"id": 3, "title": "x", "counts": "manual", "times": 1, "per": "week",
                 "from": "2026-03-09", "to": "2026-03-01"},
            ],
            "goals": [{"id": 1, "title": "zqxsecret", "steps": "not a list"}, ["nonsense"]],
            "progress": [{"key": "goal:1", "what": "goal", "reached_on": "someday"}],
        }
    )  # fmt: skip
    parsed = parse_file(text)
    assert [h.item.title for h in parsed.between.homework] == ["walk"]
    assert [r.where for r in parsed.rejected] == [
        "homework 2",
        "homework 3",
        "goal 1",
        "goal 2",
        "progress 1",
    ]
    assert all("zqxsecret" not in r.reason for r in parsed.rejected)
    assert "ends before it starts" in parsed.rejected[1].reason


def test_every_exported_field_of_homework_goals_and_progress_is_in_the_schema(
    tmp_path: Path,
) -> None:
    from trustjournal.core.resources import load_json

    db = new_database(tmp_path / "a.db")
    session = TherapySession(occurred_at=NOW, with_whom="Dr. Lee", next_at=NOW + timedelta(7))
    _fill(
        db,
        [session],
        [(Homework(title="walk", counts=Counts.MANUAL, times=1, per=Per.WEEK, start=NOW.date()),
          0, [NOW], False)],
        [(Goal(title="talk", steps=(GoalStep(text="ask", done_at=NOW),),
               state=GoalState.REACHED, state_at=NOW, target_on=NOW.date()), True)],
        acknowledged=True,
    )  # fmt: skip
    data = export(db, tmp_path / "a.json")
    db.close()
    schema = load_json(*portable.SCHEMA)
    assert schema["properties"]["version"] == {"const": portable.VERSION}
    for section in ("homework", "goals", "progress"):
        assert data[section], section
        allowed = schema["properties"][section]["items"]
        for record in data[section]:
            assert set(record) <= set(allowed["properties"]), section
            assert set(allowed["required"]) <= set(record), section
    [step] = data["goals"][0]["steps"]
    assert set(step) <= set(allowed_steps(schema))
    for kind in schema["$defs"].values():
        assert "id" in kind["properties"] or "own" in kind["properties"]


def allowed_steps(schema: dict[str, Any]) -> dict[str, Any]:
    steps: dict[str, Any] = schema["properties"]["goals"]["items"]["properties"]["steps"]
    return dict(steps["items"]["properties"])


def test_the_encrypted_archive_carries_homework_goals_and_progress(tmp_path: Path) -> None:
    from trustjournal.services.imports_files import file_text

    db = new_database(tmp_path / "a.db")
    _fill(
        db,
        [TherapySession(occurred_at=NOW, with_whom="Dr. Lee")],
        [(Homework(title="walk", counts=Counts.MANUAL, times=1, per=Per.WEEK, start=NOW.date()),
          0, [NOW], False)],
        [(Goal(title="talk", steps=(GoalStep(text="ask", done_at=NOW),)), False)],
        acknowledged=False,
    )  # fmt: skip
    target = tmp_path / "all.zip"
    secret = "lantern orchard quietly folding maps"
    portable.write_export(portable_sources(db, NOW), target, clock=lambda: NOW, passphrase=secret)
    plain = export(db, tmp_path / "all.json")
    db.close()
    assert b"walk" not in target.read_bytes()
    opened = json.loads(file_text(target.read_bytes(), secret))
    assert comparable(opened) == comparable(plain)
    fresh = new_database(tmp_path / "b.db")
    parsed = parse_file(file_text(target.read_bytes(), secret))
    apply_parsed(fresh, Clock(NOW), parsed, plan_file(fresh, Clock(NOW), parsed))
    [held] = all_homework(fresh)
    assert held.item.session_id is not None
    assert EntryRepository(db=fresh, clock=Clock(NOW)).get(held.item.session_id).kind == "session"
    fresh.close()
