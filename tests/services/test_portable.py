"""The full export: every entry of every kind back into a new journal unchanged, twice adds
nothing, written 0600 and never half a file, and bad files refused with where and why."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.export_data import new_database, portable_sources
from tests.store.conftest import Clock
from tests.store.test_entries_roundtrip import (
    gratitudes,
    moods,
    reflections,
    sessions,
    statements,
    together,
    triggers,
)
from trustjournal.core.entries import Entry, MoodCheckIn
from trustjournal.core.errors import UserFacingError
from trustjournal.core.query import EntryQuery
from trustjournal.services import imports, portable
from trustjournal.services.imports import ImportFormatError
from trustjournal.services.portable_files import ExportProgress, ExportStopped
from trustjournal.services.portable_settings import import_settings
from trustjournal.store.db import Database
from trustjournal.store.entries import EntryRepository
from trustjournal.store.settings import SettingsRepository
from trustjournal.store.vocabulary import VocabularyRepository

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
WORD = "zqxvwholejournal"


def _export(db: Database, path: Path) -> dict[str, object]:
    """The export with the entries in content order and without their ids, which are each
    journal's own (test_portable_between follows the links that use them)."""
    portable.write_export(portable_sources(db, NOW), path, clock=lambda: NOW)
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = [{k: v for k, v in e.items() if k != "id"} for e in data["entries"]]
    data["entries"] = sorted(entries, key=lambda e: json.dumps(e, sort_keys=True))
    return data


def _import(db: Database, path: Path) -> imports.ImportPlan:
    sources = portable_sources(db, NOW)
    parsed = portable.parse_export(imports.read_text(path.read_bytes()))
    plan = imports.plan(sources.entries, parsed.candidates, parsed.rejected)
    imports.apply(sources.entries, plan)
    portable.import_vocabulary(sources.vocabulary, parsed.vocabulary)
    assert sources.settings is not None
    import_settings(sources.settings, parsed.settings)
    return plan


any_entry = moods | gratitudes | triggers | reflections | statements | together | sessions
entries_in_bin = st.lists(st.tuples(any_entry, st.booleans()), max_size=8)
chosen_settings = st.fixed_dictionaries(
    {},
    optional={
        "lock.idle_minutes": st.none() | st.integers(1, 60),
        "lock.on_minimise": st.booleans(),
        "lock.on_inactive": st.booleans(),
        "appearance.theme": st.sampled_from(["system", "light", "dark"]),
        "insights.period": st.sampled_from(["4w", "3m", "12m", "all", "custom"]),
        "backups.automatic": st.booleans(),
    },
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=entries_in_bin, chosen=chosen_settings)
def test_export_import_export_gives_the_same_entries_and_twice_adds_nothing(
    entries: list[tuple[Entry, bool]], chosen: dict[str, object]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first, second = new_database(root / "a.db"), new_database(root / "b.db")
        try:
            repo = EntryRepository(db=first, clock=Clock(NOW))
            for entry, in_bin in entries:
                saved = repo.add(entry)
                if in_bin and saved.id is not None:
                    repo.delete(saved.id)
            VocabularyRepository(db=first, clock=Clock(NOW)).add("emotion", "Seen", family="joy")
            SettingsRepository(db=first).set_many(chosen)
            exported = _export(first, root / "a.json")
            assert exported["settings"] == chosen
            plan = _import(second, root / "a.json")
            assert (len(plan.to_add), plan.skipped, plan.rejected) == (len(entries), 0, [])
            assert _export(second, root / "b.json") == exported
            again = _import(second, root / "a.json")
            assert (len(again.to_add), again.skipped) == (0, len(entries))
            assert EntryRepository(db=second, clock=Clock()).count() == sum(
                not b for _e, b in entries
            )
        finally:
            first.close()
            second.close()


def test_the_file_is_private_and_says_what_it_is(tmp_path: Path) -> None:
    db = new_database(tmp_path / "a.db")
    EntryRepository(db=db, clock=Clock(NOW)).add(
        MoodCheckIn(
            occurred_at=datetime(2026, 3, 14, 9, tzinfo=timezone(timedelta(hours=1))), mood=4
        )
    )
    target = tmp_path / "all.json"
    assert portable.write_export(portable_sources(db, NOW), target, clock=lambda: NOW) == 1
    db.close()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("trustjournal-export", 2)
    [entry] = data["entries"]
    assert isinstance(entry["id"], int)
    assert entry["occurred_at"] == "2026-03-14T09:00:00+01:00"
    assert entry["in_bin"] is False
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.fixture(params=["unnamed", "named"])
def temp_files(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways an export is written: into a file with no name until it is complete (Linux
    `O_TMPFILE`), and into a hidden named temp file, as on systems without it."""
    if request.param == "named":
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    elif not hasattr(os, "O_TMPFILE"):
        pytest.skip("this system has no unnamed files")
    return str(request.param)


def _fail_at(code: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO], ids=["ENOSPC", "EIO"])
@pytest.mark.parametrize("call", ["fsync", "link"])
def test_a_failure_at_the_last_steps_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, temp_files: str, call: str, code: int
) -> None:
    db = new_database(tmp_path / "a.db")
    EntryRepository(db=db, clock=Clock(NOW)).add(MoodCheckIn(occurred_at=NOW, mood=4, note=WORD))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, call, _fail_at(code))
    with pytest.raises(UserFacingError) as caught:
        portable.write_export(portable_sources(db, NOW), out / "all.json", clock=lambda: NOW)
    monkeypatch.undo()
    db.close()
    assert ("disk is full" in caught.value.message) == (code == errno.ENOSPC)
    assert list(out.iterdir()) == []


def _open_in(folder: Path) -> int:
    """Bytes already on disk in the files this process has open in `folder` (named or not)."""
    total = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/self/fd/{fd}").startswith(f"{folder}{os.sep}"):
                total += os.stat(f"/proc/self/fd/{fd}").st_size
    return total


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to look")
def test_a_stop_halfway_through_the_entries_leaves_nothing_behind(
    tmp_path: Path, temp_files: str
) -> None:
    db = new_database(tmp_path / "a.db")
    entries = (MoodCheckIn(occurred_at=NOW, mood=4, note=f"{WORD} {i}") for i in range(1200))
    EntryRepository(db=db, clock=Clock(NOW)).add_many(entries)
    out = tmp_path / "out"
    out.mkdir()
    on_disk: list[int] = []
    shared = ExportProgress()  # what File → Export everything… shares with its worker

    def stop_at_the_second_chunk(done: int, total: int) -> None:
        if done and not on_disk:
            on_disk.append(_open_in(out))
            shared.stop.set()  # Stop pressed now, with half the journal written
        shared(done, total)

    with pytest.raises(ExportStopped):
        portable.write_export(
            portable_sources(db, NOW),
            out / "all.json",
            clock=lambda: NOW,
            progress=stop_at_the_second_chunk,
        )
    db.close()
    assert on_disk and on_disk[0] > 10_000  # half a journal really was on disk
    assert list(out.iterdir()) == []


def test_an_existing_file_is_never_replaced(tmp_path: Path, temp_files: str) -> None:
    db = new_database(tmp_path / "a.db")
    target = tmp_path / "all.json"
    target.write_bytes(b"someone's own file")
    with pytest.raises(UserFacingError, match="already a file with that name"):
        portable.write_export(portable_sources(db, NOW), target, clock=lambda: NOW)
    db.close()
    assert target.read_bytes() == b"someone's own file"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "something else"}', "could not be read"),
        ('{"format": "trustjournal-export", "version": 99, "entries": []}', "newer"),
    ],
)
def test_bad_files_import_nothing_and_say_why(text: str, message: str) -> None:
    with pytest.raises(ImportFormatError, match=message):
        portable.parse_export(text)


def test_an_invalid_entry_is_named_by_place_never_by_its_text(tmp_path: Path) -> None:
    good = {"kind": "mood", "occurred_at": "2026-03-14T09:00:00+01:00", "mood": 5}
    bad = {"kind": "mood", "occurred_at": "2026-03-14T09:00:00+01:00", "mood": 11, "note": "x"}
    text = json.dumps({"format": "trustjournal-export", "version": 1, "entries": [good, bad]})
    parsed = portable.parse_export(text)
    assert len(parsed.candidates) == 1
    [rejected] = parsed.rejected
    assert rejected.where == "entry 2"
    assert "mood" in rejected.reason


def test_too_large_or_not_utf8_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="larger than 50 MB"):
        imports.read_text(b" " * (imports.MAX_IMPORT_BYTES + 1))
    with pytest.raises(ImportFormatError, match="not UTF-8"):
        imports.read_text(b'{"a": "\xff"}')


def test_every_entry_kind_and_field_is_in_the_schema() -> None:
    from trustjournal.core.entries import ENTRY_TYPES, field_names
    from trustjournal.core.resources import load_json
    from trustjournal.core.serialize import json_name

    schema = load_json(*portable.SCHEMA)
    kinds = schema["$defs"]
    for kind in ENTRY_TYPES:
        properties = set(kinds[kind.value]["properties"])
        assert {json_name(name) for name in field_names(kind)} - {"id"} <= properties, kind
    assert EntryQuery  # the query module is what the export reads through


def test_every_exported_entry_has_only_fields_its_schema_allows(tmp_path: Path) -> None:
    from trustjournal.core.entries import (
        GratitudeEntry,
        QualityTime,
        Reflection,
        Statement,
        TherapySession,
        TriggerRecord,
    )
    from trustjournal.core.resources import load_json

    db = new_database(tmp_path / "a.db")
    repo = EntryRepository(db=db, clock=Clock(NOW))
    repo.add(MoodCheckIn(occurred_at=NOW, mood=5, tags=("walk",), private=True))
    repo.add(GratitudeEntry(occurred_at=NOW, text="tea", expressed_on=NOW.date()))
    binned = repo.add(TriggerRecord(occurred_at=NOW, situation="late", intensity=6))
    repo.add(Reflection(occurred_at=NOW, title="t", body="b", prompt="p"))
    repo.add(Statement(occurred_at=NOW, feel=("hurt",), when="w", said_on=NOW.date()))
    repo.add(QualityTime(occurred_at=NOW, what="walk", minutes=30, connection=7))
    repo.add(TherapySession(occurred_at=NOW, with_whom="Dr. Lee", next_at=NOW + timedelta(7)))
    assert binned.id is not None
    repo.delete(binned.id)
    data = _export(db, tmp_path / "all.json")
    db.close()
    schema = load_json(*portable.SCHEMA)
    assert set(data) <= set(schema["properties"])
    assert set(schema["required"]) <= set(data)
    for entry in data["entries"]:  # type: ignore[attr-defined]
        kind = schema["$defs"][entry["kind"]]
        assert set(entry) <= set(kind["properties"]), entry["kind"]
        assert set(kind["required"]) <= set(entry), entry["kind"]
    assert set(data["vocabulary"]) <= set(schema["properties"]["vocabulary"]["properties"])  # type: ignore[arg-type]
